// Materials from inventory on a job: the "Add from inventory" dialog (search, pick, quantity), the allocation
// badge of such a line, and "Return to stock" for what a reopened job had consumed.
import { listMaterials } from './api.js';
import { html, setHtml, badge, clearErrors, fieldError } from './ui.js';
import { field, optionalReason, reasonBody } from './forms.js';
import { attributes, amount } from './material-fields.js';

const ALLOCATION = {
  Allocated: ['Allocated', 'Reserved in stock for this job'],
  Held: ['Held', 'Being worked in production'],
  Consumed: ['Consumed', 'Used up at close-out'],
  Released: ['Released', 'Given back to stock when the job was canceled'],
};
// A consumed line comes back only while the job is open again: not while it is done.
const DONE = ['Completed', 'ReadyForPickup', 'PickedUp'];

export const canReturn = (job, it) => it.allocation === 'Consumed' && !DONE.includes(job.status);
/** Quantity is all that changes on an inventory line, and only while it is still allocated or held. */
export const isOpenAllocation = (it) => it.allocation === 'Allocated' || it.allocation === 'Held';

export function allocationHtml(it) {
  const [text, title] = ALLOCATION[it.allocation] || [it.allocation, ''];
  return html`<a class="inv-link" href="#/materials/${encodeURIComponent(it.materialId)}">${it.description}</a>
    <span class="badge badge-alloc-${String(it.allocation).toLowerCase()}" title="${title}">${text}</span>`;
}

const pickerHtml = html`${field({ id: 'inv-find', name: 'find', text: 'Find material', type: 'search',
    hint: 'Type to search the stones and materials in stock.',
    attrs: 'autocomplete="off" aria-controls="inv-results" placeholder="SKU, name, shape, color or metal"' })}
  <input type="hidden" name="materialId" value="">
  <p class="visually-hidden" role="status" data-found></p>
  <ul class="pick-list" id="inv-results" role="list" aria-label="Matching materials" data-results></ul>
  <div class="chosen-material" data-chosen hidden></div>
  ${field({ id: 'inv-quantity', name: 'quantity', text: 'Quantity', type: 'number', required: true, value: 1, attrs: 'min="0" step="any" inputmode="decimal"' })}`;

const pickText = (m) => html`<span class="pick-name">${m.sku} ${m.name}</span>
  <span class="pick-contact">${[attributes(m), `${amount(m.onHand, m.unit)} on hand`].filter(Boolean).join(' · ')}</span>`;

/** Search as you type; choosing a material fills the hidden materialId and labels the quantity with its unit. */
function bindPicker(form) {
  const find = form.elements.find;
  const results = form.querySelector('[data-results]');
  const found = form.querySelector('[data-found]');
  const chosenBox = form.querySelector('[data-chosen]');
  const qtyLabel = form.querySelector('label[for="inv-quantity"]');
  let shown = [];
  let seq = 0;
  let timer;

  async function search() {
    const mine = ++seq;
    const q = find.value.trim();
    try {
      const list = (await listMaterials({ q }) || []).filter((m) => !m.scrapOf);
      if (mine !== seq) return;
      shown = list.slice(0, 8);
      setHtml(results, shown.length
        ? shown.map((m) => html`<li><button type="button" class="pick" data-pick="${m.id}">${pickText(m)}</button></li>`)
        : html`<li class="empty-inline">${q ? `No material matches “${q}”.` : 'No stones or materials in stock yet.'}</li>`);
      found.textContent = shown.length ? `${shown.length} matching` : 'No material matches.';
    } catch (err) {
      if (mine === seq) setHtml(results, html`<li class="field-error">Cannot search materials: ${err.message}</li>`);
    }
  }

  function choose(m) {
    clearErrors(form);
    form.elements.materialId.value = m?.id || '';
    find.closest('.field').hidden = Boolean(m);
    results.hidden = Boolean(m);
    chosenBox.hidden = !m;
    qtyLabel.firstChild.textContent = m ? `Quantity (${m.unit})` : 'Quantity';
    if (!m) { chosenBox.textContent = ''; find.focus(); search(); return; }
    setHtml(chosenBox, html`<p class="chosen-line"><span>${pickText(m)}</span>
      <button type="button" class="btn btn-sm" data-change>Change material</button></p>`);
    chosenBox.querySelector('[data-change]').addEventListener('click', () => choose(null));
    form.elements.quantity.focus();
    form.elements.quantity.select();
  }

  find.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(search, 250); });
  find.addEventListener('keydown', (e) => {
    // Enter picks the only match instead of sending the form.
    if (e.key === 'Enter') { e.preventDefault(); if (shown.length === 1) choose(shown[0]); }
  });
  results.addEventListener('click', (e) => {
    const b = e.target.closest('[data-pick]');
    const m = b && shown.find((x) => x.id === b.dataset.pick);
    if (m) choose(m);
  });
  search();
}

function requireMaterial(form) {
  if (form.elements.materialId.value) return true;
  clearErrors(form);
  fieldError(form, 'find', 'Choose a material from the list.');
  form.elements.find.focus();
  return false;
}

const findItem = (ctx, id) => (ctx.job.items || []).find((i) => String(i.id) === String(id));

export const inventoryActions = {
  'item-from-inventory': (btn, ctx) => ctx.dialogWrite({
    title: 'Add from inventory',
    body: pickerHtml,
    confirmLabel: 'Add to job',
    onOpen: bindPicker,
    validate: requireMaterial,
  }, (v) => ['POST', '/materials', { materialId: v.materialId, quantity: v.quantity }],
  { success: (job) => `${job.items?.at(-1)?.description || 'Material'} allocated from inventory` }),

  'item-return': (btn, ctx) => {
    const it = findItem(ctx, btn.dataset.id);
    return ctx.dialogWrite({
      title: 'Return to stock?',
      body: html`<p>Put <strong>${amount(it.quantity, it.unit)}</strong> of <strong>${it.description}</strong> back in stock
        and take it off ${ctx.job.id}'s cost.</p>${optionalReason('ir-reason')}`,
      confirmLabel: 'Return to stock',
    }, (v) => ['POST', `/items/${encodeURIComponent(it.id)}/return`, reasonBody(v) ?? {}], { success: `${it.description} returned to stock` });
  },
};
