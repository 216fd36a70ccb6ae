// Stages section of the job page: list, status buttons, reorder, edit, delete, add.
import { html, raw, money, formatDate, time, statusBadge, badge, checkRequired, formValues, withBusy, toast } from './ui.js';
import { field, selectField, optionalReason, reasonBody } from './forms.js';
import { activeProcesses, stageNames } from './processes.js';

const QUICK_NAMES = ['Casting', 'Setting', 'Polish', 'Engraving', 'Plating', 'QC'];
const VENDOR_KINDS = [['InHouse', 'In-house'], ['Outside', 'Outside']];

function stageFields(prefix, s = {}) {
  return html`<div class="form-grid">
    ${field({ id: `${prefix}-name`, name: 'name', text: 'Stage name', value: s.name, required: true, attrs: `list="stage-names" autocomplete="off"` })}
    ${field({ id: `${prefix}-vendor`, name: 'vendor', text: 'Vendor', value: s.vendor, attrs: 'autocomplete="off" placeholder="e.g. Acme Casting"' })}
    ${selectField({ id: `${prefix}-vendorKind`, name: 'vendorKind', text: 'Done by', options: VENDOR_KINDS, value: s.vendorKind || 'InHouse' })}
    ${field({ id: `${prefix}-cost`, name: 'cost', text: 'Cost', type: 'number', value: s.cost ?? '', attrs: 'min="0" step="0.01" inputmode="decimal"' })}
    ${field({ id: `${prefix}-dueDate`, name: 'dueDate', text: 'Due date', type: 'date', value: (s.dueDate || '').slice(0, 10) })}
    <div class="span-all">${field({ id: `${prefix}-notes`, name: 'notes', text: 'Notes', type: 'textarea', value: s.notes })}</div>
  </div>`;
}

const stageBody = (v) => ({
  name: v.name, vendor: v.vendor || null, vendorKind: v.vendorKind || 'InHouse',
  cost: v.cost ?? 0, dueDate: v.dueDate || null, notes: v.notes || null,
});

function stageRow(s, i, count, cur, editable) {
  const open = s.status === 'Pending' || s.status === 'InProgress';
  const b = (action, text, show = true, disabled = false, icon = '') => show
    ? html`<button type="button" class="btn btn-sm ${icon ? 'btn-icon' : ''}" id="stage-${s.id}-${action}" data-action="stage-${action}"
        data-id="${s.id}" ${disabled ? raw('disabled') : ''} ${icon ? html`aria-label="${text}" title="${text}"` : ''}>${icon || text}</button>`
    : '';
  return html`<li class="stage stage-${String(s.status).toLowerCase()}" data-group="stage-${s.id}">
    <div class="stage-main">
      <div class="stage-head">
        <span class="stage-pos" aria-hidden="true">${i + 1}</span>
        <h3 class="stage-name">${s.name}</h3>
        ${statusBadge(s.status)}
        ${s.vendorKind === 'Outside' && badge('Outside', 'outside')}
      </div>
      <p class="stage-meta">
        <span>${s.vendor || (s.vendorKind === 'Outside' ? 'Outside vendor' : 'In-house')}</span>
        <span>${money(s.cost, cur)}</span>
        ${s.dueDate && html`<span>Due ${formatDate(s.dueDate)}</span>`}
        ${s.startedAt && html`<span>Started ${time(s.startedAt)}</span>`}
        ${s.finishedAt && html`<span>Finished ${time(s.finishedAt)}</span>`}
      </p>
      ${s.notes && html`<p class="stage-notes">${s.notes}</p>`}
    </div>
    ${editable && html`<div class="stage-actions" role="group" aria-label="${s.name} (stage ${i + 1})">
      ${b('start', 'Start', s.status === 'Pending')}
      ${b('done', 'Done', open)}
      ${b('skip', 'Skip', open)}
      ${b('up', 'Move up', true, i === 0, '↑')}
      ${b('down', 'Move down', true, i === count - 1, '↓')}
      ${b('edit', 'Edit')}
      ${b('delete', 'Delete')}
    </div>`}
  </li>`;
}

export function stagesHtml(job, editable) {
  const stages = job.stages || [];
  const cur = job.currency || 'USD';
  return html`<section class="panel" id="stages" aria-labelledby="stages-h">
    <h2 id="stages-h" tabindex="-1">Stages</h2>
    ${job.process && html`<p class="hint">From process: <strong>${job.process.name} (v${job.process.version})</strong></p>`}
    ${stages.length
      ? html`<ol class="stage-list" role="list">${stages.map((s, i) => stageRow(s, i, stages.length, cur, editable))}</ol>`
      : html`<p class="empty-inline">No stages yet. Add the steps this piece goes through.</p>`}
    ${editable && html`<div class="form-actions"><button type="button" class="btn" id="stage-from-process" data-action="stage-from-process">Add stages from process</button></div>`}
    ${editable ? html`<form id="stage-form" class="add-form" data-form="stage-add" data-preserve novalidate aria-labelledby="stage-form-h">
        <h3 id="stage-form-h">Add a stage</h3>
        <div class="quick-add" role="group" aria-label="Quick add">
          <span class="quick-label" aria-hidden="true">Quick add:</span>
          ${QUICK_NAMES.map((n) => html`<button type="button" class="chip" id="quick-${n}" data-action="stage-quick" data-name="${n}"><span aria-hidden="true">+ </span><span class="visually-hidden">Add </span>${n}</button>`)}
        </div>
        <datalist id="stage-names">${QUICK_NAMES.map((n) => html`<option value="${n}"></option>`)}</datalist>
        <div class="alert alert-error" role="alert" hidden></div>
        ${stageFields('st')}
        <div class="form-actions"><button type="submit" class="btn btn-primary" id="stage-add">Add stage</button></div>
      </form>`
      : html`<p class="hint">Stages can't change once the job is ${String(job.status).toLowerCase()}.</p>`}
  </section>`;
}

const findStage = (ctx, id) => (ctx.job.stages || []).find((s) => String(s.id) === String(id));
const path = (btn) => `/stages/${encodeURIComponent(btn.dataset.id)}`;
const patch = (body, success) => (btn, ctx) => ctx.write('PATCH', path(btn), body, { button: btn, success });

function move(delta) {
  return (btn, ctx) => {
    const index = (ctx.job.stages || []).findIndex((s) => String(s.id) === btn.dataset.id);
    return ctx.write('PATCH', path(btn), { position: index + delta }, { button: btn, success: 'Stage moved' });
  };
}

export const stageActions = {
  'stage-start': patch({ status: 'InProgress' }, 'Stage started'),
  'stage-done': patch({ status: 'Done' }, 'Stage done'),
  'stage-skip': patch({ status: 'Skipped' }, 'Stage skipped'),
  'stage-up': move(-1),
  'stage-down': move(1),
  'stage-from-process': (btn, ctx) => addFromProcess(btn, ctx),
  'stage-quick': (btn, ctx) => ctx.write('POST', '/stages', stageBody({ name: btn.dataset.name }),
    { button: btn, success: `${btn.dataset.name} stage added` }),
  'stage-edit': (btn, ctx) => {
    const s = findStage(ctx, btn.dataset.id);
    return ctx.dialogWrite({ title: `Edit stage: ${s.name}`, body: stageFields('se', s), confirmLabel: 'Save stage' },
      (v) => ['PATCH', path(btn), stageBody(v)], { success: 'Stage saved' });
  },
  'stage-delete': (btn, ctx) => {
    const s = findStage(ctx, btn.dataset.id);
    return ctx.dialogWrite({
      title: 'Delete stage?', body: html`<p>Delete the <strong>${s.name}</strong> stage from ${ctx.job.id}?</p>${optionalReason('sd-reason')}`,
      confirmLabel: 'Delete', danger: true,
    }, (v) => ['DELETE', path(btn), reasonBody(v)], { success: 'Stage deleted' });
  },
};

/** Appends copies of a process's stages; the dialog shows which stages each process brings. */
async function addFromProcess(btn, ctx) {
  let processes;
  try { processes = await withBusy(btn, activeProcesses); } catch (err) {
    toast(`Processes could not be loaded: ${err.message}`, 'info');
    return;
  }
  if (!processes.length) { toast('No processes yet: set them up under Processes in the menu.', 'info'); return; }
  const hint = (id) => `Stages: ${stageNames(processes.find((p) => p.id === id) || processes[0])}`;
  await ctx.dialogWrite({
    title: 'Add stages from a process',
    body: html`${selectField({ id: 'sfp-process', name: 'processId', text: 'Process', options: processes.map((p) => [p.id, p.name]) })}
      <p class="hint" id="sfp-hint" aria-live="polite">${hint(processes[0].id)}</p>
      <p class="hint">They are added after this job's stages, due dates counted from today. Later changes to the process do not change this job.</p>`,
    confirmLabel: 'Add stages',
    onOpen: (form) => form.elements.processId.addEventListener('change', (e) => {
      form.querySelector('#sfp-hint').textContent = hint(e.target.value);
    }),
  }, (v) => ['POST', '/stages/from-process', { processId: v.processId }], { success: 'Stages added from the process', focus: 'stages-h' });
}
export const stageForms = {
  'stage-add': (form, ctx, submitter) => {
    if (!checkRequired(form)) return;
    return ctx.write('POST', '/stages', stageBody(formValues(form)),
      { button: submitter, form, success: 'Stage added' });
  },
};
