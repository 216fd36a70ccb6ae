// The bill-of-materials editor of a style page: the lines per piece (a material from inventory, labor hours × rate,
// a fee), each with its cost and the total per piece. Lines change here and are saved with the style (the list is
// sent whole); their inputs belong to the style form (form="…"), so the server's `bom[2].quantity` errors land on them.
import { html, setHtml, money, badge, nextId, toast } from './ui.js';
import { field } from './forms.js';
import { materialPickerHtml, bindMaterialPicker } from './material-picker.js';

const KIND_TEXT = { Material: 'Material', Labor: 'Labor', Fee: 'Fee' };
const num = (v) => Number(v) || 0;
const show = (n) => Number(n ?? 0).toLocaleString('en-US', { maximumFractionDigits: 4 });

/** The lines of a saved style, as the editor keeps them. */
export const linesOf = (style) => (style?.bom || []).map((l) => ({
  key: nextId('bom'), kind: l.kind, materialId: l.materialId || null, description: l.description, quantity: l.quantity,
  unit: l.unit, unitCost: l.unitCost, onHand: l.onHand,
}));

const lineCost = (l) => (l.kind === 'Fee' ? 1 : num(l.quantity)) * num(l.unitCost);
export const totalCost = (lines) => lines.reduce((sum, l) => sum + lineCost(l), 0);

/** The lines as the API takes them: an inventory line gives its description, unit and cost from stock. */
export const bomBody = (lines) => lines.map((l) => {
  if (l.kind === 'Material' && l.materialId) return { kind: 'Material', materialId: l.materialId, quantity: num(l.quantity) };
  if (l.kind === 'Fee') return { kind: 'Fee', description: l.description, unitCost: num(l.unitCost) };
  if (l.kind === 'Labor') return { kind: 'Labor', description: l.description, quantity: num(l.quantity), unitCost: num(l.unitCost) };
  return { kind: 'Material', description: l.description, quantity: num(l.quantity), unit: l.unit, unitCost: num(l.unitCost) };
});

function rowHtml(l, i, cur, formId) {
  const fixedCost = l.kind === 'Material' && l.materialId;
  const qtyLabel = l.kind === 'Labor' ? `Hours of ${l.description}` : `Quantity of ${l.description}`;
  const input = (name, value, label, attrs) => html`<span class="bom-input"><label class="visually-hidden" for="bom-${i}-${name}">${label}</label>
    <input type="number" id="bom-${i}-${name}" name="bom[${i}].${name}" form="${formId}" value="${value}" data-line="${i}" data-prop="${name}"
      min="0" step="any" inputmode="decimal" ${attrs}></span>`;
  return html`<tr data-group="bom-${l.key}">
    <td data-label="Kind">${badge(KIND_TEXT[l.kind] || l.kind, `kind-${String(l.kind).toLowerCase()}`)}</td>
    <td data-label="Line"><span><span class="bom-desc">${l.description}</span>${l.materialId && l.onHand !== undefined && l.onHand !== null
      ? html`<span class="hint bom-stock">${show(l.onHand)} ${l.unit} on hand</span>` : ''}</span></td>
    <td data-label="${l.kind === 'Labor' ? 'Hours' : 'Qty'}" class="num">${l.kind === 'Fee' ? '—'
      : html`<span class="bom-qty">${input('quantity', l.quantity, qtyLabel, '')} <span class="bom-unit">${l.kind === 'Labor' ? 'h' : l.unit}</span></span>`}</td>
    <td data-label="Rate" class="num">${fixedCost
      ? html`${money(l.unitCost, cur)} / ${l.unit}`
      : input('unitCost', l.unitCost, l.kind === 'Fee' ? `Amount of ${l.description}` : `Rate of ${l.description}`, 'step="0.01"')}</td>
    <td data-label="Cost" class="num" data-line-cost="${i}">${money(lineCost(l), cur)}</td>
    <td class="row-actions"><div><button type="button" class="btn btn-sm" data-remove="${i}" aria-label="Remove ${l.description}">Remove</button></div></td>
  </tr>`;
}

function tableHtml(lines, cur, formId) {
  if (!lines.length) return html`<p class="empty-inline">No lines yet. Add the stones and metal from inventory, the labor and any fees of one piece.</p>`;
  return html`<table class="table item-table bom-table"><caption class="visually-hidden">Bill of materials per piece</caption>
    <thead><tr><th scope="col">Kind</th><th scope="col">Line</th><th scope="col" class="num">Qty</th><th scope="col" class="num">Rate</th>
      <th scope="col" class="num">Cost</th><th scope="col"><span class="visually-hidden">Actions</span></th></tr></thead>
    <tbody>${lines.map((l, i) => rowHtml(l, i, cur, formId))}</tbody></table>`;
}

const addFormsHtml = () => html`<div class="bom-add">
  <form class="bom-add-form" data-add="Material" novalidate aria-labelledby="bom-add-material-h">
    <h3 id="bom-add-material-h">Add material from inventory</h3>
    <div class="alert alert-error" role="alert" hidden></div>
    ${materialPickerHtml('bom-material')}
    ${field({ id: 'bom-m-qty', name: 'quantity', text: 'Quantity per piece', type: 'number', value: 1, attrs: 'min="0" step="any" inputmode="decimal"' })}
    <div class="form-actions"><button type="submit" class="btn">Add material line</button></div>
  </form>
  <form class="bom-add-form" data-add="Labor" novalidate aria-labelledby="bom-add-labor-h">
    <h3 id="bom-add-labor-h">Add labor</h3>
    <div class="alert alert-error" role="alert" hidden></div>
    ${field({ id: 'bom-l-desc', name: 'description', text: 'Labor description', attrs: 'autocomplete="off" placeholder="e.g. Setting"' })}
    <div class="form-grid">
      ${field({ id: 'bom-l-qty', name: 'quantity', text: 'Hours per piece', type: 'number', attrs: 'min="0" step="any" inputmode="decimal"' })}
      ${field({ id: 'bom-l-rate', name: 'unitCost', text: 'Rate per hour', type: 'number', attrs: 'min="0" step="0.01" inputmode="decimal"' })}
    </div>
    <div class="form-actions"><button type="submit" class="btn">Add labor line</button></div>
  </form>
  <form class="bom-add-form" data-add="Fee" novalidate aria-labelledby="bom-add-fee-h">
    <h3 id="bom-add-fee-h">Add fee</h3>
    <div class="alert alert-error" role="alert" hidden></div>
    ${field({ id: 'bom-f-desc', name: 'description', text: 'Fee description', attrs: 'autocomplete="off" placeholder="e.g. Finishing"' })}
    ${field({ id: 'bom-f-amount', name: 'unitCost', text: 'Fee per piece', type: 'number', attrs: 'min="0" step="0.01" inputmode="decimal"' })}
    <div class="form-actions"><button type="submit" class="btn">Add fee line</button></div>
  </form>
</div>`;

/**
 * Draws the editor into `section` and keeps its lines; `onChange` runs on every change of them.
 * Returns { lines, body(), reset(lines) }.
 */
export function bomEditor(section, initial, { currency = 'USD', formId, onChange = () => {} }) {
  let lines = initial;
  setHtml(section, html`<h2 id="bom-h" tabindex="-1">Bill of materials</h2>
    <p class="hint">Per piece. Inventory lines are costed at today’s unit cost; a batch takes them from stock times its quantity.</p>
    <div data-bom-table></div>
    <p class="bom-total" role="status">Cost per piece: <strong data-bom-total></strong></p>
    ${addFormsHtml()}`);
  const tableBox = section.querySelector('[data-bom-table]');
  const totalEl = section.querySelector('[data-bom-total]');
  const draw = () => {
    setHtml(tableBox, tableHtml(lines, currency, formId));
    totalEl.textContent = money(totalCost(lines), currency);
  };
  const changed = () => { totalEl.textContent = money(totalCost(lines), currency); onChange(); };

  tableBox.addEventListener('input', (e) => {
    const el = e.target.closest('[data-line]');
    if (!el) return;
    const line = lines[Number(el.dataset.line)];
    line[el.dataset.prop] = el.value === '' ? '' : Number(el.value);
    section.querySelector(`[data-line-cost="${el.dataset.line}"]`).textContent = money(lineCost(line), currency);
    changed();
  });
  tableBox.addEventListener('click', (e) => {
    const btn = e.target.closest('[data-remove]');
    if (!btn) return;
    const index = Number(btn.dataset.remove);
    const [removed] = lines.splice(index, 1);
    draw();
    changed();
    toast(`${removed.description} removed — save the style to keep it`, 'info');
    (tableBox.querySelectorAll('[data-remove]')[Math.min(index, lines.length - 1)] || section.querySelector('#bom-h')).focus();
  });

  const picker = bindMaterialPicker(section, 'bom-material', {
    currency,
    onChange: (m) => {
      const label = section.querySelector('label[for="bom-m-qty"]');
      label.textContent = m ? `Quantity per piece (${m.unit})` : 'Quantity per piece';
    },
  });

  const fail = (form, message, focus) => {
    const alert = form.querySelector('[role="alert"]');
    setHtml(alert, html`<p class="alert-title">${message}</p>`);
    alert.hidden = false;
    focus?.focus();
  };
  section.querySelectorAll('form[data-add]').forEach((form) => form.addEventListener('submit', (e) => {
    e.preventDefault();
    const alert = form.querySelector('[role="alert"]');
    alert.hidden = true;
    const kind = form.dataset.add;
    const els = form.elements;
    const qty = els.quantity ? Number(els.quantity.value) : 1;
    const cost = els.unitCost ? Number(els.unitCost.value) : 0;
    let line;
    if (kind === 'Material') {
      const m = picker.chosen;
      if (!m) { fail(form, 'Choose a material from inventory first.', form.querySelector('input[type="search"]')); return; }
      if (!(qty > 0)) { fail(form, 'Enter a quantity per piece greater than zero.', els.quantity); return; }
      line = { kind, materialId: m.id, description: `${m.sku} ${m.name}`, quantity: qty, unit: m.unit, unitCost: m.unitCost, onHand: m.onHand };
    } else {
      const description = els.description.value.trim();
      if (!description) { fail(form, `Describe the ${kind === 'Labor' ? 'labor' : 'fee'}.`, els.description); return; }
      if (kind === 'Labor' && !(qty > 0)) { fail(form, 'Enter the hours per piece.', els.quantity); return; }
      if (!(cost >= 0) || els.unitCost.value === '') { fail(form, kind === 'Labor' ? 'Enter the rate per hour.' : 'Enter the fee per piece.', els.unitCost); return; }
      line = { kind, materialId: null, description, quantity: kind === 'Fee' ? 1 : qty, unit: kind === 'Labor' ? 'h' : 'fee', unitCost: cost };
    }
    lines.push({ key: nextId('bom'), ...line });
    draw();
    changed();
    form.reset();
    if (kind === 'Material') picker.clear();
    toast(`${line.description} added — save the style to keep it`, 'info');
    (form.querySelector('input[type="search"], input:not([type="hidden"])'))?.focus();
  }));

  draw();
  return {
    get lines() { return lines; },
    body: () => bomBody(lines),
    reset(next) { lines = next; draw(); },
  };
}
