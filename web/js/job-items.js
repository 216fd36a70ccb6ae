// Items section (materials, labor, fees). A production job's items change only while it is a Draft.
// Material from inventory keeps its description, unit and cost from stock: only its quantity is edited.
import { html, money, badge, checkRequired, formValues } from './ui.js';
import { field, selectField, optionalReason, reasonBody } from './forms.js';
import { allocationHtml, canReturn, isOpenAllocation, inventoryActions } from './job-inventory.js';

const UNITS = ['pcs', 'g', 'ct', 'dwt', 'ozt', 'mm'];
// Per kind: [quantity label or null when unused, cost label]
const KIND_LABELS = { Material: ['Quantity', 'Unit cost'], Labor: ['Hours', 'Rate'], Fee: [null, 'Amount'] };

function itemFields(prefix, item = {}, kindFixed = false) {
  const kind = item.kind || 'Material';
  return html`<div class="form-grid item-fields">
    ${kindFixed
      ? html`<input type="hidden" name="kind" value="${kind}">`
      : selectField({ id: `${prefix}-kind`, name: 'kind', text: 'Kind', options: Object.keys(KIND_LABELS), value: kind })}
    <div class="${kindFixed ? 'span-all' : ''}">${field({ id: `${prefix}-description`, name: 'description', text: 'Description', value: item.description, required: true, attrs: 'autocomplete="off"' })}</div>
    <div data-part="quantity">${field({ id: `${prefix}-quantity`, name: 'quantity', text: 'Quantity', type: 'number', value: item.quantity ?? 1, attrs: 'min="0" step="any" inputmode="decimal"' })}</div>
    <div data-part="unit">${selectField({ id: `${prefix}-unit`, name: 'unit', text: 'Unit', options: UNITS, value: item.unit || 'pcs' })}</div>
    <div data-part="cost">${field({ id: `${prefix}-unitCost`, name: 'unitCost', text: 'Unit cost', type: 'number', value: item.unitCost ?? '', attrs: 'min="0" step="0.01" inputmode="decimal"' })}</div>
  </div>
  <p class="line-preview" data-preview></p>`;
}

/** Relabel / show / hide fields for the chosen kind and refresh the line-total preview. */
export function applyKind(form, currency = 'USD') {
  const els = form.elements;
  const kind = els.kind?.value || 'Material';
  const [qtyLabel, costLabel] = KIND_LABELS[kind] || KIND_LABELS.Material;
  const toggle = (part, show) => {
    const box = form.querySelector(`[data-part="${part}"]`);
    box.hidden = !show;
    box.querySelectorAll('input, select').forEach((el) => { el.disabled = !show; });
  };
  toggle('quantity', Boolean(qtyLabel));
  toggle('unit', kind === 'Material');
  if (qtyLabel) form.querySelector(`label[for="${els.quantity.id}"]`).textContent = qtyLabel;
  form.querySelector(`label[for="${els.unitCost.id}"]`).textContent = costLabel;
  const qty = kind === 'Fee' ? 1 : Number(els.quantity.value) || 0;
  const total = qty * (Number(els.unitCost.value) || 0);
  form.querySelector('[data-preview]').textContent = `Line total: ${money(total, currency)}`;
}

function itemBody(v, kind) {
  const base = { description: v.description, unitCost: v.unitCost ?? 0 };
  if (kind === 'Fee') return { ...base, quantity: 1, unit: null };
  if (kind === 'Labor') return { ...base, quantity: v.quantity ?? 0, unit: 'h' };
  return { ...base, quantity: v.quantity ?? 0, unit: v.unit || 'pcs' };
}

function qtyText(it) {
  if (it.kind === 'Fee') return '—';
  return `${Number(it.quantity ?? 0).toLocaleString('en-US', { maximumFractionDigits: 4 })} ${it.kind === 'Labor' ? 'h' : it.unit || ''}`.trim();
}

function rowActions(it, job, editable) {
  const inventory = Boolean(it.materialId);
  const buttons = [
    editable && (!inventory || isOpenAllocation(it)) && html`<button type="button" class="btn btn-sm" id="item-${it.id}-edit" data-action="item-edit" data-id="${it.id}">Edit</button>`,
    editable && (!inventory || isOpenAllocation(it)) && html`<button type="button" class="btn btn-sm" id="item-${it.id}-delete" data-action="item-delete" data-id="${it.id}">Delete</button>`,
    canReturn(job, it) && html`<button type="button" class="btn btn-sm" id="item-${it.id}-return" data-action="item-return" data-id="${it.id}">Return to stock</button>`,
  ].filter(Boolean);
  return html`<td class="row-actions"><div role="group" aria-label="${it.description}">${buttons}</div></td>`;
}

function itemRow(it, job, editable, withActions) {
  const cur = job.currency || 'USD';
  const rate = it.kind === 'Fee' ? '—' : `${money(it.unitCost, cur)} / ${it.kind === 'Labor' ? 'h' : it.unit || 'unit'}`;
  return html`<tr data-group="item-${it.id}">
    <td data-label="Kind">${badge(it.kind, `kind-${String(it.kind).toLowerCase()}`)}</td>
    <td data-label="Description">${it.materialId ? html`<span class="inv-line">${allocationHtml(it)}</span>` : it.description}</td>
    <td data-label="Qty" class="num">${qtyText(it)}</td>
    <td data-label="Rate" class="num">${rate}</td>
    <td data-label="Cost" class="num">${money(it.cost, cur)}</td>
    ${withActions && rowActions(it, job, editable)}
  </tr>`;
}

export function itemsHtml(job) {
  const items = job.items || [];
  // A repair or custom job keeps its lines open until the invoice is made (Ready for Pickup) or it closes.
  const customerJob = job.module === 'Repair' || job.module === 'Custom';
  const editable = customerJob ? ['Received', 'NeedsQuote', 'WaitingOnVendor', 'InProgress'].includes(job.status) : job.status === 'Draft';
  const withActions = editable || items.some((it) => canReturn(job, it));
  return html`<section class="panel" id="items" aria-labelledby="items-h">
    <h2 id="items-h" tabindex="-1">Items</h2>
    ${!editable && html`<p class="hint hint-lock">${customerJob ? 'Lines are fixed once the invoice is made' : 'Items are fixed once in production'}</p>`}
    ${items.length
      ? html`<table class="table item-table"><caption class="visually-hidden">Materials, labor and fees</caption>
          <thead><tr><th scope="col">Kind</th><th scope="col">Description</th><th scope="col" class="num">Qty</th>
            <th scope="col" class="num">Rate</th><th scope="col" class="num">Cost</th>${withActions && html`<th scope="col"><span class="visually-hidden">Actions</span></th>`}</tr></thead>
          <tbody>${items.map((it) => itemRow(it, job, editable, withActions))}</tbody></table>`
      : html`<p class="empty-inline">No materials, labor or fees yet.</p>`}
    ${editable && html`<p class="inv-add"><button type="button" class="btn" id="item-inventory" data-action="item-from-inventory">Add from inventory</button>
      <span class="hint">Takes stones or metal out of stock for this job.</span></p>`}
    ${editable && html`<form id="item-form" class="add-form" data-form="item-add" data-kind-form data-preserve novalidate aria-labelledby="item-form-h">
        <h3 id="item-form-h">Add an item</h3>
        <div class="alert alert-error" role="alert" hidden></div>
        ${itemFields('it')}
        <div class="form-actions"><button type="submit" class="btn btn-primary" id="item-add">Add item</button></div>
      </form>`}
  </section>`;
}

const findItem = (ctx, id) => (ctx.job.items || []).find((i) => String(i.id) === String(id));
const path = (id) => `/items/${encodeURIComponent(id)}`;

export const itemActions = {
  ...inventoryActions,
  'item-edit': (btn, ctx) => {
    const it = findItem(ctx, btn.dataset.id);
    if (it.materialId) {
      return ctx.dialogWrite({
        title: `Change quantity: ${it.description}`,
        body: html`${field({ id: 'ie-quantity', name: 'quantity', text: `Quantity (${it.unit})`, type: 'number', value: it.quantity, required: true,
          attrs: 'min="0" step="any" inputmode="decimal"', hint: 'More takes it from stock; less puts it back.' })}${optionalReason('ie-reason')}`,
        confirmLabel: 'Save item',
      }, (v) => ['PATCH', path(it.id), { quantity: v.quantity, ...reasonBody(v) }], { success: 'Item saved' });
    }
    return ctx.dialogWrite({
      title: `Edit ${String(it.kind).toLowerCase()}: ${it.description}`,
      body: itemFields('ie', it, true), confirmLabel: 'Save item',
      onOpen: (form) => {
        applyKind(form, ctx.job.currency);
        form.addEventListener('input', () => applyKind(form, ctx.job.currency));
      },
    }, (v) => ['PATCH', path(it.id), itemBody(v, it.kind)], { success: 'Item saved' });
  },
  'item-delete': (btn, ctx) => {
    const it = findItem(ctx, btn.dataset.id);
    return ctx.dialogWrite({
      title: 'Delete item?', body: html`<p>Remove <strong>${it.description}</strong> from ${ctx.job.id}?${it.materialId ? ' It goes back into stock.' : ''}</p>${optionalReason('id-reason')}`,
      confirmLabel: 'Delete', danger: true,
    }, (v) => ['DELETE', path(it.id), reasonBody(v)], { success: 'Item deleted' });
  },
};

export const itemForms = {
  'item-add': (form, ctx, submitter) => {
    if (!checkRequired(form)) return;
    const v = formValues(form);
    return ctx.write('POST', '/items', { kind: v.kind, ...itemBody(v, v.kind) },
      { button: submitter, form, success: 'Item added' });
  },
};
