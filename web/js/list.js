// List view: searchable, filterable, sortable, paged table of all jobs (closed ones included).
// The filters live in the address (#/list?q=…&lane=…), so back/forward, reload and shared links keep them.
import { listJobs } from './api.js';
import { html, setHtml, statusBadge, badge, money, time } from './ui.js';
import { pagerHtml, bindPagedList } from './paged-list.js';
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
  const state = readState();
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
    ${pagerHtml()}`);
  view.querySelector('[data-new]').addEventListener('click', () => { location.hash = '#/new'; });
  await bindPagedList(view, {
    state, empty: EMPTY, address, isFiltered, noun: 'job', fetch: listJobs,
    fromForm: (c, state) => ({
      ...state, q: c.q.value.trim(), module: c.module.value, status: c.status.value, lane: c.lane.value,
      sort: c.sort.value, rush: c.rush.checked, overdue: c.overdue.checked,
    }),
    clearForm: (c) => {
      for (const el of [c.module, c.status, c.lane]) el.value = '';
      c.rush.checked = false;
      c.overdue.checked = false;
    },
    emptyText: { filtered: 'No jobs match these filters.', none: 'No jobs yet.', noneHint: html`Create the first one with <a href="#/new">New job</a>.` },
    tableHtml: (items, state, pages) => html`<table class="table job-table">
      <caption class="visually-hidden">Jobs, page ${state.page} of ${pages}</caption>
      <thead><tr><th scope="col">Job</th><th scope="col">Description</th><th scope="col">Item</th><th scope="col">Customer</th>
        <th scope="col">Promised</th><th scope="col">Status</th><th scope="col" class="num">Total</th></tr></thead>
      <tbody>${items.map(row)}</tbody></table>`,
  });
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
