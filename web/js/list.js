// List view: searchable, filterable, sortable, paged table of all jobs (closed ones included).
// The filters live in the address (#/list?q=…&lane=…), so back/forward, reload and shared links keep them.
import { listJobs } from './api.js';
import { html, setHtml, statusBadge, badge, money, time, problemHtml, plural } from './ui.js';
import { field, selectField } from './forms.js';

const STATUSES = [['', 'All statuses'], ['Draft', 'Draft'], ['InProduction', 'In production'], ['Completed', 'Completed'],
  ['Received', 'Received'], ['NeedsQuote', 'Needs quote'], ['WaitingOnVendor', 'Waiting on vendor'], ['InProgress', 'In progress'],
  ['ReadyForPickup', 'Ready for pickup'], ['PickedUp', 'Picked up'], ['Canceled', 'Canceled']];
const MODULES = [['', 'All modules'], 'Repair', 'Custom', 'Production'];
const LANES = [['', 'All lanes'], ['InShop', 'In Shop'], ['InProgress', 'In Progress'], ['ReadyForPickup', 'Ready for Pickup'], ['OnHold', 'On Hold']];
const SORTS = [['', 'Newest first'], ['oldest', 'Oldest first'], ['promised', 'Promised date'], ['customer', 'Customer A–Z']];
const CHOICES = { status: STATUSES, module: MODULES, lane: LANES, sort: SORTS };
const EMPTY = { q: '', status: '', module: '', lane: '', sort: '', rush: false, overdue: false, page: 1 };

const optionValue = (o) => (Array.isArray(o) ? o[0] : o);
const params = () => new URLSearchParams(location.hash.split('?')[1] || '');

/** The filters in the address; a value the selects do not offer (an old or edited link) is ignored. */
function readState() {
  const p = params();
  const state = { ...EMPTY, q: (p.get('q') || '').trim(), rush: p.get('rush') === 'true', overdue: p.get('overdue') === 'true' };
  for (const [name, options] of Object.entries(CHOICES)) {
    const value = p.get(name) || '';
    state[name] = options.some((o) => optionValue(o) === value) ? value : '';
  }
  state.page = Math.max(1, Number.parseInt(p.get('page'), 10) || 1);
  return state;
}

function address(state) {
  const p = new URLSearchParams();
  for (const name of ['q', 'module', 'status', 'lane', 'sort']) if (state[name]) p.set(name, state[name]);
  if (state.rush) p.set('rush', 'true');
  if (state.overdue) p.set('overdue', 'true');
  if (state.page > 1) p.set('page', String(state.page));
  const qs = p.toString();
  return `#/list${qs ? `?${qs}` : ''}`;
}

const isFiltered = (s) => Boolean(s.q || s.status || s.module || s.lane || s.rush || s.overdue);

export async function renderList(view) {
  let state = readState();
  let seq = 0;
  setHtml(view, html`<div class="page-head">
      <h1 tabindex="-1">Jobs</h1>
      <div class="page-actions"><button type="button" class="btn btn-primary" data-new>New job</button></div>
    </div>
    <form class="filters list-filters" role="search" aria-label="Filter jobs">
      <div class="filter-search">${field({ id: 'f-q', name: 'q', text: 'Search', type: 'search', value: state.q,
        attrs: 'placeholder="Customer, item, job number or phone" autocomplete="off"' })}</div>
      ${selectField({ id: 'f-module', name: 'module', text: 'Module', options: MODULES, value: state.module })}
      ${selectField({ id: 'f-status', name: 'status', text: 'Status', options: STATUSES, value: state.status })}
      ${selectField({ id: 'f-lane', name: 'lane', text: 'Lane', options: LANES, value: state.lane })}
      ${selectField({ id: 'f-sort', name: 'sort', text: 'Sort', options: SORTS, value: state.sort })}
      <fieldset class="filter-checks"><legend class="visually-hidden">Only</legend>
        ${field({ id: 'f-rush', name: 'rush', text: 'Rush only', type: 'checkbox', value: state.rush })}
        ${field({ id: 'f-overdue', name: 'overdue', text: 'Overdue only', type: 'checkbox', value: state.overdue })}
      </fieldset>
    </form>
    <p class="results-summary" role="status"></p>
    <div class="list-body"><p class="loading">Loading jobs…</p></div>
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
    ...state, q: controls.q.value.trim(), module: controls.module.value, status: controls.status.value, lane: controls.lane.value,
    sort: controls.sort.value, rush: controls.rush.checked, overdue: controls.overdue.checked, page: 1,
  });

  let timer;
  // Typing refines one search: the first keystroke adds a history entry, later ones replace it.
  const typed = () => { clearTimeout(timer); const next = fromForm(); if (next.q !== state.q) show(next, { replace: Boolean(state.q) }); };
  form.addEventListener('submit', (e) => { e.preventDefault(); clearTimeout(timer); show(fromForm()); });
  controls.q.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(typed, 300); });
  form.addEventListener('change', (e) => { if (e.target !== controls.q) { clearTimeout(timer); show(fromForm()); } });
  view.querySelector('[data-new]').addEventListener('click', () => { location.hash = '#/new'; });
  view.querySelectorAll('[data-page]').forEach((btn) => btn.addEventListener('click', () => {
    show({ ...state, page: Math.max(1, state.page + Number(btn.dataset.page)) }, { pagerButton: btn });
  }));
  view.addEventListener('click', (e) => {
    if (!e.target.closest('[data-clear]')) return;
    for (const el of [controls.module, controls.status, controls.lane]) el.value = '';
    controls.q.value = '';
    controls.rush.checked = false;
    controls.overdue.checked = false;
    show({ ...EMPTY, sort: state.sort }); // the order is a preference, not a filter
    controls.q.focus();
  });
  await load(view, state, ++seq, () => seq);
}

function row(j) {
  return html`<tr>
    <td data-label="Job"><span class="job-cell"><a class="job-no" href="#/jobs/${encodeURIComponent(j.id)}">${j.id}</a>${
      j.rush && badge('RUSH', 'rush')}${j.overdue && badge('Overdue', 'overdue')}${badge(j.module, `module-${String(j.module).toLowerCase()}`)}</span></td>
    <td data-label="Description">${j.description}</td>
    <td data-label="Item">${j.item || '—'}</td>
    <td data-label="Customer">${j.customer || '—'}</td>
    <td data-label="Promised">${time(j.targetDate, false)}</td>
    <td data-label="Status">${statusBadge(j.status)}</td>
    <td data-label="Total" class="num">${money(j.total)}</td>
  </tr>`;
}

async function load(view, state, mine, latest, pagerButton) {
  const body = view.querySelector('.list-body');
  const summary = view.querySelector('.results-summary');
  const pager = view.querySelector('.pager');
  body.setAttribute('aria-busy', 'true');
  pager.querySelectorAll('button').forEach((b) => { b.disabled = true; });
  try {
    const data = await listJobs(state);
    if (mine !== latest()) return;
    const items = data?.items || [];
    const total = data?.total ?? items.length;
    const pageSize = data?.pageSize || items.length || 1;
    const pages = Math.max(1, Math.ceil(total / pageSize));
    const filtered = isFiltered(state);
    summary.textContent = total ? `${plural(total, 'job')}${filtered ? (total === 1 ? ' matches' : ' match') : ''}` : '';
    if (!items.length) {
      const pastEnd = total > 0;
      setHtml(body, html`<div class="empty-state">
        <p class="empty-title">${pastEnd ? `There is no page ${state.page}.` : filtered ? 'No jobs match these filters.' : 'No jobs yet.'}</p>
        ${pastEnd ? html`<p><a class="btn" href="${address({ ...state, page: 1 })}">Go to the first page</a></p>`
          : filtered ? html`<p><button type="button" class="btn" data-clear>Clear filters</button></p>`
            : html`<p>Create the first one with <a href="#/new">New job</a>.</p>`}</div>`);
    } else {
      setHtml(body, html`<table class="table job-table">
        <caption class="visually-hidden">Jobs, page ${state.page} of ${pages}</caption>
        <thead><tr><th scope="col">Job</th><th scope="col">Description</th><th scope="col">Item</th><th scope="col">Customer</th>
          <th scope="col">Promised</th><th scope="col">Status</th><th scope="col" class="num">Total</th></tr></thead>
        <tbody>${items.map(row)}</tbody></table>`);
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
