// Job-level actions: start production, hold, cancel, complete & create inventory, reopen.
import { html, money } from './ui.js';
import { field } from './forms.js';
import { isOwner } from './session.js';
import { isActive } from './job-operation.js';

const isOpen = (job) => job.status !== 'Completed' && job.status !== 'Canceled';

export function actionsHtml(job) {
  const allowed = job.allowedTransitions || [];
  const buttons = [
    allowed.includes('InProduction') && html`<button type="button" class="btn btn-primary" id="act-start" data-action="start-production">Start production</button>`,
    allowed.includes('Completed') && html`<button type="button" class="btn btn-primary" id="act-complete" data-action="complete">Complete &amp; Create Inventory</button>`,
    isOpen(job) && html`<button type="button" class="btn" id="act-hold" data-action="toggle-hold">${job.onHold ? 'Take off hold' : 'Put on hold'}</button>`,
    allowed.includes('Canceled') && html`<button type="button" class="btn btn-danger-outline" id="act-cancel" data-action="cancel-job">Cancel job</button>`,
    // Only an owner may reopen; staff are not offered it.
    job.status === 'Completed' && isOwner() && html`<button type="button" class="btn" id="act-reopen" data-action="reopen">Reopen job</button>`,
  ].filter(Boolean);
  if (!buttons.length) return '';
  return html`<div class="action-bar" role="group" aria-label="Job actions" data-group="actions">${buttons}</div>`;
}

const reasonField = (id) => field({ id, name: 'reason', text: 'Reason', type: 'textarea', required: true });

function completeBody(job) {
  const basis = job.costs?.total ?? 0;
  const cur = job.currency || 'USD';
  return html`<p>This closes <strong>${job.id}</strong> and adds the finished pieces to stock.</p>
    <div class="form-grid">
      <div class="span-all">${field({ id: 'cp-title', name: 'title', text: 'Title', value: job.description, required: true })}</div>
      ${field({ id: 'cp-category', name: 'category', text: 'Category', value: 'Finished jewelry', required: true })}
      ${field({ id: 'cp-vendor', name: 'vendor', text: 'Vendor', value: 'In-house', required: true })}
      ${field({ id: 'cp-storageLocation', name: 'storageLocation', text: 'Storage location', value: job.store || '', required: true })}
      ${field({ id: 'cp-quantity', name: 'quantity', text: 'Quantity', type: 'number', value: job.quantity ?? 1, required: true, attrs: 'min="1" step="1" inputmode="numeric"' })}
      ${field({ id: 'cp-retailPrice', name: 'retailPrice', text: 'Retail price', type: 'number', attrs: 'min="0" step="0.01" inputmode="decimal"' })}
      <div class="span-all">${field({ id: 'cp-separateItems', name: 'separateItems', text: 'Separate items', type: 'checkbox',
        hint: 'One StockID per piece instead of a single stock line with a quantity.' })}</div>
    </div>
    <dl class="cost-summary" data-basis="${basis}" data-currency="${cur}">
      <div><dt>Cost basis</dt><dd>${money(basis, cur)}</dd></div>
      <div><dt>Per unit</dt><dd data-per-unit>${money(basis / Math.max(1, job.quantity || 1), cur)}</dd></div>
    </dl>`;
}

function bindPerUnit(form) {
  const summary = form.querySelector('.cost-summary');
  const out = summary.querySelector('[data-per-unit]');
  const qty = form.elements.quantity;
  qty.addEventListener('input', () => {
    const n = Number(qty.value);
    out.textContent = n >= 1 ? money(Number(summary.dataset.basis) / n, summary.dataset.currency) : '—';
  });
}

export const jobActions = {
  'start-production': (btn, ctx) => ctx.write('POST', '/transitions', { to: 'InProduction', reason: null },
    { button: btn, success: 'Production started' }),

  'toggle-hold': (btn, ctx) => ctx.write('PATCH', '', { onHold: !ctx.job.onHold },
    { button: btn, success: ctx.job.onHold ? 'Taken off hold' : 'Put on hold' }),

  'cancel-job': (btn, ctx) => ctx.dialogWrite({
    title: `Cancel job ${ctx.job.id}?`,
    body: html`<p>The job will be closed as canceled. This is recorded in its history.</p>${reasonField('cancel-reason')}`,
    confirmLabel: 'Cancel job', cancelLabel: 'Keep job', danger: true,
  }, (v) => ['POST', '/transitions', { to: 'Canceled', reason: v.reason }], { success: 'Job canceled' }),

  complete: (btn, ctx) => ctx.dialogWrite({
    title: 'Complete & create inventory',
    body: completeBody(ctx.job),
    confirmLabel: 'Complete',
    onOpen: bindPerUnit,
  }, (v) => ['POST', '/complete', {
    title: v.title, category: v.category, vendor: v.vendor, storageLocation: v.storageLocation,
    quantity: v.quantity ?? 1, separateItems: v.separateItems, retailPrice: v.retailPrice,
  }], {
    // The answer is 202: the stock pieces exist, and an operation copies the photos to them (its progress shows on the page).
    success: (job) => (isActive(job.operation) ? 'Job completed — creating inventory…' : 'Job completed — inventory created'),
    focus: 'completion-h',
  }),

  reopen: (btn, ctx) => ctx.dialogWrite({
    title: `Reopen job ${ctx.job.id}?`,
    body: html`<p>Reopening takes the job out of Completed so it can be worked on again.
      It is refused while any of its stock pieces are no longer available.</p>${reasonField('reopen-reason')}`,
    confirmLabel: 'Reopen',
  }, (v) => ['POST', '/reopen', { reason: v.reason }], { pageStatuses: [409], success: 'Job reopened' }),
};
