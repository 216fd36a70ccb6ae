// Money of a customer job: the deposits taken (and "Take deposit…"), and the invoice made at Ready for Pickup.
import { html, money, time, badge, label } from './ui.js';
import { field, selectField } from './forms.js';

export const PAYMENT_METHODS = ['Cash', 'Card', 'Check', 'Other'];
const takesDeposits = (job) => !['ReadyForPickup', 'PickedUp', 'Canceled'].includes(job.status);

export function depositsHtml(job) {
  const cur = job.currency || 'USD';
  const payments = job.payments || [];
  return html`<section class="panel" id="deposits" aria-labelledby="deposits-h">
    <h2 id="deposits-h" tabindex="-1">Payments</h2>
    ${payments.length
      ? html`<ul class="pay-list" role="list">${payments.map((p) => html`<li class="pay-row">
          <span class="pay-what"><strong>${p.kind === 'Balance' ? 'Balance' : 'Deposit'}</strong> · ${p.method}
            <span class="hint">${time(p.at)}${p.by ? ` by ${p.by}` : ''}</span></span>
          <span class="pay-amount">${money(p.amount, cur)}</span></li>`)}</ul>`
      : html`<p class="empty-inline">No deposit taken.</p>`}
    <dl class="cost-list"><div class="cost-total"><dt>Deposits</dt><dd>${money(job.depositTotal ?? 0, cur)}</dd></div></dl>
    ${takesDeposits(job) && html`<p><button type="button" class="btn" id="take-deposit" data-action="take-deposit">Take deposit…</button></p>`}
  </section>`;
}

export function invoiceHtml(job) {
  const inv = job.invoice;
  if (!inv) return '';
  const cur = job.currency || 'USD';
  const voided = inv.status === 'Void';
  const row = (name, value, cls = '') => html`<div class="${cls}"><dt>${name}</dt><dd>${money(value, cur)}</dd></div>`;
  const rate = Number(inv.taxRate) || 0;
  return html`<section class="panel invoice ${voided ? 'is-void' : ''}" id="invoice" aria-labelledby="invoice-h">
    <h2 id="invoice-h" tabindex="-1">Invoice ${inv.id}
      ${voided ? badge('VOID', 'void') : badge(label(inv.status), inv.status === 'Paid' ? 'paid' : 'lane')}</h2>
    <p class="hint">Made ${time(inv.createdAt)}.</p>
    <ul class="inv-lines" role="list">${(inv.lines || []).map((l) => html`<li><span>${l.description}</span><span class="num">${money(l.amount, cur)}</span></li>`)}</ul>
    <dl class="cost-list">
      ${row('Subtotal', inv.subtotal)}
      ${row(`Tax${rate ? ` (${+(rate * (rate < 1 ? 100 : 1)).toFixed(3)}%)` : ''}`, inv.tax)}
      ${row('Total', inv.total)}
      ${row('Deposit applied', -(Number(inv.depositApplied) || 0))}
      ${row('Balance due', inv.balanceDue, 'cost-total')}
    </dl>
    ${job.status === 'ReadyForPickup' && !voided && html`<p class="hint">The customer was emailed that it is ready.
      <a href="#/outbox">Email queued — see Outbox</a></p>`}
  </section>`;
}

export const paymentActions = {
  'take-deposit': (btn, ctx) => ctx.dialogWrite({
    title: 'Take deposit',
    body: html`<div class="form-grid">
      ${field({ id: 'dep-amount', name: 'amount', text: 'Amount', type: 'number', required: true, attrs: 'min="0.01" step="0.01" inputmode="decimal"' })}
      ${selectField({ id: 'dep-method', name: 'method', text: 'Payment method', options: PAYMENT_METHODS, value: 'Card' })}
    </div>`,
    confirmLabel: 'Take deposit',
  }, (v) => ['POST', '/deposits', { amount: v.amount, method: v.method }],
  { success: (job) => `Deposit taken — ${money(job.depositTotal, job.currency || 'USD')} in deposits`, focus: 'deposits-h' }),
};
