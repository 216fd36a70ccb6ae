// A job's reminder on its own page: the "stuck" badge, a snooze, and Snooze (the same dialog as the board's Reminders panel).
import { html, badge, formatDate } from './ui.js';
import { snoozeFields } from './reminders-panel.js';

export const reminderBadgesHtml = (job) => html`${job.stuck && badge(`stuck ${job.stuck.days}d`, 'stuck')}${job.snoozed && new Date(job.snoozed.until) > new Date()
  && badge(`reminder snoozed until ${formatDate(job.snoozed.until)}`, 'lane')}${job.stuck
  && html` <button type="button" class="btn btn-sm" data-action="snooze">Snooze</button>`}`;

export const reminderActions = {
  snooze: (btn, ctx) => ctx.dialogWrite({ title: `Snooze the reminder of ${ctx.job.id}`, confirmLabel: 'Snooze', body: snoozeFields() },
    (v) => ['POST', '/snooze', { until: v.until, reason: v.reason }],
    { success: (job) => `Snoozed until ${formatDate(job.snoozed?.until)}` }),
};
