// Status actions of a repair or custom job: one button per allowed move, On Hold with its reason,
// Ready for pickup (invoice + email), Picked up (pays the balance) and Cancel, each confirmed when it undoes something.
import { html, money, label } from './ui.js';
import { field, selectField } from './forms.js';
import { PAYMENT_METHODS } from './job-payments.js';
import { isOwner } from './session.js';

export const isCustomerJob = (job) => job.module === 'Repair' || job.module === 'Custom';
export const isClosedCustomerJob = (job) => ['PickedUp', 'Canceled', 'Completed'].includes(job.status);

// Human labels of the moves, in the order a job usually takes them.
const MOVES = [
  ['Received', 'Back to received'],
  ['NeedsQuote', 'Needs quote'],
  ['WaitingOnVendor', 'Waiting on vendor'],
  ['InProgress', 'Start work'],
  ['ReadyForPickup', 'Ready for pickup'],
  ['PickedUp', 'Picked up…'],
  ['Completed', 'Complete repair…'],
  ['Canceled', 'Cancel job…'],
];

export function statusActionsHtml(job) {
  // A completed in-house repair goes back to work only through reopen, which takes its cost off the piece again.
  const allowed = job.status === 'Completed' ? [] : (job.allowedTransitions || []);
  const buttons = MOVES.filter(([to]) => allowed.includes(to)).map(([to, move]) => {
    // Out of Ready for Pickup is a step back that voids the invoice (confirmed first).
    const back = job.status === 'ReadyForPickup' && to !== 'PickedUp' && to !== 'Canceled';
    const text = back ? `Back to ${label(to).toLowerCase()}…` : move;
    const cls = to === 'Canceled' ? 'btn-danger-outline' : (to === 'ReadyForPickup' || to === 'PickedUp' || to === 'InProgress') ? 'btn-primary' : '';
    return html`<button type="button" class="btn ${cls}" id="move-${to}" data-action="move" data-to="${to}">${text}</button>`;
  });
  if (job.status === 'Completed' && job.repairOf && isOwner()) {
    buttons.push(html`<button type="button" class="btn" id="act-reopen-repair" data-action="reopen-repair">Reopen repair…</button>`);
  }
  if (!isClosedCustomerJob(job)) {
    buttons.push(html`<button type="button" class="btn" id="act-hold" data-action="${job.onHold ? 'release-hold' : 'put-on-hold'}">${job.onHold ? 'Take off hold' : 'Put on hold…'}</button>`);
  }
  if (!buttons.length) return '';
  return html`${job.onHold && html`<div class="hold-banner" role="note"><strong>On hold:</strong> ${job.holdReason || 'no reason given'}</div>`}
    <div class="action-bar" role="group" aria-label="Job actions" data-group="actions">${buttons}</div>`;
}

const reasonField = (id, required) => field({ id, name: 'reason', text: required ? 'Reason' : 'Reason (optional)', type: 'textarea', required });

function readyBody(job) {
  const cur = job.currency || 'USD';
  return html`<p>This creates the invoice for <strong>${job.id}</strong> and emails ${job.customer || 'the customer'} that it is ready.</p>
    <dl class="cost-summary">
      <div><dt>Quote</dt><dd>${money(job.quote?.total ?? 0, cur)}</dd></div>
      <div><dt>Deposits</dt><dd>${money(job.depositTotal ?? 0, cur)}</dd></div>
    </dl>`;
}

function pickupBody(job) {
  const due = job.invoice?.balanceDue ?? 0;
  return html`<p>${job.customer || 'The customer'} collects <strong>${job.id}</strong>; the job leaves the board.</p>
    <div class="form-grid">
      ${field({ id: 'pu-amount', name: 'amount', text: 'Amount paid', type: 'number', value: due, required: true,
        attrs: 'min="0" step="0.01" inputmode="decimal"', hint: `Balance due: ${money(due, job.currency || 'USD')}` })}
      ${selectField({ id: 'pu-method', name: 'method', text: 'Payment method', options: PAYMENT_METHODS, value: 'Card' })}
    </div>`;
}

function move(btn, ctx) {
  const job = ctx.job;
  const to = btn.dataset.to;
  if (to === 'Canceled') {
    return ctx.dialogWrite({
      title: `Cancel job ${job.id}?`,
      body: html`<p>The job will be closed as canceled and leave the board. ${job.invoice?.status === 'Open' ? 'Its invoice is voided. ' : ''}This is recorded in its history.</p>${reasonField('cancel-reason', true)}`,
      confirmLabel: 'Cancel job', cancelLabel: 'Keep job', danger: true,
    }, (v) => ['POST', '/transitions', { to, reason: v.reason }], { success: 'Job canceled' });
  }
  if (to === 'Completed') {
    return ctx.dialogWrite({
      title: `Complete repair ${job.id}?`,
      body: html`<p>The repair's cost, <strong>${money(job.costs?.total ?? 0, job.currency || 'USD')}</strong>, is added to the cost basis of
        stock piece <a href="#/stock/${encodeURIComponent(job.repairOf)}">${job.repairOf}</a>, and the job leaves the board.</p>`,
      confirmLabel: 'Complete repair',
    }, () => ['POST', '/complete', {}], { success: `Completed — cost added to ${job.repairOf}` });
  }
  if (to === 'PickedUp') {
    return ctx.dialogWrite({ title: `Picked up ${job.id}`, body: pickupBody(job), confirmLabel: 'Record pickup' },
      (v) => ['POST', '/pickup', { amount: v.amount, method: v.method }], { success: 'Picked up — the job has left the board' });
  }
  if (to === 'ReadyForPickup') {
    return ctx.dialogWrite({ title: `Ready for pickup?`, body: readyBody(job), confirmLabel: 'Mark ready for pickup' },
      () => ['POST', '/transitions', { to }], { success: 'Ready for pickup — invoice created, email queued' });
  }
  if (job.status === 'ReadyForPickup') {
    // Leaving Ready for Pickup voids the invoice: say so first.
    return ctx.dialogWrite({
      title: 'Void the invoice?',
      body: html`<p>Moving <strong>${job.id}</strong> out of Ready for Pickup voids invoice ${job.invoice?.id || ''}.
        A new one is made when it is ready again.</p>${reasonField('void-reason', false)}`,
      confirmLabel: 'Void invoice and move', danger: true,
    }, (v) => ['POST', '/transitions', { to, reason: v.reason || null }], { success: 'Invoice voided' });
  }
  return ctx.write('POST', '/transitions', { to, reason: null }, { button: btn, success: `Status: ${label(to).toLowerCase()}` });
}

export const statusActions = {
  move,
  'put-on-hold': (btn, ctx) => ctx.dialogWrite({
    title: `Put ${ctx.job.id} on hold?`,
    body: html`<p>The job moves to On Hold on the board until it is taken off hold.</p>
      ${field({ id: 'hold-reason', name: 'reason', text: 'Reason', type: 'textarea', required: true,
        attrs: 'placeholder="e.g. Waiting for the customer to bring the other earring"' })}`,
    confirmLabel: 'Put on hold',
  }, (v) => ['PATCH', '', { onHold: true, reason: v.reason }], { success: 'Put on hold' }),
  'reopen-repair': (btn, ctx) => ctx.dialogWrite({
    title: `Reopen repair ${ctx.job.id}?`,
    body: html`<p>${money(ctx.job.costRolled?.amount ?? 0, ctx.job.currency || 'USD')} comes off the cost basis of ${ctx.job.repairOf} and the job goes back to In Progress.</p>
      ${reasonField('reopen-reason', true)}`,
    confirmLabel: 'Reopen repair',
  }, (v) => ['POST', '/reopen', { reason: v.reason }], { success: 'Reopened — cost taken off the piece' }),
  'release-hold': (btn, ctx) => ctx.write('PATCH', '', { onHold: false }, { button: btn, success: 'Taken off hold' }),
};
