// New production job form (#/new).
import { createJob } from './api.js';
import { html, setHtml, formValues, checkRequired, showProblem, hideAlert, withBusy, toast } from './ui.js';
import { field } from './forms.js';

export function renderNewJob(view) {
  setHtml(view, html`<p class="back"><a href="#/board">← Board</a></p>
    <div class="page-head"><h1 tabindex="-1">New job</h1></div>
    <form class="panel form-grid new-job" novalidate>
      <div class="alert alert-error span-all" role="alert" hidden></div>
      <div class="span-all">${field({ id: 'nj-description', name: 'description', text: 'Description', required: true,
        attrs: 'autocomplete="off" placeholder="e.g. 14k gold signet ring, size 9"' })}</div>
      ${field({ id: 'nj-customer', name: 'customer', text: 'Customer', hint: 'Leave empty for stock pieces.', attrs: 'autocomplete="off"' })}
      ${field({ id: 'nj-store', name: 'store', text: 'Store', value: 'Main', required: true })}
      ${field({ id: 'nj-targetDate', name: 'targetDate', text: 'Target date', type: 'date' })}
      ${field({ id: 'nj-quantity', name: 'quantity', text: 'Quantity', type: 'number', value: 1, required: true,
        attrs: 'min="1" step="1" inputmode="numeric"', hint: 'Fixed once the job is in production.' })}
      <div class="span-all">${field({ id: 'nj-rush', name: 'rush', text: 'Rush job', type: 'checkbox' })}</div>
      <div class="form-actions span-all">
        <a class="btn" href="#/board">Cancel</a>
        <button type="submit" class="btn btn-primary">Create job</button>
      </div>
    </form>`);

  const form = view.querySelector('form');
  const alert = form.querySelector('[role="alert"]');
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    hideAlert(alert);
    if (!checkRequired(form)) return;
    const v = formValues(form);
    const body = {
      module: 'Production',
      description: v.description,
      targetDate: v.targetDate || null,
      rush: v.rush,
      store: v.store || 'Main',
      customer: v.customer || null,
      quantity: v.quantity ?? 1,
    };
    try {
      const job = await withBusy(form.querySelector('[type="submit"]'), () => createJob(body));
      toast(`Job ${job.id} created`);
      location.hash = `#/jobs/${encodeURIComponent(job.id)}`;
    } catch (err) {
      showProblem(alert, err.problem, form);
    }
  });
}
