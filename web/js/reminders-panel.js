// The board's Reminders panel: jobs stuck past their lane's threshold (longest first), each with a link and Snooze,
// then the snoozed ones. The button's count comes from the board itself, so polling the board keeps it current.
import { listReminders, snoozeJob } from './api.js';
import { html, setHtml, badge, plural, label, formatDate, openDialog, problemHtml, toast } from './ui.js';
import { field } from './forms.js';

export const stuckCount = (board) =>
  (board?.lanes || []).reduce((n, l) => n + (l.cards || []).filter((c) => c.stuck != null).length, 0);

export const remindersButtonHtml = () => html`<button type="button" class="btn" data-reminders aria-expanded="false"
    aria-controls="reminders-panel">Reminders (0)</button>`;

export const remindersPanelHtml = () => html`<section class="panel reminders-panel" id="reminders-panel" aria-labelledby="reminders-h" hidden>
    <h2 id="reminders-h">Reminders</h2><div data-reminders-list></div></section>`;

function entry(r) {
  const href = `#/jobs/${encodeURIComponent(r.jobId)}`;
  return html`<li class="reminder">
    <a href="${href}"><span class="job-no">${r.jobId}</span> ${r.item || r.description}</a>
    ${r.rush && badge('RUSH', 'rush')}
    ${r.daysStuck != null && badge(`stuck ${r.daysStuck}d`, 'stuck')}
    <span class="reminder-meta">${[r.customer, label(r.lane), label(r.status), r.location].filter(Boolean).join(' · ')}
      — in lane since ${formatDate(r.since)} (${plural(r.daysInLane, 'day')})</span>
    ${r.snoozedUntil
      ? html`<span class="reminder-meta">Snoozed until ${formatDate(r.snoozedUntil)}</span>`
      : html`<button type="button" class="btn" data-snooze="${r.jobId}" aria-label="Snooze ${r.jobId}">Snooze</button>`}
  </li>`;
}

function listHtml(reminders) {
  const stuck = reminders.filter((r) => !r.snoozedUntil);
  const snoozed = reminders.filter((r) => r.snoozedUntil);
  return html`${stuck.length
      ? html`<ul class="reminders" role="list" aria-label="Stuck jobs">${stuck.map(entry)}</ul>`
      : html`<p class="hint">No job is stuck. Jobs that sit in a lane past the shop’s threshold show up here.</p>`}
    ${snoozed.length > 0 && html`<h3>Snoozed</h3><ul class="reminders" role="list" aria-label="Snoozed jobs">${snoozed.map(entry)}</ul>`}`;
}

const tomorrow = () => {
  const d = new Date();
  d.setDate(d.getDate() + 1);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

/** The snooze form's fields: until a date (tomorrow at the earliest) and why. */
export const snoozeFields = () => html`${field({ id: 'snooze-until', name: 'until', text: 'Until', type: 'date', required: true, value: tomorrow(),
  attrs: `min="${tomorrow()}"` })}
  ${field({ id: 'snooze-reason', name: 'reason', text: 'Reason', type: 'textarea', required: true, hint: 'Kept in the job’s history.' })}`;

/** Wires the button and panel rendered above; `onChanged` runs after a snooze (to redraw the board at once). */
export function bindReminders(view, { onChanged = () => {} } = {}) {
  const button = view.querySelector('[data-reminders]');
  const panel = view.querySelector('#reminders-panel');
  const list = panel.querySelector('[data-reminders-list]');
  let lastCount = -1;

  async function load() {
    try { setHtml(list, listHtml(await listReminders())); } catch (err) { setHtml(list, html`<div class="alert alert-error" role="alert">${problemHtml(err.problem)}</div>`); }
  }

  async function snooze(jobId) {
    const done = await openDialog({
      title: `Snooze the reminder of ${jobId}`, confirmLabel: 'Snooze',
      body: snoozeFields(),
      onSubmit: (values) => snoozeJob(jobId, { until: values.until, reason: values.reason }),
    });
    if (!done) return;
    toast(`${jobId} snoozed until ${formatDate(done.snoozed?.until)}`);
    await load();
    onChanged();
  }

  button.addEventListener('click', async () => {
    const opening = panel.hidden;
    panel.hidden = !opening;
    button.setAttribute('aria-expanded', String(opening));
    if (opening) await load();
  });
  list.addEventListener('click', (e) => {
    const target = e.target.closest('[data-snooze]');
    if (target) snooze(target.dataset.snooze);
  });

  return {
    /** A new board: the count on the button, and the open panel's list when the count changed. */
    update(board) {
      const count = stuckCount(board);
      button.textContent = `Reminders (${count})`;
      button.classList.toggle('has-reminders', count > 0);
      if (!panel.hidden && count !== lastCount) load();
      lastCount = count;
    },
  };
}
