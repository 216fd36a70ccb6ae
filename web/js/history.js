// History timeline shared by the job and stock pages (newest first).
import { html, time, label } from './ui.js';

const FIELD_LABELS = {
  targetDate: 'Target date', onHold: 'On hold', storageLocation: 'Storage location',
  retailPrice: 'Retail price', unitCost: 'Unit cost', vendorKind: 'Vendor kind', dueDate: 'Due date',
};
const fieldLabel = (f) => FIELD_LABELS[f] || String(f).replace(/^./, (c) => c.toUpperCase());

function show(v) {
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v === 'boolean') return v ? 'Yes' : 'No';
  if (typeof v === 'object') return JSON.stringify(v);
  return label(v);
}

/** Split "SomeAction" into "Some action" for entries without a summary. */
const humanize = (s) => String(s || 'Change').replace(/([a-z])([A-Z])/g, '$1 $2').replace(/^./, (c) => c.toUpperCase());

function entry(e) {
  const changed = e.from !== null && e.from !== undefined || e.to !== null && e.to !== undefined;
  return html`<li class="tl-item">
    <p class="tl-summary">${e.summary || humanize(e.action)}</p>
    <p class="tl-meta"><span class="tl-by">${e.by || 'unknown'}</span> · ${time(e.at)}</p>
    ${changed && html`<p class="tl-change">${e.field && html`<span class="tl-field">${fieldLabel(e.field)}:</span> `}<span class="tl-from">${show(e.from)}</span> → <span class="tl-to">${show(e.to)}</span></p>`}
    ${e.reason && html`<p class="tl-reason"><span class="tl-field">Reason:</span> ${e.reason}</p>`}
  </li>`;
}

export function timelineHtml(entries) {
  const list = Array.isArray(entries) ? [...entries] : [];
  if (!list.length) return html`<p class="empty-inline">No history yet.</p>`;
  list.sort((a, b) => (b.seq ?? 0) - (a.seq ?? 0) || String(b.at).localeCompare(String(a.at)));
  return html`<ol class="timeline">${list.map(entry)}</ol>`;
}

/** The History panel of a job or stock page; the timeline loads into its [data-history] box. */
export const historyPanelHtml = (headingId) => html`<section class="panel history" id="history" aria-labelledby="${headingId}">
  <h2 id="${headingId}" tabindex="-1">History</h2>
  <div data-history><p class="loading">Loading history…</p></div>
</section>`;
