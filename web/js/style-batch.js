// "Start a batch" panel of a style page: a manufacturer makes N pieces of the saved style as a new production job,
// its bill of materials × N taken from stock (refused, and said why, when stock is short).
import { startBatch } from './api.js';
import { html, setHtml, money, showProblem, hideAlert, checkRequired, formValues, withBusy, toast } from './ui.js';
import { field } from './forms.js';
import { isOwner } from './session.js';

const show = (n) => Number(n ?? 0).toLocaleString('en-US', { maximumFractionDigits: 4 });

/** What the batch takes from stock and what it costs, for a quantity. */
function previewHtml(style, quantity, cur) {
  const n = Number.isInteger(quantity) && quantity > 0 ? quantity : 0;
  if (!n) return '';
  const needs = (style.bom || []).filter((l) => l.materialId);
  return html`<p>Cost of the batch: <strong>${money(style.cost * n, cur)}</strong> <span class="hint">(${n} × ${money(style.cost, cur)})</span></p>
    ${needs.length > 0 && html`<ul class="batch-needs" role="list">${needs.map((l) => {
      const need = l.quantity * n;
      const short = l.onHand !== null && l.onHand !== undefined && need > l.onHand;
      return html`<li class="${short ? 'is-short' : ''}">${short ? html`<strong>Short:</strong> ` : ''}${show(need)} ${l.unit} of ${l.description}
        <span class="hint">(${show(l.onHand)} on hand)</span></li>`;
    })}</ul>`}`;
}

/** Draws into `box`; owner: { style, shop, currency, isDirty() }. */
export function batchPanel(box, owner) {
  function refresh() {
    const { style, shop, currency } = owner;
    let body;
    if (!shop?.manufacturer) {
      body = html`<p>Batches from styles are for shops that manufacture.</p>
        <p class="hint">${isOwner()
          ? html`Turn on “We manufacture” in <a href="#/settings">Shop settings</a> to start batches here.`
          : 'The shop owner can turn on “We manufacture” in Shop settings.'}</p>`;
    } else if (style.active === false) {
      body = html`<p class="hint">This style is retired. Tick “Active” and save it to make batches from it again.</p>`;
    } else {
      body = html`<form class="stack" data-batch-form novalidate>
        <div class="alert alert-error" role="alert" hidden></div>
        ${field({ id: 'sb-quantity', name: 'quantity', text: 'Batch quantity', type: 'number', value: 1, required: true,
          attrs: 'min="1" step="1" inputmode="numeric"' })}
        ${field({ id: 'sb-targetDate', name: 'targetDate', text: 'Target date', type: 'date' })}
        ${field({ id: 'sb-rush', name: 'rush', text: 'Rush', type: 'checkbox' })}
        <div class="batch-preview" data-preview>${previewHtml(style, 1, currency)}</div>
        ${owner.isDirty() ? html`<p class="hint hint-lock">A batch is made from the saved style: save your changes first.</p>` : ''}
        <div class="form-actions"><button type="submit" class="btn btn-primary">Start batch</button></div>
      </form>`;
    }
    const had = box.querySelector('[data-batch-form]');
    const kept = had && formValues(had);
    setHtml(box, html`<section class="panel" id="batch" aria-labelledby="batch-h"><h2 id="batch-h" tabindex="-1">Start a batch</h2>${body}</section>`);
    const form = box.querySelector('[data-batch-form]');
    if (!form) return;
    if (kept) {
      form.elements.quantity.value = kept.quantity ?? '';
      form.elements.targetDate.value = kept.targetDate || '';
      form.elements.rush.checked = kept.rush;
      setHtml(form.querySelector('[data-preview]'), previewHtml(owner.style, kept.quantity, owner.currency));
    }
    form.elements.quantity.addEventListener('input', () =>
      setHtml(form.querySelector('[data-preview]'), previewHtml(owner.style, Number(form.elements.quantity.value), owner.currency)));
    form.addEventListener('submit', (e) => { e.preventDefault(); submit(form, e.submitter); });
  }

  async function submit(form, button) {
    const alert = form.querySelector('[role="alert"]');
    hideAlert(alert);
    if (!checkRequired(form)) return;
    if (owner.isDirty()) { showProblem(alert, { title: 'Save the style first', detail: 'A batch is made from the saved bill of materials.' }); return; }
    const v = formValues(form);
    if (!Number.isInteger(v.quantity) || v.quantity < 1) {
      showProblem(alert, { errors: { quantity: ['Enter a whole number of pieces, 1 or more.'] } }, form);
      return;
    }
    try {
      const job = await withBusy(button, () => startBatch(owner.style.id, { quantity: v.quantity, targetDate: v.targetDate || null, rush: v.rush }));
      toast(`Batch ${job.id} started: ${v.quantity} × ${owner.style.code}`);
      location.hash = `#/jobs/${encodeURIComponent(job.id)}`;
    } catch (err) {
      const p = err.problem || {};
      // A 409 says what stock is short (or that the shop does not manufacture): show it as the headline.
      showProblem(alert, err.status === 409 ? { ...p, title: 'The batch was not started', detail: p.detail || p.title } : p, form);
      alert.scrollIntoView({ block: 'nearest' });
    }
  }

  return { refresh };
}
