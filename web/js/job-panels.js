// Read-mostly panels of the job page: header, details form, cost roll-up, completion.
import { html, money, formatDate, time, label, badge, statusBadge, checkRequired, formValues, toast } from './ui.js';
import { field } from './forms.js';
import { reminderBadgesHtml } from './job-reminder.js';

const closed = (job) => job.status === 'Completed' || job.status === 'Canceled';
const dateValue = (v) => (v ? String(v).slice(0, 10) : '');

export function headerHtml(job) {
  return html`<div class="job-head">
    <h1 tabindex="-1" class="job-title">${job.id}</h1>
    <p class="job-desc">${job.description}</p>
    <p class="job-badges">
      ${statusBadge(job.status)}
      ${job.rush && badge('RUSH', 'rush')}
      ${job.onHold && job.lane !== 'OnHold' && badge('On hold', 'hold')}
      ${job.lane && badge(`${label(job.lane)}${job.laneSince ? ` since ${formatDate(job.laneSince)}` : ''}`, job.lane === 'OnHold' ? 'hold' : 'lane')}
      ${badge(job.module, 'module')}
      ${reminderBadgesHtml(job)}
    </p>
    ${job.style && html`<p class="job-style">Made from style <a href="#/styles/${encodeURIComponent(job.style.id)}">${job.style.code} ${job.style.name}</a></p>`}
  </div>`;
}

export function metaHtml(job) {
  return html`<dl class="meta-grid">
    <div><dt>Customer</dt><dd>${job.customer || 'Stock piece'}</dd></div>
    <div><dt>Store</dt><dd>${job.store || '—'}</dd></div>
    <div><dt>Target date</dt><dd>${formatDate(job.targetDate)}</dd></div>
    <div><dt>Quantity</dt><dd>${job.quantity ?? 1}</dd></div>
    <div><dt>Created</dt><dd>${time(job.createdAt)} by ${job.createdBy || '—'}</dd></div>
    <div><dt>Last change</dt><dd>${time(job.updatedAt)} by ${job.updatedBy || '—'}</dd></div>
  </dl>`;
}

export function detailsHtml(job) {
  const locked = closed(job);
  const hasItems = (job.items || []).length > 0;
  const partyHint = hasItems && !locked ? 'Locked once items are added.' : '';
  return html`<section class="panel" id="details" aria-labelledby="details-h">
    <h2 id="details-h" tabindex="-1">Details</h2>
    <form id="details-form" data-form="details" novalidate>
      <div class="alert alert-error" role="alert" hidden></div>
      <div class="form-grid">
        <div class="span-all">${field({ id: 'jd-description', name: 'description', text: 'Description', value: job.description, required: !locked, disabled: locked })}</div>
        ${field({ id: 'jd-customer', name: 'customer', text: 'Customer', value: job.customer, disabled: locked || hasItems, hint: partyHint })}
        ${field({ id: 'jd-store', name: 'store', text: 'Store', value: job.store, disabled: locked || hasItems, hint: partyHint })}
        ${field({ id: 'jd-targetDate', name: 'targetDate', text: 'Target date', type: 'date', value: dateValue(job.targetDate), disabled: locked })}
        ${field({ id: 'jd-quantity', name: 'quantity', text: 'Quantity', type: 'number', value: job.quantity ?? 1,
          disabled: locked || job.status !== 'Draft', attrs: 'min="1" step="1" inputmode="numeric"',
          hint: !locked && job.status !== 'Draft' ? 'Fixed once production starts.' : '' })}
        <div class="span-all">${field({ id: 'jd-rush', name: 'rush', text: 'Rush job', type: 'checkbox', value: job.rush, disabled: locked })}</div>
      </div>
      ${locked
        ? html`<p class="hint hint-lock">This job is ${String(job.status).toLowerCase()}; details can't be edited.</p>`
        : html`<div class="form-actions"><button type="submit" class="btn btn-primary" id="details-save">Save changes</button></div>`}
    </form>
  </section>`;
}

/** Submit handler for the details form: PATCH only what changed. */
export function submitDetails(form, ctx, submitter) {
  if (!checkRequired(form)) return;
  const v = formValues(form);
  const job = ctx.job;
  const current = { ...job, targetDate: dateValue(job.targetDate), customer: job.customer || '' };
  const patch = {};
  for (const key of ['description', 'customer', 'store', 'targetDate', 'quantity', 'rush']) {
    if (!(key in v)) continue;
    if (String(v[key] ?? '') !== String(current[key] ?? '')) patch[key] = v[key];
  }
  if (!Object.keys(patch).length) { toast('No changes to save', 'info'); return; }
  if ('targetDate' in patch) patch.targetDate = patch.targetDate || null;
  if ('customer' in patch) patch.customer = patch.customer || null;
  return ctx.write('PATCH', '', patch, { button: submitter, form, success: 'Changes saved' });
}

export function costsHtml(job) {
  const c = job.costs || {};
  const cur = job.currency || 'USD';
  const row = (name, value, cls = '') => html`<div class="${cls}"><dt>${name}</dt><dd>${money(value, cur)}</dd></div>`;
  return html`<section class="panel costs" id="costs" aria-labelledby="costs-h">
    <h2 id="costs-h" tabindex="-1">Cost roll-up</h2>
    <dl class="cost-list">
      ${row('Materials', c.materials)}
      ${row('Labor', c.labor)}
      ${row('Fees', c.fees)}
      ${row('Stages done', c.stages)}
      ${row('Stages planned', c.stagesPlanned, 'muted')}
      ${Number(c.scrapCredit) ? row('Scrap credit', -c.scrapCredit, 'cost-credit') : ''}
      ${row('Total', c.total, 'cost-total')}
      ${row(`Per unit (× ${job.quantity ?? 1})`, c.perUnit, 'cost-unit')}
    </dl>
    <p class="hint">Amounts in ${cur}.</p>
  </section>`;
}

export function completionHtml(job) {
  const c = job.completion;
  if (!c) return '';
  const pieces = c.pieces || [];
  const cur = job.currency || 'USD';
  return html`<section class="panel completion" id="completion" aria-labelledby="completion-h">
    <h2 id="completion-h" tabindex="-1">Inventory created</h2>
    <p class="hint">Completed ${time(c.completedAt)} by ${c.completedBy || '—'}.</p>
    <h3 class="pieces-h">${pieces.length === 1 ? 'Stock piece' : `Stock pieces (${pieces.length})`}</h3>
    <ul class="pieces" role="list">${pieces.map((p) => html`<li><a class="piece-link" href="#/stock/${encodeURIComponent(p)}">${p}</a></li>`)}</ul>
    <dl class="kv">
      <div><dt>Title</dt><dd>${c.title}</dd></div>
      <div><dt>Category</dt><dd>${c.category || '—'}</dd></div>
      <div><dt>Vendor</dt><dd>${c.vendor || '—'}</dd></div>
      <div><dt>Storage location</dt><dd>${c.storageLocation || '—'}</dd></div>
      <div><dt>Quantity</dt><dd>${c.quantity}${c.separateItems ? ' (separate items)' : ''}</dd></div>
      <div><dt>Cost basis</dt><dd>${money(c.costBasis, cur)}</dd></div>
      <div><dt>Retail price</dt><dd>${money(c.retailPrice, cur)}</dd></div>
    </dl>
  </section>`;
}
