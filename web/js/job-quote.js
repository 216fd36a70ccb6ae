// Quote panel of a customer job: lines from the repair price list or free-form, the total, and the
// customer's approval ("Record approval…"). The quote is saved whole (PUT) on every change.
import { html, raw, money, time, label, checkRequired, formValues } from './ui.js';
import { field, selectField } from './forms.js';

const APPROVAL_WAYS = [['InPerson', 'In person'], ['Phone', 'Phone'], ['Email', 'Email'], ['Text', 'Text message']];
export const quoteEditable = (job) => !['ReadyForPickup', 'PickedUp', 'Canceled'].includes(job.status);

const lineBody = (l) => ({ taskId: l.taskId || null, description: l.description || null, quantity: l.quantity, unitPrice: l.unitPrice });

function approvalHtml(job) {
  const a = job.quote?.approval;
  if (a) {
    return html`<p class="approval is-approved"><strong>Approved</strong> by ${a.approvedBy} (${label(a.how)}) ${time(a.at)}${a.recordedBy ? ` · recorded by ${a.recordedBy}` : ''}
      ${a.note && html`<br><span class="hint">${a.note}</span>`}</p>`;
  }
  return html`<p class="approval">Not approved by the customer yet.</p>`;
}

function addLineForm(job, priceList) {
  const cur = job.currency || 'USD';
  const tasks = (priceList || []).filter((t) => t.active !== false);
  const options = [['', 'Free-form line'], ...tasks.map((t) => [t.id, `${t.name} — ${money(t.price, cur)}`])];
  return html`<form id="quote-line-form" class="add-form" data-form="quote-line" data-preserve novalidate>
    <h3 class="add-title">Add a line</h3>
    <div class="alert alert-error" role="alert" hidden></div>
    <div class="form-grid">
      <div class="span-all">${selectField({ id: 'ql-task', name: 'taskId', text: 'Price list', options })}</div>
      <div class="span-all">${field({ id: 'ql-description', name: 'description', text: 'Line description', attrs: 'autocomplete="off"',
        hint: 'Needed for a free-form line; for a price list task it replaces the task’s name.' })}</div>
      ${field({ id: 'ql-quantity', name: 'quantity', text: 'Quantity', type: 'number', value: 1, required: true, attrs: 'min="1" step="1" inputmode="numeric"' })}
      ${field({ id: 'ql-unitPrice', name: 'unitPrice', text: 'Unit price', type: 'number', attrs: 'min="0" step="0.01" inputmode="decimal"' })}
    </div>
    <div class="form-actions"><button type="submit" class="btn btn-primary" id="quote-add">Add line</button></div>
    ${!tasks.length && html`<p class="hint">The price list is empty: ${raw('<a href="#/price-list">set up standard repairs</a>')}.</p>`}
  </form>`;
}

export function quoteHtml(job, priceList) {
  const cur = job.currency || 'USD';
  const lines = job.quote?.lines || [];
  const editable = quoteEditable(job);
  return html`<section class="panel" id="quote" aria-labelledby="quote-h">
    <h2 id="quote-h" tabindex="-1">Quote</h2>
    ${lines.length
      ? html`<table class="table quote-table"><caption class="visually-hidden">Quote lines</caption>
          <thead><tr><th scope="col">Work</th><th scope="col" class="num">Qty</th><th scope="col" class="num">Unit price</th>
            <th scope="col" class="num">Amount</th>${editable && html`<th scope="col"><span class="visually-hidden">Actions</span></th>`}</tr></thead>
          <tbody>${lines.map((l) => html`<tr>
            <td data-label="Work">${l.description}</td>
            <td data-label="Qty" class="num">${l.quantity}</td>
            <td data-label="Unit price" class="num">${money(l.unitPrice, cur)}</td>
            <td data-label="Amount" class="num">${money(l.amount, cur)}</td>
            ${editable && html`<td class="row-actions"><div><button type="button" class="btn btn-sm" id="ql-remove-${l.id}" data-action="quote-remove"
              data-id="${l.id}" aria-label="Remove ${l.description}">Remove</button></div></td>`}</tr>`)}</tbody></table>`
      : html`<p class="empty-inline">No quote yet. Add the work from the price list or as a free-form line.</p>`}
    <dl class="cost-list"><div class="cost-total"><dt>Quote total</dt><dd>${money(job.quote?.total ?? 0, cur)}</dd></div></dl>
    ${approvalHtml(job)}
    ${editable && lines.length > 0 && html`<p><button type="button" class="btn" id="quote-approve" data-action="quote-approve">Record approval…</button></p>`}
    ${editable && addLineForm(job, priceList)}
  </section>`;
}

/** The price list select fills in the unit price of the task chosen. */
export function onQuoteChange(e, ctx) {
  if (e.target.id !== 'ql-task') return;
  const task = (ctx.priceList || []).find((t) => t.id === e.target.value);
  const form = e.target.form;
  if (task) form.elements.unitPrice.value = task.price;
}

function submitLine(form, ctx, submitter) {
  if (!checkRequired(form)) return;
  const v = formValues(form);
  const task = (ctx.priceList || []).find((t) => t.id === v.taskId);
  if (!task && !v.description) { form.elements.description.focus(); return ctx.formError(form, 'description', 'Describe the work for a free-form line.'); }
  if (!task && v.unitPrice === null) { return ctx.formError(form, 'unitPrice', 'Give a unit price for a free-form line.'); }
  const line = { taskId: task?.id || null, description: v.description || null, quantity: v.quantity ?? 1,
    unitPrice: v.unitPrice ?? task?.price ?? null };
  const lines = [...(ctx.job.quote?.lines || []).map(lineBody), line];
  return ctx.write('PUT', '/quote', { lines }, { button: submitter, form, success: 'Line added' });
}

export const quoteForms = { 'quote-line': submitLine };

export const quoteActions = {
  'quote-remove': (btn, ctx) => {
    const lines = (ctx.job.quote?.lines || []).filter((l) => l.id !== btn.dataset.id).map(lineBody);
    return ctx.write('PUT', '/quote', { lines }, { button: btn, success: 'Line removed' });
  },
  'quote-approve': (btn, ctx) => ctx.dialogWrite({
    title: 'Record approval',
    body: html`<p>The customer agreed to the quote of <strong>${money(ctx.job.quote?.total ?? 0, ctx.job.currency || 'USD')}</strong>.</p>
      ${selectField({ id: 'ap-how', name: 'how', text: 'How', options: APPROVAL_WAYS, value: 'InPerson' })}
      ${field({ id: 'ap-by', name: 'approvedBy', text: 'Approved by', value: ctx.job.customer || '', required: true })}
      ${field({ id: 'ap-note', name: 'note', text: 'Note (optional)', type: 'textarea' })}`,
    confirmLabel: 'Record approval',
  }, (v) => ['POST', '/quote/approve', { how: v.how, approvedBy: v.approvedBy, note: v.note || null }],
  { success: 'Approval recorded', focus: 'quote-h' }),
};
