// Job envelope (#/jobs/{id}/envelope): the printable tag that travels with the piece — job number, QR code
// that opens the job, customer, item, condition, promised date, RUSH and deposit. A6 or US Letter.
import { getJob } from './api.js';
import { html, setHtml, money, formatDate, problemHtml } from './ui.js';

const SIZE_KEY = 'jewelbench.envelopeSize';
const enc = encodeURIComponent;

function envelopeHtml(job, size) {
  const intake = job.intake || {};
  const row = (label, value) => (value ? html`<div class="env-row"><dt>${label}</dt><dd>${value}</dd></div>` : '');
  return html`<div class="envelope-tools no-print">
      <p class="back"><a href="#/jobs/${enc(job.id)}">← Job ${job.id}</a></p>
      <fieldset class="env-size"><legend>Paper</legend>
        <label><input type="radio" name="env-size" value="a6" ${size === 'a6' ? 'checked' : ''}> A6 tag</label>
        <label><input type="radio" name="env-size" value="letter" ${size === 'letter' ? 'checked' : ''}> US Letter</label>
      </fieldset>
      <button type="button" class="btn btn-primary" data-print>Print envelope</button>
    </div>
    <article class="envelope" data-size="${size}" aria-label="Envelope for job ${job.id}">
      <header class="env-head">
        <div>
          <p class="env-module">${job.module}</p>
          <h1 class="env-number">${job.id}</h1>
          ${job.rush ? html`<p class="env-rush">RUSH</p>` : ''}
        </div>
        <img class="env-qr" src="/api/jobs/${enc(job.id)}/qr" alt="QR code that opens job ${job.id}" width="132" height="132">
      </header>
      <dl class="env-fields">
        ${row('Customer', job.customer)}
        ${row('Item', intake.item || job.description)}
        ${row('Work', intake.item ? job.description : '')}
        ${row('Metal', intake.metal)}
        ${row('Stones', intake.stones)}
        ${row('Condition at intake', intake.condition)}
        ${row('Promised', job.targetDate ? formatDate(job.targetDate) : '')}
        ${row('Deposit', job.depositTotal ? money(job.depositTotal, job.currency) : '')}
        ${row('Taken in', `${formatDate(job.createdAt)} by ${job.createdBy}`)}
      </dl>
    </article>`;
}

export async function renderEnvelope(view, id) {
  document.title = `Envelope ${id} · JewelBench`;
  let job;
  try {
    job = await getJob(id);
  } catch (err) {
    setHtml(view, html`<h1 tabindex="-1">Envelope</h1><div class="alert alert-error" role="alert">${problemHtml(err.problem)}</div>`);
    return;
  }
  const draw = () => {
    setHtml(view, envelopeHtml(job, localStorage.getItem(SIZE_KEY) === 'letter' ? 'letter' : 'a6'));
    view.querySelector('[data-print]').addEventListener('click', () => window.print());
    view.querySelectorAll('input[name="env-size"]').forEach((input) => input.addEventListener('change', () => {
      localStorage.setItem(SIZE_KEY, input.value);
      draw();
      view.querySelector(`input[value="${input.value}"]`).focus();
    }));
  };
  draw();
  view.querySelector('h1')?.setAttribute('tabindex', '-1');
}
