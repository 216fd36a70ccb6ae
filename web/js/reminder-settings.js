// Shop settings, Reminders: after how many days in a lane a job counts as stuck (rush jobs: half), and how often a
// stuck job is reminded again. Owners change them; each change goes to the shop's history.
import { getReminderSettings, saveReminderSettings } from './api.js';
import { html, setHtml, withBusy, showProblem, hideAlert, clearErrors, checkRequired, formValues, toast } from './ui.js';
import { field } from './forms.js';

const FIELDS = [
  ['inShop', 'In Shop'], ['inProgress', 'In Progress'], ['waitingOnVendor', 'Waiting on vendor'],
  ['readyForPickup', 'Ready for pickup'], ['onHold', 'On hold'], ['escalation', 'Remind again every'],
];

const formHtml = (s) => html`<form class="panel" novalidate aria-labelledby="reminders-settings-h">
    <h2 id="reminders-settings-h">Reminders</h2>
    <p class="hint">Days a job may sit before it is marked stuck; rush jobs get half. ${s.usesDefaults ? 'These are the defaults.' : 'This shop has its own values.'}</p>
    <div class="alert alert-error" role="alert" hidden></div>
    <div class="form-grid">
      ${FIELDS.map(([name, text]) => field({ id: `rem-${name}`, name, text: `${text} (days)`, type: 'number', required: true,
        value: s.thresholds[name], hint: s.usesDefaults ? '' : `Default: ${s.defaults[name]}`, attrs: 'min="1" max="365" step="1" inputmode="numeric"' }))}
      <div class="span-all">${field({ id: 'rem-reason', name: 'reason', text: 'Reason for the reminder change (optional)' })}</div>
    </div>
    <div class="form-actions">
      <button type="submit" class="btn btn-primary">Save reminders</button>
      ${!s.usesDefaults && html`<button type="button" class="btn" data-defaults>Use the defaults</button>`}
    </div>
  </form>`;

/** Renders into `slot`; `onSaved` runs after a change (to reload the shop's history). */
export async function renderReminderSettings(slot, onSaved) {
  let settings;
  let etag;
  try { ({ data: settings, etag } = await getReminderSettings()); } catch { setHtml(slot, ''); return; }

  function render() {
    setHtml(slot, formHtml(settings));
    const form = slot.querySelector('form');
    const alertEl = form.querySelector('[role="alert"]');
    const save = async (button, body) => {
      hideAlert(alertEl);
      try {
        ({ data: settings, etag } = await withBusy(button, () => saveReminderSettings(body, etag)));
        render();
        toast('Reminder settings saved');
        onSaved();
      } catch (err) {
        if (err.status === 412) ({ data: settings, etag } = await getReminderSettings());
        showProblem(alertEl, err.problem, form);
      }
    };
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      clearErrors(form);
      if (!checkRequired(form)) return;
      const v = formValues(form);
      const body = Object.fromEntries(FIELDS.map(([name]) => [name, v[name]]));
      if (v.reason) body.reason = v.reason;
      save(e.submitter, body);
    });
    form.querySelector('[data-defaults]')?.addEventListener('click', (e) => save(e.target, { useDefaults: true }));
  }
  render();
}
