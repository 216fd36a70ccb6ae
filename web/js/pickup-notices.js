// Notice trail (#/jobs/{id}/notices): every pickup reminder sent for the piece — when, to which address, which email and
// what became of it — and the date it was flagged unclaimed, printable for the shop's abandoned-property policy.
import { getPickupNotices } from './api.js';
import { html, setHtml, formatDate, formatDateTime, label, problemHtml } from './ui.js';

const enc = encodeURIComponent;

function noticesHtml(t) {
  const rows = t.notices.map((n) => html`<tr>
      <td>${n.number}</td><td>${formatDateTime(n.at)}</td><td>${n.toAddress}</td>
      <td>${n.status ? label(n.status) : 'Unknown'}${n.sentAt ? html` (${formatDateTime(n.sentAt)})` : ''}</td><td><code>${n.mailId}</code></td>
    </tr>`);
  return html`<div class="envelope-tools no-print">
      <p class="back"><a href="#/jobs/${enc(t.jobId)}">← Job ${t.jobId}</a></p>
      <button type="button" class="btn btn-primary" data-print>Print notice trail</button>
    </div>
    <article class="notices" aria-labelledby="notices-h">
      <h1 id="notices-h" tabindex="-1">Pickup notices · job ${t.jobId}</h1>
      <dl class="env-fields">
        <div class="env-row"><dt>Customer</dt><dd>${t.customer || '—'}</dd></div>
        <div class="env-row"><dt>Item</dt><dd>${t.item || t.description}</dd></div>
        <div class="env-row"><dt>Status</dt><dd>${label(t.status)}, since ${formatDate(t.laneSince)}</dd></div>
        <div class="env-row"><dt>Unclaimed</dt><dd>${t.unclaimed ? `since ${formatDate(t.unclaimed.since)}` : 'No'}</dd></div>
        ${t.optedOut ? html`<div class="env-row"><dt>Reminders</dt><dd>Customer opted out on ${formatDateTime(t.optedOut)}</dd></div>` : ''}
      </dl>
      ${t.notices.length ? html`<table class="notices-table">
          <caption>Pickup reminders sent</caption>
          <thead><tr><th scope="col">No.</th><th scope="col">Queued</th><th scope="col">To</th><th scope="col">Status</th><th scope="col">Email id</th></tr></thead>
          <tbody>${rows}</tbody>
        </table>` : html`<p>No pickup reminders were sent.</p>`}
    </article>`;
}

export async function renderPickupNotices(view, id) {
  document.title = `Pickup notices ${id} · JewelBench`;
  let trail;
  try {
    trail = await getPickupNotices(id);
  } catch (err) {
    setHtml(view, html`<h1 tabindex="-1">Pickup notices</h1><div class="alert alert-error" role="alert">${problemHtml(err.problem)}</div>`);
    return;
  }
  setHtml(view, noticesHtml(trail));
  view.querySelector('[data-print]').addEventListener('click', () => window.print());
}
