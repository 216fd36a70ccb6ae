// Stock item page (#/stock/{stockId}): details, Edit, Reserve / Release / Sell, and the piece's ledger (history).
import { getStock, getStockHistory, stockAction, stockPhotoUrl, editStock } from './api.js';
import { html, setHtml, money, time, statusBadge, openDialog, showProblem, hideAlert, problemHtml, toast, pageAlert } from './ui.js';
import { field } from './forms.js';
import { timelineHtml, historyPanelHtml } from './history.js';
import { photoFrame, bindPhotos, viewPhotos } from './photos.js';

// Which actions each status allows, and how each is presented.
const ACTIONS = {
  Available: ['reserve', 'sell'],
  Reserved: ['release', 'sell'],
  Sold: ['release'],
};
const ACTION_INFO = {
  reserve: { label: 'Reserve', done: 'Reserved', text: 'Hold this piece for a customer. It stays in stock but cannot be sold to anyone else.' },
  release: { label: 'Release', done: 'Released', text: 'Make this piece available again: ends a reservation, or takes back a returned sale.' },
  sell: { label: 'Sell', done: 'Marked as sold', text: 'Mark this piece as sold. A sold piece blocks reopening its job.' },
};

function detailsHtml(s) {
  const actions = ACTIONS[s.status] ?? [];
  return html`<div class="job-head">
      <h1 tabindex="-1" class="job-title">${s.stockId}</h1>
      <p class="job-desc">${s.title}</p>
      <p class="job-badges">${statusBadge(s.status)}</p>
    </div>
    <div data-alert-slot></div>
    ${actions.length > 0 && html`<div class="action-bar" role="group" aria-label="Stock actions">
      ${actions.map((a) => html`<button type="button" class="btn ${a === 'sell' ? 'btn-primary' : ''}" id="stock-${a}" data-stock-action="${a}">${ACTION_INFO[a].label}</button>`)}
      <button type="button" class="btn" id="stock-edit" data-stock-edit>Edit</button>
      ${s.status !== 'Sold' && html`<a class="btn" href="#/new?module=Repair&stockId=${encodeURIComponent(s.stockId)}">Repair this piece</a>`}
    </div>`}
    ${s.status === 'Sold' && html`<p class="hint stock-note">This piece is sold. Release it only if the customer returned it.</p>`}
    <section class="panel" aria-labelledby="stock-details-h">
      <h2 id="stock-details-h">Details</h2>
      <dl class="kv kv-wide">
        <div><dt>SKU</dt><dd>${s.sku || '—'}</dd></div>
        <div><dt>Category</dt><dd>${s.category || '—'}</dd></div>
        <div><dt>Vendor</dt><dd>${s.vendor || '—'}</dd></div>
        <div><dt>Storage location</dt><dd>${s.storageLocation || '—'}</dd></div>
        <div><dt>Quantity</dt><dd>${s.quantity}</dd></div>
        <div><dt>Cost basis</dt><dd>${money(s.costBasis)}</dd></div>
        <div><dt>Unit cost</dt><dd>${money(s.unitCost)}</dd></div>
        <div><dt>Retail price</dt><dd>${money(s.retailPrice)}</dd></div>
        <div><dt>Made in job</dt><dd>${s.jobId ? jobLink(s.jobId) : '—'}</dd></div>
        <div><dt>Created</dt><dd>${time(s.createdAt)} by ${s.createdBy || '—'}</dd></div>
        <div><dt>Last change</dt><dd>${time(s.updatedAt)} by ${s.updatedBy || '—'}</dd></div>
      </dl>
    </section>
    ${photosHtml(s)}`;
}

const jobLink = (jobId) => html`<a href="#/jobs/${encodeURIComponent(jobId)}">${jobId}</a>`;

// The close-out copies the job's photos to the piece in the background: until then an image answers 404,
// so each one is tried again for a while with "Copying…" in its place.
function photosHtml(s) {
  const photos = s.photos || [];
  return html`<section class="panel" id="stock-photos" aria-labelledby="stock-photos-h">
    <h2 id="stock-photos-h">Photos</h2>
    ${photos.length
      ? html`<ul class="photo-grid" role="list">${photos.map((pid, i) => html`<li>
          <button type="button" class="photo-thumb" data-photo-view="${i}">
            ${photoFrame({ src: stockPhotoUrl(s.stockId, pid), alt: `Photo ${i + 1} of ${s.stockId}`, retry: true })}</button></li>`)}</ul>
        ${s.jobId && html`<p class="hint photo-source">Taken for job ${jobLink(s.jobId)}.</p>`}`
      : html`<p class="empty-inline">No photos${s.jobId ? html` — job ${jobLink(s.jobId)} had none when it was completed` : ''}.</p>`}
  </section>`;
}

/** The edit form, filled with the piece as shown; a sold piece's change needs a reason. */
function editFormHtml(s) {
  const sold = s.status === 'Sold';
  return html`${sold && html`<p class="hint">This piece is sold. The change is kept in its history as made after the sale, with your reason.</p>`}
    ${field({ id: 'stock-title', name: 'title', text: 'Title', value: s.title, required: true, attrs: 'maxlength="120"' })}
    ${field({ id: 'stock-category', name: 'category', text: 'Category', value: s.category, required: true, attrs: 'maxlength="60"' })}
    ${field({ id: 'stock-location', name: 'storageLocation', text: 'Storage location', value: s.storageLocation, attrs: 'maxlength="60"' })}
    ${field({ id: 'stock-price', name: 'retailPrice', text: 'Retail price', type: 'number', value: s.retailPrice ?? '',
      hint: 'Leave empty for no price.', attrs: 'min="0" step="0.01" inputmode="decimal"' })}
    ${field({ id: 'stock-edit-reason', name: 'reason', text: sold ? 'Reason' : 'Reason (optional)', type: 'textarea', required: sold })}`;
}

/** The piece's current values, for the dialog after someone else changed it. */
const currentValues = (s) => [`title “${s.title}”`, `category “${s.category}”`,
  `storage location “${s.storageLocation || '—'}”`, `retail price ${money(s.retailPrice)}`].join(', ');

function loadError(view, id, err) {
  const notFound = err.status === 404;
  setHtml(view, html`<section class="empty-state page-empty">
    <h1 tabindex="-1">${notFound ? 'Stock item not found' : `Stock item ${id}`}</h1>
    ${notFound ? html`<p>There is no stock item <strong>${id}</strong>.</p>`
      : html`<div class="alert alert-error" role="alert">${problemHtml(err.problem)}</div>`}
    <p><a class="btn" href="#/board">Back to the board</a></p></section>`);
}

export async function renderStock(view, id) {
  setHtml(view, html`<p class="loading" role="status">Loading stock item ${id}…</p>`);
  let item;
  try { item = await getStock(id); } catch (err) { loadError(view, id, err); return; }

  setHtml(view, html`<p class="back" data-back></p><div data-slot></div>
    ${historyPanelHtml('stock-history-h')}`);
  const slot = view.querySelector('[data-slot]');
  const alertEl = pageAlert();

  async function loadHistory() {
    const box = view.querySelector('[data-history]');
    try { setHtml(box, timelineHtml(await getStockHistory(item.stockId))); }
    catch (err) { setHtml(box, html`<p class="hint">History is unavailable right now (${err.message}).</p>`); }
  }

  function render(focusId) {
    setHtml(view.querySelector('[data-back]'), item.jobId
      ? html`<a href="#/jobs/${encodeURIComponent(item.jobId)}">← Back to job ${item.jobId}</a>`
      : html`<a href="#/board">← Board</a>`);
    setHtml(slot, detailsHtml(item));
    slot.querySelector('[data-alert-slot]').replaceWith(alertEl);
    bindPhotos(slot);
    document.title = `${item.stockId} · JewelBench`;
    const target = (focusId && document.getElementById(focusId)) || slot.querySelector('[data-stock-action]') || slot.querySelector('h1');
    if (focusId) target?.focus();
  }

  async function act(action, button) {
    const info = ACTION_INFO[action];
    hideAlert(alertEl);
    const outcome = await openDialog({
      title: `${info.label} ${item.stockId}?`,
      body: html`<p>${info.text}</p>${field({ id: 'stock-reason', name: 'reason', text: 'Reason (optional)', type: 'textarea' })}`,
      confirmLabel: info.label,
      onSubmit: async (v) => {
        try { return { item: await stockAction(item.stockId, action, v.reason) }; } catch (err) {
          if (err.status === 412 || err.status === 409) return { err };
          throw err;
        }
      },
    });
    if (!outcome) return;
    if (outcome.item) {
      item = outcome.item;
      render(button.id);
      toast(`${info.done}: ${item.stockId}`);
    } else {
      const { err } = outcome;
      if (err.status === 412 && err.problem.current) { item = err.problem.current; render(button.id); }
      showProblem(alertEl, err.status === 412
        ? { title: 'This item was changed by someone else; showing the latest — please redo your change.' }
        : err.problem);
    }
    loadHistory();
  }

  // A 412 keeps the dialog open with what was typed, and says what the piece holds now; saving again applies the entries to it.
  async function edit() {
    hideAlert(alertEl);
    const outcome = await openDialog({
      title: `Edit ${item.stockId}`,
      body: editFormHtml(item),
      confirmLabel: 'Save',
      onSubmit: async (v) => {
        try {
          return await editStock(item.stockId, { title: v.title, category: v.category, storageLocation: v.storageLocation,
            retailPrice: v.retailPrice, reason: v.reason || null });
        } catch (err) {
          if (err.status !== 412 || !err.problem.current) throw err;
          item = err.problem.current;
          render();
          loadHistory();
          const stale = new Error('Changed by someone else');
          stale.problem = { title: 'Someone else changed this piece since you opened it.',
            detail: `It now has ${currentValues(item)}. Your entries are still here: save again to apply them, or cancel.` };
          throw stale;
        }
      },
    });
    if (!outcome) return;
    item = outcome;
    render('stock-edit');
    toast(`Saved: ${item.stockId}`);
    loadHistory();
  }

  view.addEventListener('click', (e) => {
    if (e.target.closest('[data-stock-edit]')) edit();
    const btn = e.target.closest('[data-stock-action]');
    if (btn && !btn.disabled) act(btn.dataset.stockAction, btn);
    const photo = e.target.closest('[data-photo-view]');
    if (photo) {
      const photos = (item.photos || []).map((pid, i) => ({ id: pid, src: stockPhotoUrl(item.stockId, pid), alt: `Photo ${i + 1} of ${item.stockId}` }));
      viewPhotos({ photos, index: Number(photo.dataset.photoView), title: 'Photo', retry: true });
    }
  });

  render();
  loadHistory();
}
