// Inventory (#/stock): finished pieces (StockIDs), searchable, filterable by status and category, sorted and paged.
// The filters live in the address (#/stock?q=…&status=…), so back/forward, reload and shared links keep them.
import { listStock, stockPhotoUrl } from './api.js';
import { html, setHtml, statusBadge, money, problemHtml, plural } from './ui.js';
import { field, selectField } from './forms.js';
import { photoFrame, bindPhotos } from './photos.js';

const STATUSES = [['', 'All statuses'], 'Available', 'Reserved', 'Sold'];
const SORTS = [['', 'Newest first'], ['title', 'Title A–Z'], ['cost', 'Cost: low to high'], ['costHighest', 'Cost: high to low']];
const EMPTY = { q: '', status: '', category: '', sort: '', page: 1 };

const optionValue = (o) => (Array.isArray(o) ? o[0] : o);
const params = () => new URLSearchParams(location.hash.split('?')[1] || '');
const offered = (options, value) => (options.some((o) => optionValue(o) === value) ? value : '');

/** The filters in the address; a status or sort the selects do not offer (an old or edited link) is ignored. */
function readState() {
  const p = params();
  return {
    ...EMPTY, q: (p.get('q') || '').trim(), category: (p.get('category') || '').trim(),
    status: offered(STATUSES, p.get('status') || ''), sort: offered(SORTS, p.get('sort') || ''),
    page: Math.max(1, Number.parseInt(p.get('page'), 10) || 1),
  };
}

function address(state) {
  const p = new URLSearchParams();
  for (const name of ['q', 'status', 'category', 'sort']) if (state[name]) p.set(name, state[name]);
  if (state.page > 1) p.set('page', String(state.page));
  const qs = p.toString();
  return `#/stock${qs ? `?${qs}` : ''}`;
}

const isFiltered = (s) => Boolean(s.q || s.status || s.category);
const categoryOptions = (categories, current) =>
  [['', 'All categories'], ...new Set([...categories, ...(current ? [current] : [])])];

export async function renderStockList(view) {
  let state = readState();
  let seq = 0;
  setHtml(view, html`<div class="page-head"><h1 tabindex="-1">Inventory</h1></div>
    <form class="filters list-filters" role="search" aria-label="Filter inventory">
      <div class="filter-search">${field({ id: 's-q', name: 'q', text: 'Search', type: 'search', value: state.q,
        attrs: 'placeholder="StockID, SKU, title, category, location or job" autocomplete="off"' })}</div>
      ${selectField({ id: 's-status', name: 'status', text: 'Status', options: STATUSES, value: state.status })}
      <div data-category>${selectField({ id: 's-category', name: 'category', text: 'Category', options: categoryOptions([], state.category), value: state.category })}</div>
      ${selectField({ id: 's-sort', name: 'sort', text: 'Sort', options: SORTS, value: state.sort })}
    </form>
    <p class="results-summary" role="status"></p>
    <div class="list-body"><p class="loading">Loading inventory…</p></div>
    <nav class="pager" aria-label="Pagination" hidden>
      <button type="button" class="btn" data-page="-1">Prev</button>
      <span class="pager-info"></span>
      <button type="button" class="btn" data-page="1">Next</button>
    </nav>`);

  const form = view.querySelector('form');
  const controls = form.elements;

  // pushState does not fire hashchange, so the page stays (and keeps focus); back/forward do, and re-render from the address.
  const show = (next, { replace = false, pagerButton } = {}) => {
    state = next;
    const url = address(state);
    if (location.hash !== url) history[replace ? 'replaceState' : 'pushState'](null, '', url);
    return load(view, state, ++seq, () => seq, pagerButton);
  };
  const fromForm = () => ({
    ...state, q: controls.q.value.trim(), status: controls.status.value, category: controls.category.value, sort: controls.sort.value, page: 1,
  });

  let timer;
  // Typing refines one search: the first keystroke adds a history entry, later ones replace it.
  const typed = () => { clearTimeout(timer); const next = fromForm(); if (next.q !== state.q) show(next, { replace: Boolean(state.q) }); };
  form.addEventListener('submit', (e) => { e.preventDefault(); clearTimeout(timer); show(fromForm()); });
  controls.q.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(typed, 300); });
  form.addEventListener('change', (e) => { if (e.target !== controls.q) { clearTimeout(timer); show(fromForm()); } });
  view.querySelectorAll('[data-page]').forEach((btn) => btn.addEventListener('click', () => {
    show({ ...state, page: Math.max(1, state.page + Number(btn.dataset.page)) }, { pagerButton: btn });
  }));
  view.addEventListener('click', (e) => {
    if (!e.target.closest('[data-clear]')) return;
    controls.q.value = '';
    controls.status.value = '';
    controls.category.value = '';
    show({ ...EMPTY, sort: state.sort }); // the order is a preference, not a filter
    controls.q.focus();
  });
  await load(view, state, ++seq, () => seq);
}

/** The first photo, as the close-out copied it (it may still be on its way). */
const thumb = (s) => (s.photo
  ? photoFrame({ src: stockPhotoUrl(s.stockId, s.photo), alt: `Photo of ${s.stockId}`, retry: true })
  : html`<span class="photo-frame stock-no-photo" aria-hidden="true"></span>`);

function row(s) {
  return html`<tr>
    <td data-label="Photo" class="stock-thumb ${s.photo ? '' : 'no-photo'}">${thumb(s)}</td>
    <td data-label="StockID"><span><a class="job-no" href="#/stock/${encodeURIComponent(s.stockId)}">${s.stockId}</a>${
      s.sku !== s.stockId ? html`<span class="hint stock-sku">SKU ${s.sku}</span>` : ''}</span></td>
    <td data-label="Title">${s.title}${s.quantity > 1 ? html` <span class="hint">× ${s.quantity}</span>` : ''}</td>
    <td data-label="Category">${s.category || '—'}</td>
    <td data-label="Location">${s.storageLocation || '—'}</td>
    <td data-label="Status">${statusBadge(s.status)}</td>
    <td data-label="Cost" class="num">${money(s.costBasis)}</td>
    <td data-label="Retail" class="num">${money(s.retailPrice)}</td>
  </tr>`;
}

/** The category choices follow the shop's stock; the chosen one stays even if no piece uses it any more. */
function updateCategories(view, categories, current) {
  const select = view.querySelector('#s-category');
  const options = categoryOptions(categories, current);
  const values = [...select.options].map((o) => o.value);
  if (values.join('\n') === options.map(optionValue).join('\n')) return;
  const hadFocus = document.activeElement === select;
  setHtml(view.querySelector('[data-category]'), selectField({ id: 's-category', name: 'category', text: 'Category', options, value: current }));
  if (hadFocus) view.querySelector('#s-category').focus();
}

async function load(view, state, mine, latest, pagerButton) {
  const body = view.querySelector('.list-body');
  const summary = view.querySelector('.results-summary');
  const pager = view.querySelector('.pager');
  body.setAttribute('aria-busy', 'true');
  pager.querySelectorAll('button').forEach((b) => { b.disabled = true; });
  try {
    const data = await listStock(state);
    if (mine !== latest()) return;
    const items = data?.items || [];
    const total = data?.total ?? items.length;
    const pageSize = data?.pageSize || items.length || 1;
    const pages = Math.max(1, Math.ceil(total / pageSize));
    const filtered = isFiltered(state);
    updateCategories(view, data?.categories || [], state.category);
    summary.textContent = total ? `${plural(total, 'piece')}${filtered ? (total === 1 ? ' matches' : ' match') : ''}` : '';
    if (!items.length) {
      const pastEnd = total > 0;
      setHtml(body, html`<div class="empty-state">
        <p class="empty-title">${pastEnd ? `There is no page ${state.page}.` : filtered ? 'No pieces match these filters.' : 'No finished inventory yet.'}</p>
        ${pastEnd ? html`<p><a class="btn" href="${address({ ...state, page: 1 })}">Go to the first page</a></p>`
          : filtered ? html`<p><button type="button" class="btn" data-clear>Clear filters</button></p>`
            : html`<p>Pieces appear here when a production job is completed (“Complete &amp; Create Inventory”).</p>`}</div>`);
    } else {
      setHtml(body, html`<table class="table stock-table">
        <caption class="visually-hidden">Inventory, page ${state.page} of ${pages}</caption>
        <thead><tr><th scope="col"><span class="visually-hidden">Photo</span></th><th scope="col">StockID</th><th scope="col">Title</th>
          <th scope="col">Category</th><th scope="col">Location</th><th scope="col">Status</th>
          <th scope="col" class="num">Cost</th><th scope="col" class="num">Retail</th></tr></thead>
        <tbody>${items.map(row)}</tbody></table>`);
      bindPhotos(body);
    }
    pager.hidden = pages <= 1;
    pager.querySelector('.pager-info').textContent = `Page ${state.page} of ${pages}`;
    pager.querySelector('[data-page="-1"]').disabled = state.page <= 1;
    pager.querySelector('[data-page="1"]').disabled = state.page >= pages;
    if (pagerButton && pagerButton.disabled) pager.querySelector('button:not(:disabled)')?.focus();
  } catch (err) {
    if (mine !== latest()) return;
    summary.textContent = '';
    pager.hidden = true;
    setHtml(body, html`<div class="alert alert-error" role="alert">${problemHtml(err.problem)}</div>`);
  } finally {
    if (mine === latest()) body.removeAttribute('aria-busy');
  }
}
