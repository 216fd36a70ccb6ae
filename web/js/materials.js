// Stones & materials (#/materials): search the stock by SKU, name, attributes or location, narrow it by kind or to
// what is low, and add a material. The filters live in the address (#/materials?q=…&kind=Stone&low=true).
import { listMaterials, createMaterial } from './api.js';
import { html, setHtml, money, badge, problemHtml, plural, openDialog, toast } from './ui.js';
import { field } from './forms.js';
import { attributes, amount, lowBadge, materialFields, bindKind, newMaterialBody } from './material-fields.js';
import { session } from './session.js';

const KIND_CHIPS = [['', 'All'], ['Stone', 'Stones'], ['Metal', 'Metals'], ['Other', 'Other']];
const EMPTY = { q: '', kind: '', low: false };
const currency = () => session()?.currency || 'USD';

function readState() {
  const p = new URLSearchParams(location.hash.split('?')[1] || '');
  const kind = p.get('kind') || '';
  return { q: (p.get('q') || '').trim(), kind: KIND_CHIPS.some(([v]) => v === kind) ? kind : '', low: p.get('low') === 'true' };
}

function address(state) {
  const p = new URLSearchParams();
  if (state.q) p.set('q', state.q);
  if (state.kind) p.set('kind', state.kind);
  if (state.low) p.set('low', 'true');
  const qs = p.toString();
  return `#/materials${qs ? `?${qs}` : ''}`;
}

const isFiltered = (s) => Boolean(s.q || s.kind || s.low);
const materialLink = (m) => html`<a class="job-no" href="#/materials/${encodeURIComponent(m.id)}">${m.sku}</a>`;

function row(m) {
  return html`<tr>
    <td data-label="SKU"><span class="job-cell">${materialLink(m)}${m.scrapOf && badge('Scrap')}</span></td>
    <td data-label="Name">${m.name}</td>
    <td data-label="Attributes">${attributes(m) || '—'}</td>
    <td data-label="On hand" class="num"><span class="job-cell qty-cell">${amount(m.onHand, m.unit)}${lowBadge(m)}</span></td>
    <td data-label="Committed" class="num">${amount(m.committed, m.unit)}</td>
    <td data-label="Unit cost" class="num">${money(m.unitCost, currency())} / ${m.unit}</td>
    <td data-label="Location">${m.location || '—'}</td>
  </tr>`;
}

function emptyHtml(state) {
  if (!isFiltered(state)) {
    return html`<div class="empty-state"><p class="empty-title">No stones or materials yet.</p>
      <p>Add the stones, metals and findings you keep in stock; jobs then take them from here.</p></div>`;
  }
  const onlyLow = state.low && !state.q && !state.kind;
  return html`<div class="empty-state">
    <p class="empty-title">${onlyLow ? 'Nothing is low on stock.' : 'No materials match these filters.'}</p>
    ${!onlyLow && html`<p><button type="button" class="btn" data-clear>Clear filters</button></p>`}</div>`;
}

export async function renderMaterials(view) {
  let state = readState();
  let seq = 0;
  setHtml(view, html`<div class="page-head">
      <h1 tabindex="-1">Stones &amp; materials</h1>
      <div class="page-actions"><button type="button" class="btn btn-primary" data-add>Add material</button></div>
    </div>
    <form class="filters material-filters" role="search" aria-label="Filter materials">
      <div class="filter-search">${field({ id: 'mf-q', name: 'q', text: 'Search', type: 'search', value: state.q,
        attrs: 'placeholder="SKU, name, shape, color, metal or location" autocomplete="off"' })}</div>
      <div class="chip-group" role="group" aria-label="Kind">${KIND_CHIPS.map(([v, t]) => html`<button type="button"
        class="chip chip-toggle" data-kind="${v}" aria-pressed="${String(state.kind === v)}">${t}</button>`)}</div>
      ${field({ id: 'mf-low', name: 'low', text: 'Low stock only', type: 'checkbox', value: state.low })}
    </form>
    <p class="results-summary" role="status"></p>
    <div class="list-body"><p class="loading">Loading materials…</p></div>`);

  const form = view.querySelector('form');
  const controls = form.elements;
  const chips = [...view.querySelectorAll('[data-kind]')];

  const show = (next, { replace = false } = {}) => {
    state = next;
    chips.forEach((c) => c.setAttribute('aria-pressed', String(c.dataset.kind === state.kind)));
    const url = address(state);
    if (location.hash !== url) history[replace ? 'replaceState' : 'pushState'](null, '', url);
    return load(view, state, ++seq, () => seq);
  };

  let timer;
  // Typing refines one search: the first keystroke adds a history entry, later ones replace it.
  const typed = () => { const q = controls.q.value.trim(); if (q !== state.q) show({ ...state, q }, { replace: Boolean(state.q) }); };
  form.addEventListener('submit', (e) => { e.preventDefault(); clearTimeout(timer); typed(); });
  controls.q.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(typed, 300); });
  controls.low.addEventListener('change', () => show({ ...state, low: controls.low.checked }));
  chips.forEach((chip) => chip.addEventListener('click', () => { if (chip.dataset.kind !== state.kind) show({ ...state, kind: chip.dataset.kind }); }));
  view.addEventListener('click', (e) => {
    if (!e.target.closest('[data-clear]')) return;
    controls.q.value = '';
    controls.low.checked = false;
    show({ ...EMPTY });
    controls.q.focus();
  });

  const addButton = view.querySelector('[data-add]');
  addButton.addEventListener('click', async () => {
    const added = await openDialog({
      title: 'Add material',
      body: materialFields('ma'),
      confirmLabel: 'Add material',
      onOpen: bindKind,
      onSubmit: (v) => createMaterial(newMaterialBody(v)),
    });
    if (added?.id) {
      toast(`${added.sku} added`, 'success', { href: `#/materials/${encodeURIComponent(added.id)}`, text: 'Open' });
      await load(view, state, ++seq, () => seq);
    }
    addButton.focus();
  });

  await load(view, state, ++seq, () => seq);
}

async function load(view, state, mine, latest) {
  const body = view.querySelector('.list-body');
  const summary = view.querySelector('.results-summary');
  body.setAttribute('aria-busy', 'true');
  try {
    const list = await listMaterials(state) || [];
    if (mine !== latest()) return;
    const filtered = isFiltered(state);
    summary.textContent = list.length ? `${plural(list.length, 'material')}${filtered ? (list.length === 1 ? ' matches' : ' match') : ''}` : '';
    setHtml(body, list.length
      ? html`<table class="table material-table"><caption class="visually-hidden">Stones and materials</caption>
          <thead><tr><th scope="col">SKU</th><th scope="col">Name</th><th scope="col">Attributes</th><th scope="col" class="num">On hand</th>
            <th scope="col" class="num">Committed</th><th scope="col" class="num">Unit cost</th><th scope="col">Location</th></tr></thead>
          <tbody>${list.map(row)}</tbody></table>`
      : emptyHtml(state));
  } catch (err) {
    if (mine !== latest()) return;
    summary.textContent = '';
    setHtml(body, html`<div class="alert alert-error" role="alert">${problemHtml(err.problem)}</div>`);
  } finally {
    if (mine === latest()) body.removeAttribute('aria-busy');
  }
}
