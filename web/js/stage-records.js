// What went through one stage of a job: metal weighed in and out (the loss and its share), the inputs, outputs and
// losses recorded (waste, rejection, scrap recovered to its own SKU) and, per unit, what none of them explains.
import { html, raw, money, badge, time, checkRequired, formValues } from './ui.js';
import { field, selectField, optionalReason, reasonBody } from './forms.js';
import { materialPickerHtml, bindMaterialPicker } from './material-picker.js';

const UNITS = ['pcs', 'g', 'ct', 'dwt', 'ozt', 'mm'];
const FLOWS = [['Input', 'Input (consumed)'], ['Output', 'Output (produced)'], ['Loss', 'Loss']];
const LOSSES = [['Waste', 'Waste (gone)'], ['Rejection', 'Rejection (failed QC)'], ['Scrap', 'Scrap (recoverable)']];
const show = (n) => Number(n ?? 0).toLocaleString('en-US', { maximumFractionDigits: 4 });
const grams = (n) => `${show(n)} g`;

function metalHtml(s, editable) {
  const m = s.summary?.metal;
  const figures = m && html`<dl class="metal-figures">
      <div><dt>Loss</dt><dd>${grams(m.loss)}${m.lossPercent !== null && m.lossPercent !== undefined ? html` <span class="loss-pct">(${show(m.lossPercent)}%)</span>` : ''}</dd></div>
      <div><dt>Recorded losses</dt><dd>${grams(m.recorded)}</dd></div>
      <div class="${Number(m.unexplained) !== 0 ? 'is-unexplained' : ''}"><dt>Unexplained</dt><dd>${grams(m.unexplained)}</dd></div>
    </dl>`;
  if (!editable) {
    return m ? html`<div class="metal"><p class="metal-weights">Metal in ${grams(m.in)} · out ${s.metalOut === null || s.metalOut === undefined ? '—' : grams(m.out)}</p>${figures}</div>` : '';
  }
  const label = (text) => html`${text} <span class="visually-hidden">at ${s.name}</span>(g)`;
  return html`<div class="metal">
    <form class="metal-form" id="metal-${s.id}" data-form="stage-metal" data-id="${s.id}" data-preserve novalidate aria-label="Metal weight at ${s.name}">
      <div class="alert alert-error" role="alert" hidden></div>
      <div class="metal-fields">
        <div class="field"><label for="metal-${s.id}-in">${label('Metal in')}</label>
          <input type="number" id="metal-${s.id}-in" name="metalIn" value="${s.metalIn ?? ''}" min="0" step="any" inputmode="decimal"></div>
        <div class="field"><label for="metal-${s.id}-out">${label('Metal out')}</label>
          <input type="number" id="metal-${s.id}-out" name="metalOut" value="${s.metalOut ?? ''}" min="0" step="any" inputmode="decimal"></div>
        <button type="submit" class="btn btn-sm" id="metal-${s.id}-save">Save weights</button>
      </div>
    </form>
    ${figures}
  </div>`;
}

function valueText(r, cur) {
  if (!(Number(r.value) > 0)) return '';
  if (r.loss === 'Scrap') return `recoverable ${money(r.value, cur)}`;
  return r.flow === 'Input' ? `cost ${money(r.value, cur)}` : `value ${money(r.value, cur)}`;
}

const recordName = (r) => `${r.loss ? r.loss.toLowerCase() : r.flow.toLowerCase()} ${show(r.quantity)} ${r.unit} ${r.description}`;

function recordRow(s, r, cur, editable) {
  const value = valueText(r, cur);
  return html`<li class="record record-${String(r.loss || r.flow).toLowerCase()}" data-group="record-${r.id}">
    <span class="record-kind">${badge(r.flow, `flow-${r.flow.toLowerCase()}`)}${r.loss ? html` ${badge(r.loss, `loss-${r.loss.toLowerCase()}`)}` : ''}</span>
    <span class="record-what"><strong class="record-qty">${show(r.quantity)} ${r.unit}</strong> ${r.description}
      ${value && html`<span class="record-value">· ${value}</span>`}
      ${r.note && html`<span class="hint record-note">${r.note}</span>`}
      <span class="hint record-by">${r.by} · ${time(r.at)}</span></span>
    ${editable && html`<button type="button" class="btn btn-sm" id="record-${r.id}-remove" data-action="record-remove" data-stage="${s.id}" data-id="${r.id}"
      aria-label="Remove ${recordName(r)}">Remove</button>`}
  </li>`;
}

/** "in 30 g − out 26 g − waste 0.5 − rejection 0 − scrap 2.5 = unexplained 1 g" for each unit recorded. */
const flowLine = (f) => html`<li class="${Number(f.unexplained) !== 0 ? 'is-unexplained' : ''}">in ${show(f.input)} ${f.unit} − out ${show(f.output)} ${f.unit}
  − waste ${show(f.waste)} − rejection ${show(f.rejection)} − scrap ${show(f.scrap)} = <strong>unexplained ${show(f.unexplained)} ${f.unit}</strong></li>`;

/** The records part of a stage on the timeline. */
export function stageBodyHtml(job, s, editable) {
  const records = s.records || [];
  const flows = s.summary?.flows || [];
  const cur = job.currency || 'USD';
  const anything = records.length || s.metalIn !== null && s.metalIn !== undefined;
  if (!editable && !anything) return '';
  return html`<div class="stage-body">
    ${metalHtml(s, editable)}
    ${records.length > 0 && html`<ul class="record-list" role="list" aria-label="Recorded at ${s.name}">${records.map((r) => recordRow(s, r, cur, editable))}</ul>`}
    ${flows.length > 0 && html`<ul class="flow-summary" role="list" aria-label="Summary of ${s.name}">${flows.map(flowLine)}</ul>`}
    ${editable && html`<p class="record-actions"><button type="button" class="btn btn-sm" id="stage-${s.id}-record" data-action="record-add" data-id="${s.id}"
      aria-label="Record at ${s.name}">Record…</button></p>`}
  </div>`;
}

function recordFields() {
  return html`<div class="form-grid" data-record-form>
    ${selectField({ id: 'rc-flow', name: 'flow', text: 'Flow', options: FLOWS, value: 'Input' })}
    <div data-part="loss" hidden>${selectField({ id: 'rc-loss', name: 'loss', text: 'Loss kind', options: LOSSES, value: 'Waste', disabled: true })}</div>
    <div class="span-all" data-part="material">${materialPickerHtml('rc-material', { text: 'Material from inventory (optional)',
      hint: 'An input with a material is drawn from stock; an output goes into it.' })}</div>
    <div class="span-all" data-part="new-item" hidden>
      ${field({ id: 'rc-new', name: 'newItem', text: 'Put this output into inventory as a new item', type: 'checkbox', disabled: true })}
      <div class="form-grid" data-part="new-item-fields" hidden>
        ${selectField({ id: 'rc-new-kind', name: 'newKind', text: 'Kind', options: ['Other', 'Stone', 'Metal'], value: 'Other', disabled: true })}
        ${field({ id: 'rc-new-sku', name: 'newSku', text: 'SKU (optional)', disabled: true, attrs: 'maxlength="40" autocomplete="off"' })}
        <div data-part="new-metal" hidden>${field({ id: 'rc-new-metal', name: 'newMetal', text: 'Metal', disabled: true, attrs: 'maxlength="40"' })}</div>
      </div>
    </div>
    <div class="span-all">${field({ id: 'rc-description', name: 'description', text: 'Description', hint: 'Optional when a material is chosen.', attrs: 'autocomplete="off"' })}</div>
    ${field({ id: 'rc-quantity', name: 'quantity', text: 'Quantity', type: 'number', required: true, attrs: 'min="0" step="any" inputmode="decimal"' })}
    ${selectField({ id: 'rc-unit', name: 'unit', text: 'Unit', options: UNITS, value: 'g' })}
    <div data-part="value" hidden>${field({ id: 'rc-value', name: 'value', text: 'Value', type: 'number', disabled: true, attrs: 'min="0" step="0.01" inputmode="decimal"' })}</div>
    <div class="span-all">${field({ id: 'rc-note', name: 'note', text: 'Note', type: 'textarea', attrs: 'maxlength="500"' })}</div>
  </div>`;
}

/** Shows the fields that belong to the chosen flow and loss kind. */
function bindRecordForm(form, currency) {
  const els = form.elements;
  const part = (name) => form.querySelector(`[data-part="${name}"]`);
  const toggle = (name, on) => {
    part(name).hidden = !on;
    part(name).querySelectorAll('input:not([type="hidden"]), select').forEach((el) => { el.disabled = !on; });
  };
  let material = null;
  const picker = bindMaterialPicker(form, 'rc-material', {
    currency,
    onChange: (m) => {
      material = m;
      // A record against a material is in the unit the material is kept in.
      if (m) els.unit.value = m.unit;
      els.unit.disabled = Boolean(m);
      apply();
    },
  });
  const apply = () => {
    const loss = els.flow.value === 'Loss';
    toggle('loss', loss);
    const kind = loss ? els.loss.value : null;
    const materialAllowed = !loss || kind === 'Scrap';
    if (!materialAllowed && picker.chosen) picker.clear();
    part('material').hidden = !materialAllowed;
    form.querySelector('label[for="rc-material-find"]').textContent = kind === 'Scrap'
      ? 'Recovered from (material)' : 'Material from inventory (optional)';
    form.querySelector('#rc-material-find-hint').textContent = kind === 'Scrap'
      ? 'The scrap goes back to stock under this material’s scrap SKU.' : 'An input with a material is drawn from stock; an output goes into it.';
    // An output with no material chosen may go into stock as a new item, named by its description.
    const output = els.flow.value === 'Output';
    toggle('new-item', output && !picker.chosen);
    const newItem = output && !picker.chosen && els.newItem.checked;
    toggle('new-item-fields', newItem);
    toggle('new-metal', newItem && els.newKind.value === 'Metal');
    const valued = kind === 'Scrap' || output;
    toggle('value', valued);
    form.querySelector('label[for="rc-value"]').textContent = kind === 'Scrap' ? 'Recoverable value' : 'Value';
    els.unit.disabled = Boolean(material);
  };
  form.addEventListener('change', (e) => { if ([els.flow, els.loss, els.newItem, els.newKind].includes(e.target)) apply(); });
  apply();
}

const recordBody = (v) => ({
  flow: v.flow, loss: v.flow === 'Loss' ? v.loss : null, description: v.description || null, quantity: v.quantity,
  unit: v.unit || null, materialId: v.materialId || null, note: v.note || null, value: v.value ?? null,
  ...(v.newItem ? { newMaterial: { kind: v.newKind, sku: v.newSku || null, metal: v.newMetal || null } } : {}),
});

const findStage = (ctx, id) => (ctx.job.stages || []).find((s) => String(s.id) === String(id));
const recordsPath = (stageId) => `/stages/${encodeURIComponent(stageId)}/records`;

export const recordActions = {
  'record-add': (btn, ctx) => {
    const s = findStage(ctx, btn.dataset.id);
    return ctx.dialogWrite({
      title: `Record at ${s.name}`, body: recordFields(), confirmLabel: 'Save record',
      onOpen: (form) => bindRecordForm(form, ctx.job.currency),
    }, (v) => ['POST', recordsPath(s.id), recordBody(v)], { success: `Recorded at ${s.name}` });
  },
  'record-remove': (btn, ctx) => {
    const s = findStage(ctx, btn.dataset.stage);
    const r = (s.records || []).find((x) => x.id === btn.dataset.id);
    return ctx.dialogWrite({
      title: 'Remove this record?',
      body: html`<p>Remove <strong>${recordName(r)}</strong> from ${s.name}?${r.materialId ? raw(' The stock it moved is moved back.') : ''}</p>${optionalReason('rr-reason')}`,
      confirmLabel: 'Remove record', danger: true,
    }, (v) => ['DELETE', `${recordsPath(s.id)}/${encodeURIComponent(r.id)}`, reasonBody(v)], { success: 'Record removed' });
  },
};

export const recordForms = {
  'stage-metal': (form, ctx, submitter) => {
    if (!checkRequired(form)) return;
    const v = formValues(form);
    if (v.metalOut !== null && v.metalIn === null) { ctx.formError(form, 'metalIn', 'Weigh the metal in first.'); return; }
    return ctx.write('PATCH', `/stages/${encodeURIComponent(form.dataset.id)}`, { metalIn: v.metalIn, metalOut: v.metalOut },
      { button: submitter, form, success: 'Weights saved' });
  },
};
