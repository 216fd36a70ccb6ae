// List view: searchable, filterable, paged table of all jobs (including closed ones).
import { listJobs } from './api.js';
import { html, setHtml, statusBadge, badge, money, time, problemHtml, plural } from './ui.js';
import { field, selectField } from './forms.js';

const STATUSES = [['', 'All statuses'], ['Draft', 'Draft'], ['InProduction', 'In production'], ['Completed', 'Completed'],
  ['Received', 'Received'], ['NeedsQuote', 'Needs quote'], ['WaitingOnVendor', 'Waiting on vendor'], ['InProgress', 'In progress'],
  ['ReadyForPickup', 'Ready for pickup'], ['PickedUp', 'Picked up'], ['Canceled', 'Canceled']];
const MODULES = [['', 'All modules'], 'Production', 'Repair', 'Custom'];

// Filters survive navigating to a job and back (for this browser tab).
const state = { q: '', status: '', module: '', page: 1 };
let seq = 0;

export async function renderList(view) {
  setHtml(view, html`<div class="page-head">
      <h1 tabindex="-1">Jobs</h1>
      <div class="page-actions"><button type="button" class="btn btn-primary" data-new>New job</button></div>
    </div>
    <form class="filters" role="search" aria-label="Filter jobs">
      ${field({ id: 'f-q', name: 'q', text: 'Search', type: 'search', value: state.q, attrs: 'placeholder="Job number, item or customer" autocomplete="off"' })}
      ${selectField({ id: 'f-status', name: 'status', text: 'Status', options: STATUSES, value: state.status })}
      ${selectField({ id: 'f-module', name: 'module', text: 'Module', options: MODULES, value: state.module })}
    </form>
    <p class="results-summary" role="status"></p>
    <div class="list-body"><p class="loading">Loading jobs…</p></div>
    <nav class="pager" aria-label="Pagination" hidden>
      <button type="button" class="btn" data-page="-1">Prev</button>
      <span class="pager-info"></span>
      <button type="button" class="btn" data-page="1">Next</button>
    </nav>`);

  const form = view.querySelector('form');
  const { q, status, module } = form.elements;
  view.querySelector('[data-new]').addEventListener('click', () => { location.hash = '#/new'; });
  let timer;
  const apply = () => {
    clearTimeout(timer);
    state.q = q.value.trim();
    state.status = status.value;
    state.module = module.value;
    state.page = 1;
    load(view);
  };
  form.addEventListener('submit', (e) => { e.preventDefault(); apply(); });
  q.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(apply, 300); });
  status.addEventListener('change', apply);
  module.addEventListener('change', apply);
  view.querySelectorAll('[data-page]').forEach((btn) => btn.addEventListener('click', () => {
    state.page = Math.max(1, state.page + Number(btn.dataset.page));
    load(view, btn);
  }));
  view.addEventListener('click', (e) => {
    if (!e.target.closest('[data-clear]')) return;
    Object.assign(state, { q: '', status: '', module: '', page: 1 });
    q.value = ''; status.value = ''; module.value = '';
    load(view);
    q.focus();
  });
  await load(view);
}

function row(j) {
  return html`<tr>
    <td data-label="Job"><span class="job-cell"><a class="job-no" href="#/jobs/${encodeURIComponent(j.id)}">${j.id}</a>${j.rush && badge('RUSH', 'rush')}</span></td>
    <td data-label="Item">${j.description}</td>
    <td data-label="Customer">${j.customer || '—'}</td>
    <td data-label="Status">${statusBadge(j.status)}</td>
    <td data-label="Module">${j.module}</td>
    <td data-label="Store">${j.store || '—'}</td>
    <td data-label="Updated">${time(j.updatedAt || j.createdAt)}</td>
    <td data-label="Total" class="num">${money(j.total)}</td>
  </tr>`;
}

async function load(view, pagerButton) {
  const body = view.querySelector('.list-body');
  const summary = view.querySelector('.results-summary');
  const pager = view.querySelector('.pager');
  const mine = ++seq;
  body.setAttribute('aria-busy', 'true');
  pager.querySelectorAll('button').forEach((b) => { b.disabled = true; });
  try {
    const data = await listJobs(state);
    if (mine !== seq) return;
    const items = data?.items || [];
    const total = data?.total ?? items.length;
    const pageSize = data?.pageSize || items.length || 1;
    const pages = Math.max(1, Math.ceil(total / pageSize));
    state.page = data?.page || state.page;
    const filtered = state.q || state.status || state.module;
    summary.textContent = total ? `${plural(total, 'job')}${filtered ? (total === 1 ? ' matches' : ' match') : ''}` : '';
    if (!items.length) {
      setHtml(body, html`<div class="empty-state">
        <p class="empty-title">${filtered ? 'No jobs match these filters.' : 'No jobs yet.'}</p>
        ${filtered ? html`<p><button type="button" class="btn" data-clear>Clear filters</button></p>`
          : html`<p>Create the first one with <a href="#/new">New job</a>.</p>`}</div>`);
    } else {
      setHtml(body, html`<table class="table job-table">
        <caption class="visually-hidden">Jobs, page ${state.page} of ${pages}</caption>
        <thead><tr><th scope="col">Job</th><th scope="col">Item</th><th scope="col">Customer</th><th scope="col">Status</th>
          <th scope="col">Module</th><th scope="col">Store</th><th scope="col">Updated</th><th scope="col" class="num">Total</th></tr></thead>
        <tbody>${items.map(row)}</tbody></table>`);
    }
    pager.hidden = pages <= 1;
    pager.querySelector('.pager-info').textContent = `Page ${state.page} of ${pages}`;
    pager.querySelector('[data-page="-1"]').disabled = state.page <= 1;
    pager.querySelector('[data-page="1"]').disabled = state.page >= pages;
    if (pagerButton && pagerButton.disabled) pager.querySelector('button:not(:disabled)')?.focus();
  } catch (err) {
    if (mine !== seq) return;
    summary.textContent = '';
    pager.hidden = true;
    setHtml(body, html`<div class="alert alert-error" role="alert">${problemHtml(err.problem)}</div>`);
  } finally {
    if (mine === seq) body.removeAttribute('aria-busy');
  }
}
