// The job page of a repair or custom job: who it is for, the piece at intake, where it is, the quote,
// the money, and the link to the customer's status page.
import { html, money, formatDate, time, badge, label, statusBadge, toast } from './ui.js';
import { field } from './forms.js';
import { reminderBadgesHtml } from './job-reminder.js';
import { statusActionsHtml, isClosedCustomerJob } from './job-status.js';
import { locationHtml, placeText } from './job-location.js';
import { quoteHtml } from './job-quote.js';
import { depositsHtml, invoiceHtml } from './job-payments.js';
import { photosHtml } from './job-photos.js';
import { stagesHtml } from './job-stages.js';
import { itemsHtml } from './job-items.js';
import { costsHtml } from './job-panels.js';
import { intakeStepHtml } from './job-intake.js';

function headerHtml(job) {
  return html`<div class="job-head">
    <h1 tabindex="-1" class="job-title">${job.id}</h1>
    <p class="job-desc">${job.intake?.item || job.description}</p>
    <p class="job-badges">
      ${statusBadge(job.status)}
      ${badge(job.module === 'Custom' ? 'Custom' : 'Repair', `module-${String(job.module).toLowerCase()}`)}
      ${job.rush && badge('RUSH', 'rush')}
      ${job.onHold && badge('On hold', 'hold')}
      ${job.lane && job.lane !== job.status && badge(`${label(job.lane)}${job.laneSince ? ` since ${formatDate(job.laneSince)}` : ''}`, 'lane')}
      ${reminderBadgesHtml(job)}
    </p>
  </div>`;
}

function customerHtml(job, c = {}) {
  return html`<section class="panel" id="customer" aria-labelledby="customer-h">
    <h2 id="customer-h" tabindex="-1">Customer</h2>
    <p class="customer-name">${job.customer || c.name || '—'}</p>
    <dl class="kv">
      <div><dt>Email</dt><dd>${c.email ? html`<a href="mailto:${c.email}">${c.email}</a>` : '—'}</dd></div>
      <div><dt>Phone</dt><dd>${c.phone ? html`<a href="tel:${c.phone}">${c.phone}</a>` : '—'}</dd></div>
      ${c.notes && html`<div><dt>Notes</dt><dd>${c.notes}</dd></div>`}
    </dl>
  </section>`;
}

function inHousePieceHtml(job) {
  return html`<section class="panel" id="piece" aria-labelledby="piece-h">
    <h2 id="piece-h" tabindex="-1">In-house piece</h2>
    <p><a href="#/stock/${encodeURIComponent(job.repairOf)}">${job.repairOf}</a> — the repair's cost goes onto its cost basis when the repair is completed.</p>
    ${job.costRolled && html`<p class="hint">Added ${money(job.costRolled.amount, job.currency || 'USD')} on ${formatDate(job.costRolled.at)}.</p>`}
  </section>`;
}

function intakeHtml(job, open) {
  const i = job.intake || {};
  return html`<section class="panel" id="intake" aria-labelledby="intake-h">
    <h2 id="intake-h" tabindex="-1">Intake</h2>
    <dl class="kv kv-wide">
      <div><dt>Item</dt><dd>${i.item || '—'}</dd></div>
      <div><dt>Metal</dt><dd>${i.metal || '—'}</dd></div>
      <div><dt>Stones</dt><dd>${i.stones || '—'}</dd></div>
      <div><dt>Promised</dt><dd>${formatDate(job.targetDate)}</dd></div>
      <div><dt>Received</dt><dd>${time(job.createdAt)} by ${job.createdBy || '—'}</dd></div>
      <div><dt>Location</dt><dd>${placeText(job.location)}</dd></div>
    </dl>
    <h3 class="pieces-h">Work requested</h3>
    <p class="prewrap">${job.description}</p>
    <h3 class="pieces-h">Condition at intake</h3>
    <p class="prewrap">${i.condition || 'Not noted.'}</p>
    <p class="link-actions">${open && html`<button type="button" class="btn" id="edit-intake" data-action="edit-intake">Edit intake…</button>`}
      <a class="btn" href="#/jobs/${encodeURIComponent(job.id)}/envelope">Print envelope</a>
      ${(job.pickupNotices > 0 || job.unclaimed) && html`<a class="btn" href="#/jobs/${encodeURIComponent(job.id)}/notices">Pickup notices${job.unclaimed ? ` · unclaimed since ${formatDate(job.unclaimed.since)}` : ''}</a>`}</p>
  </section>`;
}

function statusLinkHtml(job) {
  const path = job.statusPage ?? job.statusPageUrl;
  if (!path) return '';
  const url = new URL(path, location.origin).href;
  return html`<section class="panel" id="status-link" aria-labelledby="status-link-h">
    <h2 id="status-link-h" tabindex="-1">Customer status page</h2>
    <p class="hint">The customer can follow the job here, without signing in.</p>
    <div class="copy-row"><label class="visually-hidden" for="status-url">Status page link</label>
      <input id="status-url" class="copy-input" readonly value="${url}"></div>
    <p class="link-actions"><button type="button" class="btn btn-sm" data-action="copy-status-link" id="copy-status-link">Copy link</button>
      <a class="btn btn-sm" href="${url}" target="_blank" rel="noopener">Open status page</a></p>
  </section>`;
}

/** The whole page body of a customer job (the shell puts alerts and the operation where the markers are). */
export function customerPageHtml(job, { operation, photoState, signatureState, priceList, customer }) {
  const open = !isClosedCustomerJob(job);
  return html`${headerHtml(job)}
    <div data-alert-slot></div>
    <div data-operation>${operation}</div>
    ${statusActionsHtml(job)}
    <div class="job-grid">
      <div class="job-main">${intakeHtml(job, open)}${job.repairOf ? '' : intakeStepHtml(job, { signatureState, customer })}${photosHtml(job, photoState)}
        ${job.repairOf ? '' : quoteHtml(job, priceList)}${stagesHtml(job, open && job.status !== 'ReadyForPickup')}${itemsHtml(job)}</div>
      <aside class="job-side" aria-label="Customer, location and payments">
        ${job.repairOf ? inHousePieceHtml(job) : customerHtml(job, customer || {})}${locationHtml(job, open)}${costsHtml(job)}
        ${invoiceHtml(job)}${job.repairOf ? '' : depositsHtml(job)}${statusLinkHtml(job)}
      </aside>
    </div>`;
}

const INTAKE = ['description', 'item', 'metal', 'stones', 'condition', 'targetDate', 'rush'];
const intakeValues = (job) => ({ ...job.intake, description: job.description, targetDate: String(job.targetDate || '').slice(0, 10), rush: job.rush });

function intakeBody(job) {
  const v = intakeValues(job);
  return html`<div class="form-grid">
    <div class="span-all">${field({ id: 'ie-item', name: 'item', text: 'Item', value: v.item, required: true })}</div>
    ${field({ id: 'ie-metal', name: 'metal', text: 'Metal', value: v.metal })}
    ${field({ id: 'ie-stones', name: 'stones', text: 'Stones', value: v.stones })}
    <div class="span-all">${field({ id: 'ie-description', name: 'description', text: 'Work requested', type: 'textarea', value: v.description, required: true })}</div>
    <div class="span-all">${field({ id: 'ie-condition', name: 'condition', text: 'Condition at intake', type: 'textarea', value: v.condition })}</div>
    ${field({ id: 'ie-targetDate', name: 'targetDate', text: 'Promised date', type: 'date', value: v.targetDate })}
    ${field({ id: 'ie-rush', name: 'rush', text: 'Rush job', type: 'checkbox', value: v.rush })}
    <div class="span-all">${field({ id: 'ie-reason', name: 'reason', text: 'Reason (optional)' })}</div>
  </div>`;
}

/** Only what changed is sent; every change is kept in the history with the reason. */
function intakePatch(job, v) {
  const now = intakeValues(job);
  const patch = {};
  for (const key of INTAKE) if (String(v[key] ?? '') !== String(now[key] ?? '')) patch[key] = key === 'targetDate' && !v[key] ? null : v[key];
  if (v.reason) patch.reason = v.reason;
  return patch;
}

export const customerActions = {
  'edit-intake': (btn, ctx) => ctx.dialogWrite({ title: `Edit intake of ${ctx.job.id}`, body: intakeBody(ctx.job), confirmLabel: 'Save changes' },
    (v) => ['PATCH', '', intakePatch(ctx.job, v)], { success: 'Intake saved', focus: 'intake-h' }),
  'copy-status-link': async (btn) => {
    const input = document.getElementById('status-url');
    try {
      await navigator.clipboard.writeText(input.value);
      toast('Link copied');
    } catch {
      // No clipboard permission (plain http, an old browser): select it so a long-press or Ctrl+C copies it.
      input.focus();
      input.select();
      toast('Select and copy the link', 'info');
    }
    btn.focus();
  },
};
