// Inventory (#/stock): finished pieces (StockIDs), searchable, filterable by status and category, sorted and paged.
// The filters live in the address (#/stock?q=…&status=…), so back/forward, reload and shared links keep them.
import { listStock, stockPhotoUrl } from './api.js';
import { html, setHtml, statusBadge, money } from './ui.js';
import { pagerHtml, bindPagedList } from './paged-list.js';
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
  const state = readState();
  setHtml(view, html`<div class="page-head"><h1 tabindex="-1">Inventory</h1></div>
    <form class="filters list-filters" role="search" aria-label="Filter inventory">
      <div class="filter-search">${field({ id: 's-q', name: 'q', text: 'Search', type: 'search', value: state.q,
        attrs: 'placeholder="StockID, SKU, title, category, location or job" autocomplete="off"' })}</div>
      ${selectField({ id: 's-status', name: 'status', text: 'Status', options: STATUSES, value: state.status })}
      <div data-category>${selectField({ id: 's-category', name: 'category', text: 'Category', options: categoryOptions([], state.category), value: state.category })}</div>
      ${selectField({ id: 's-sort', name: 'sort', text: 'Sort', options: SORTS, value: state.sort })}
    </form>
    ${pagerHtml()}`);
  await bindPagedList(view, {
    state, empty: EMPTY, address, isFiltered, noun: 'piece', fetch: listStock,
    fromForm: (c, current) => ({ ...current, q: c.q.value.trim(), status: c.status.value, category: c.category.value, sort: c.sort.value }),
    clearForm: (c) => { c.status.value = ''; c.category.value = ''; },
    emptyText: {
      filtered: 'No pieces match these filters.', none: 'No finished inventory yet.',
      noneHint: 'Pieces appear here when a production job is completed (“Complete & Create Inventory”).',
    },
    onData: (data, current) => updateCategories(view, data?.categories || [], current.category),
    tableHtml: (items, current, pages) => html`<table class="table stock-table">
      <caption class="visually-hidden">Inventory, page ${current.page} of ${pages}</caption>
      <thead><tr><th scope="col"><span class="visually-hidden">Photo</span></th><th scope="col">StockID</th><th scope="col">Title</th>
        <th scope="col">Category</th><th scope="col">Location</th><th scope="col">Status</th>
        <th scope="col" class="num">Cost</th><th scope="col" class="num">Retail</th></tr></thead>
      <tbody>${items.map(row)}</tbody></table>`,
    onRendered: bindPhotos,
  });
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
