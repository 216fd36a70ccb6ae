// A material's adjustments ledger as a table, newest first: every change of on-hand or committed, who made it and why.
import { html, time, badge } from './ui.js';
import { amount, signed } from './material-fields.js';

const MOVES = {
  Receive: 'Received', Allocate: 'Allocated', Remove: 'Taken off job', Hold: 'Held', Consume: 'Consumed', Use: 'Used',
  Release: 'Released', Return: 'Returned', Count: 'Counted', Scrap: 'Scrap', Produce: 'Produced',
};
// Ins are green, outs gold, the rest (hold, consume: on-hand stays) neutral.
const moveBadge = (e) => badge(MOVES[e.move] || e.move, Number(e.onHandChange) > 0 ? 'move-in' : Number(e.onHandChange) < 0 ? 'move-out' : '');
const jobLink = (jobId) => html`<a href="#/jobs/${encodeURIComponent(jobId)}">${jobId}</a>`;

function row(e, unit) {
  const change = Number(e.onHandChange);
  return html`<tr>
    <td data-label="When">${time(e.at)}</td>
    <td data-label="Who">${e.by || '—'}</td>
    <td data-label="Move">${moveBadge(e)}</td>
    <td data-label="Quantity" class="num">${amount(e.quantity, unit)}</td>
    <td data-label="On hand change" class="num ${change > 0 ? 'is-up' : change < 0 ? 'is-down' : ''}">${signed(change)}</td>
    <td data-label="On hand after" class="num">${amount(e.onHandAfter, unit)}</td>
    <td data-label="Committed after" class="num">${amount(e.committedAfter, unit)}</td>
    <td data-label="Job">${e.jobId ? jobLink(e.jobId) : '—'}</td>
    <td data-label="Reason">${e.reason || '—'}</td>
  </tr>`;
}

export function ledgerHtml(entries, unit) {
  const list = Array.isArray(entries) ? [...entries].sort((a, b) => (b.seq ?? 0) - (a.seq ?? 0)) : [];
  if (!list.length) return html`<p class="empty-inline">No stock has moved yet. Receive stock to start the ledger.</p>`;
  return html`<div class="table-scroll"><table class="table ledger-table"><caption class="visually-hidden">Adjustments ledger, newest first</caption>
    <thead><tr><th scope="col">When</th><th scope="col">Who</th><th scope="col">Move</th><th scope="col" class="num">Quantity</th>
      <th scope="col" class="num">On hand ±</th><th scope="col" class="num">On hand after</th><th scope="col" class="num">Committed after</th>
      <th scope="col">Job</th><th scope="col">Reason</th></tr></thead>
    <tbody>${list.map((e) => row(e, unit))}</tbody></table></div>`;
}

export const ledgerPanelHtml = () => html`<section class="panel" id="ledger" aria-labelledby="ledger-h">
  <h2 id="ledger-h" tabindex="-1">Ledger</h2>
  <div data-ledger><p class="loading">Loading ledger…</p></div>
</section>`;
