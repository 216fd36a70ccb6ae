// Style catalog (#/styles): the shop's own designs and vendors' styles in one list, with a view chip row
// (All / My Designs / Vendor Styles) and a search. Both live in the address (#/styles?origin=Vendor&q=…).
import { listStyles, styleImageUrl } from './api.js';
import { html, raw, setHtml, money, badge, problemHtml, plural } from './ui.js';
import { field } from './forms.js';
import { photoFrame, bindPhotos } from './photos.js';
import { session } from './session.js';

export const VIEWS = [['', 'All'], ['MyDesign', 'My Designs'], ['Vendor', 'Vendor Styles']];
const EMPTY_TEXT = {
  '': ['No styles yet.', 'Add your own designs and the styles you buy from vendors, each with its bill of materials.'],
  MyDesign: ['No designs of your own yet.', 'Add a design you make, with its stones, metal, labor and fees.'],
  Vendor: ['No vendor styles yet.', 'Add a style from a supplier’s catalog, with the vendor’s name.'],
};

const currency = () => session()?.currency || 'USD';

function readState() {
  const p = new URLSearchParams(location.hash.split('?')[1] || '');
  const origin = p.get('origin') || '';
  return { origin: VIEWS.some(([v]) => v === origin) ? origin : '', q: (p.get('q') || '').trim() };
}

function address(state) {
  const p = new URLSearchParams();
  if (state.origin) p.set('origin', state.origin);
  if (state.q) p.set('q', state.q);
  const qs = p.toString();
  return `#/styles${qs ? `?${qs}` : ''}`;
}

/** The first image of a style, or an empty frame. */
const thumb = (s) => (s.images?.length
  ? photoFrame({ src: styleImageUrl(s.id, s.images[0].id), alt: `${s.code} ${s.name}` })
  : html`<span class="photo-frame style-no-image" aria-hidden="true"><span class="no-image-mark">◇</span></span>`);

function card(s) {
  return html`<li><a class="style-card ${s.active === false ? 'is-inactive' : ''}" href="#/styles/${encodeURIComponent(s.id)}">
    <span class="style-thumb">${thumb(s)}</span>
    <span class="style-card-body">
      <span class="style-code">${s.code}</span>
      <span class="style-name">${s.name}</span>
      <span class="style-meta">${s.category}${s.origin === 'Vendor' ? html` · ${s.vendor}` : ''}</span>
      <span class="style-foot">
        <span class="style-cost">${money(s.cost, currency())} <span class="hint">per piece</span></span>
        ${s.origin === 'Vendor' ? badge('Vendor', 'outside') : badge('My Design', 'kind-material')}
        ${s.active === false && badge('Retired', 'status-canceled')}
      </span>
    </span></a></li>`;
}

export async function renderStyles(view) {
  let state = readState();
  let seq = 0;
  setHtml(view, html`<div class="page-head"><h1 tabindex="-1">Styles</h1>
      <div class="page-actions"><a class="btn btn-primary" href="#/styles/new">New style</a></div></div>
    <div class="style-views" role="group" aria-label="Catalog view">
      ${VIEWS.map(([v, text]) => html`<button type="button" class="chip view-chip" data-origin="${v}" aria-pressed="${String(v === state.origin)}">${text}</button>`)}
    </div>
    <form class="filters style-filters" role="search" aria-label="Search styles">
      ${field({ id: 'sty-q', name: 'q', text: 'Search', type: 'search', value: state.q,
        attrs: 'placeholder="Code, name, category or vendor" autocomplete="off"' })}
    </form>
    <p class="results-summary" role="status"></p>
    <div class="list-body" data-styles><p class="loading">Loading styles…</p></div>`);

  const form = view.querySelector('form');
  const q = form.elements.q;
  const chips = [...view.querySelectorAll('[data-origin]')];
  const show = (next, { replace = false } = {}) => {
    state = next;
    chips.forEach((c) => c.setAttribute('aria-pressed', String(c.dataset.origin === state.origin)));
    const url = address(state);
    // pushState keeps the page (and focus); back/forward fire hashchange and render from the address.
    if (location.hash !== url) history[replace ? 'replaceState' : 'pushState'](null, '', url);
    return load(view, state, ++seq, () => seq);
  };
  let timer;
  const typed = () => { const next = { ...state, q: q.value.trim() }; if (next.q !== state.q) show(next, { replace: Boolean(state.q) }); };
  q.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(typed, 300); });
  form.addEventListener('submit', (e) => { e.preventDefault(); clearTimeout(timer); show({ ...state, q: q.value.trim() }); });
  chips.forEach((c) => c.addEventListener('click', () => show({ ...state, origin: c.dataset.origin })));
  view.addEventListener('click', (e) => {
    if (!e.target.closest('[data-clear]')) return;
    q.value = '';
    show({ ...state, q: '' });
    q.focus();
  });
  await load(view, state, ++seq, () => seq);
}

async function load(view, state, mine, latest) {
  const body = view.querySelector('[data-styles]');
  const summary = view.querySelector('.results-summary');
  body.setAttribute('aria-busy', 'true');
  try {
    const styles = await listStyles(state) || [];
    if (mine !== latest()) return;
    const viewName = VIEWS.find(([v]) => v === state.origin)[1];
    summary.textContent = styles.length ? `${plural(styles.length, 'style')}${state.origin ? ` in ${viewName}` : ''}${state.q ? ' matching your search' : ''}` : '';
    if (!styles.length) {
      const [title, hint] = EMPTY_TEXT[state.origin];
      setHtml(body, state.q
        ? html`<div class="empty-state"><p class="empty-title">No ${state.origin ? viewName.toLowerCase() : 'styles'} match “${state.q}”.</p>
            <p><button type="button" class="btn" data-clear>Clear search</button></p></div>`
        : html`<div class="empty-state"><p class="empty-title">${title}</p><p>${hint}</p>
            <p><a class="btn btn-primary" href="#/styles/new${state.origin ? raw(`?origin=${state.origin}`) : ''}">New style</a></p></div>`);
    } else {
      setHtml(body, html`<ul class="style-grid" role="list" aria-label="Styles">${styles.map(card)}</ul>`);
      bindPhotos(body);
    }
  } catch (err) {
    if (mine !== latest()) return;
    summary.textContent = '';
    setHtml(body, html`<div class="alert alert-error" role="alert">${problemHtml(err.problem)}</div>`);
  } finally {
    if (mine === latest()) body.removeAttribute('aria-busy');
  }
}
