// Material page (#/materials/{id}): details; Edit, Receive and Count; the adjustments ledger and the edit history.
import { getMaterial, getMaterialLedger, getMaterialHistory, editMaterial, receiveMaterial, countMaterial } from './api.js';
import { html, setHtml, money, time, badge, openDialog, showProblem, hideAlert, problemHtml, toast, pageAlert } from './ui.js';
import { field } from './forms.js';
import { timelineHtml, historyPanelHtml } from './history.js';
import { attributes, amount, quantity, signed, lowBadge, materialFields, bindKind, materialPatch } from './material-fields.js';
import { ledgerHtml, ledgerPanelHtml } from './material-ledger.js';
import { session } from './session.js';

const CONFLICT = 'This material was changed by someone else (a job may have taken some); showing the latest — please redo your change.';
const currency = () => session()?.currency || 'USD';
const link = (id) => html`<a href="#/materials/${encodeURIComponent(id)}">${id}</a>`;

function detailsHtml(m) {
  const cur = currency();
  return html`<div class="job-head">
      <h1 tabindex="-1" class="job-title">${m.sku}</h1>
      <p class="job-desc">${m.name}</p>
      <p class="job-badges">${badge(m.kind, 'module')}${lowBadge(m)}${m.scrapOf && badge('Scrap')}</p>
    </div>
    <div data-alert-slot></div>
    <div class="action-bar" role="group" aria-label="Material actions">
      <button type="button" class="btn btn-primary" id="mat-receive" data-material-action="receive">Receive</button>
      <button type="button" class="btn" id="mat-count" data-material-action="count">Count</button>
      <button type="button" class="btn" id="mat-edit" data-material-action="edit">Edit</button>
    </div>
    <section class="panel" aria-labelledby="material-details-h">
      <h2 id="material-details-h">Details</h2>
      <dl class="kv kv-wide">
        <div><dt>On hand</dt><dd data-on-hand>${amount(m.onHand, m.unit)}</dd></div>
        <div><dt>Committed to jobs</dt><dd data-committed>${amount(m.committed, m.unit)}</dd></div>
        <div><dt>Reorder point</dt><dd>${amount(m.reorderPoint, m.unit)}</dd></div>
        <div><dt>Unit cost</dt><dd>${money(m.unitCost, cur)} / ${m.unit}</dd></div>
        <div><dt>Kind</dt><dd>${m.kind}</dd></div>
        <div><dt>${m.metal ? 'Metal' : 'Attributes'}</dt><dd>${attributes(m) || '—'}</dd></div>
        <div><dt>Location</dt><dd>${m.location || '—'}</dd></div>
        <div><dt>Stock value</dt><dd>${money((Number(m.onHand) + Number(m.committed)) * Number(m.unitCost), cur)}</dd></div>
        <div><dt>Material no.</dt><dd>${m.id}</dd></div>
        ${m.scrapOf && html`<div><dt>Scrap of</dt><dd>${link(m.scrapOf)}</dd></div>`}
        <div><dt>Created</dt><dd>${time(m.createdAt)} by ${m.createdBy || '—'}</dd></div>
        <div><dt>Last change</dt><dd>${time(m.updatedAt)} by ${m.updatedBy || '—'}</dd></div>
      </dl>
    </section>`;
}

function loadError(view, id, err) {
  const notFound = err.status === 404;
  setHtml(view, html`<section class="empty-state page-empty">
    <h1 tabindex="-1">${notFound ? 'Material not found' : `Material ${id}`}</h1>
    ${notFound ? html`<p>There is no material <strong>${id}</strong>.</p>`
      : html`<div class="alert alert-error" role="alert">${problemHtml(err.problem)}</div>`}
    <p><a class="btn" href="#/materials">Back to stones &amp; materials</a></p></section>`);
}

/** The dialogs of the three actions: title, body, button, the write, and the toast once done. */
const ACTIONS = {
  edit: (m) => ({
    title: `Edit ${m.sku}`,
    body: html`${materialFields('me', m)}${field({ id: 'me-reason', name: 'reason', text: 'Reason (optional)', type: 'textarea' })}`,
    confirmLabel: 'Save',
    onOpen: bindKind,
    write: (v) => {
      const patch = materialPatch(m, v);
      return Object.keys(patch).length ? editMaterial(m.id, { ...patch, reason: v.reason || null }) : null;
    },
    done: (next) => (next ? `${next.sku} saved` : 'No changes to save'),
  }),
  receive: (m) => ({
    title: `Receive ${m.sku}`,
    body: html`<p>Stock in from a supplier. ${amount(m.onHand, m.unit)} on hand now.</p>
      <div class="form-grid">
        ${field({ id: 'mr-quantity', name: 'quantity', text: `Quantity (${m.unit})`, type: 'number', required: true, attrs: 'min="0" step="any" inputmode="decimal"' })}
        ${field({ id: 'mr-unitCost', name: 'unitCost', text: 'Unit cost', type: 'number', attrs: 'min="0" step="0.01" inputmode="decimal"',
          hint: `Blank keeps ${money(m.unitCost, currency())}; a new cost is averaged with the stock held.` })}
      </div>
      ${field({ id: 'mr-reason', name: 'reason', text: 'Note (optional)', type: 'textarea', attrs: 'placeholder="Supplier, invoice or PO number"' })}`,
    confirmLabel: 'Receive',
    write: (v) => receiveMaterial(m.id, { quantity: v.quantity, ...(v.unitCost !== null && { unitCost: v.unitCost }), reason: v.reason || null }),
    done: (next) => `Received: ${amount(next.onHand, next.unit)} on hand`,
  }),
  count: (m) => ({
    title: `Count ${m.sku}`,
    body: html`<p>A stocktake: on hand becomes what you counted, and the ledger keeps the difference with your reason.</p>
      ${field({ id: 'mc-onHand', name: 'onHand', text: `Counted on hand (${m.unit})`, type: 'number', required: true, attrs: 'min="0" step="any" inputmode="decimal"',
        hint: `Count what is free in stock${Number(m.committed) ? `: the ${amount(m.committed, m.unit)} committed to jobs are not part of it` : ''}.` })}
      <p class="count-diff" role="status" data-diff>On hand now: ${amount(m.onHand, m.unit)}.</p>
      ${field({ id: 'mc-reason', name: 'reason', text: 'Reason', type: 'textarea', required: true, attrs: 'placeholder="e.g. Stocktake: two chipped"' })}`,
    confirmLabel: 'Save count',
    onOpen: (form) => {
      const out = form.querySelector('[data-diff]');
      form.elements.onHand.addEventListener('input', (e) => {
        const counted = e.target.value === '' ? null : Number(e.target.value);
        out.textContent = counted === null || Number.isNaN(counted)
          ? `On hand now: ${amount(m.onHand, m.unit)}.`
          : counted === Number(m.onHand) ? `Matches the ${amount(m.onHand, m.unit)} on hand: no difference.`
            : `Difference: ${signed(counted - Number(m.onHand))} ${m.unit} (on hand ${quantity(m.onHand)} → ${quantity(counted)} ${m.unit}).`;
      });
    },
    write: (v) => countMaterial(m.id, { onHand: v.onHand, reason: v.reason }),
    done: (next) => `Counted: ${amount(next.onHand, next.unit)} on hand`,
  }),
};

export async function renderMaterial(view, id) {
  setHtml(view, html`<p class="loading" role="status">Loading material ${id}…</p>`);
  let material;
  try { material = await getMaterial(id); } catch (err) { loadError(view, id, err); return; }

  setHtml(view, html`<p class="back"><a href="#/materials">← Stones &amp; materials</a></p><div data-slot></div>
    ${ledgerPanelHtml()}${historyPanelHtml('material-history-h')}`);
  const slot = view.querySelector('[data-slot]');
  const alertEl = pageAlert();
  let seq = 0;

  // The ledger and history load together after every change; a slower, older answer does not overwrite a newer one.
  async function loadLog() {
    const mine = ++seq;
    const [ledger, events] = await Promise.allSettled([getMaterialLedger(material.id), getMaterialHistory(material.id)]);
    if (mine !== seq || !view.isConnected) return;
    setHtml(view.querySelector('[data-ledger]'), ledger.status === 'fulfilled' ? ledgerHtml(ledger.value, material.unit)
      : html`<p class="hint">The ledger is unavailable right now (${ledger.reason.message}).</p>`);
    setHtml(view.querySelector('[data-history]'), events.status === 'fulfilled' ? timelineHtml(events.value)
      : html`<p class="hint">History is unavailable right now (${events.reason.message}).</p>`);
  }

  function render(focusId) {
    setHtml(slot, detailsHtml(material));
    slot.querySelector('[data-alert-slot]').replaceWith(alertEl);
    document.title = `${material.sku} · JewelBench`;
    if (focusId) document.getElementById(focusId)?.focus();
  }

  async function act(action, button) {
    const { write, done, ...dialog } = ACTIONS[action](material);
    hideAlert(alertEl);
    const outcome = await openDialog({
      ...dialog,
      onSubmit: async (v) => {
        try { return { next: await write(v) }; } catch (err) {
          if (err.status === 412) return { err };
          throw err;
        }
      },
    });
    if (!outcome) { button.focus(); return; }
    if (outcome.err) {
      if (outcome.err.problem.current) material = outcome.err.problem.current;
      render(button.id);
      showProblem(alertEl, { title: CONFLICT });
    } else {
      if (outcome.next) { material = outcome.next; render(button.id); } else button.focus();
      toast(done(outcome.next), outcome.next ? 'success' : 'info');
    }
    loadLog();
  }

  view.addEventListener('click', (e) => {
    const btn = e.target.closest('[data-material-action]');
    if (btn && !btn.disabled) act(btn.dataset.materialAction, btn);
  });

  render();
  await loadLog();
}
