// A searchable, filterable, paged list page whose filters live in the address (#/list?q=…, #/stock?q=…): back/forward,
// reload and shared links keep them. The page supplies its form, its state ↔ address mapping, its fetch and its table.
import { html, setHtml, problemHtml, plural } from './ui.js';

export const pagerHtml = () => html`<p class="results-summary" role="status"></p>
  <div class="list-body"><p class="loading">Loading…</p></div>
  <nav class="pager" aria-label="Pagination" hidden>
    <button type="button" class="btn" data-page="-1">Prev</button>
    <span class="pager-info"></span>
    <button type="button" class="btn" data-page="1">Next</button>
  </nav>`;

/**
 * Wires the page's form (a search field named q, other filters) and pager, then loads the first page.
 * `list`: { state, empty (the state with no filter), address(state), isFiltered(state), fromForm(controls, state),
 * clearForm(controls), fetch(state), noun ('job'), emptyText: { filtered, none, noneHint }, tableHtml(items, state, pages),
 * onData?(data, state), onRendered?(body) }.
 */
export async function bindPagedList(view, list) {
  let state = list.state;
  let seq = 0;
  const form = view.querySelector('form');
  const controls = form.elements;
  const latest = () => seq;

  // pushState does not fire hashchange, so the page stays (and keeps focus); back/forward do, and re-render from the address.
  const show = (next, { replace = false, pagerButton } = {}) => {
    state = next;
    const url = list.address(state);
    if (location.hash !== url) history[replace ? 'replaceState' : 'pushState'](null, '', url);
    return load(view, list, state, ++seq, latest, pagerButton);
  };
  const fromForm = () => ({ ...list.fromForm(controls, state), page: 1 });

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
    list.clearForm(controls);
    show({ ...list.empty, sort: state.sort }); // the order is a preference, not a filter
    controls.q.focus();
  });
  await load(view, list, state, ++seq, latest);
}

async function load(view, list, state, mine, latest, pagerButton) {
  const body = view.querySelector('.list-body');
  const summary = view.querySelector('.results-summary');
  const pager = view.querySelector('.pager');
  body.setAttribute('aria-busy', 'true');
  pager.querySelectorAll('button').forEach((b) => { b.disabled = true; });
  try {
    const data = await list.fetch(state);
    if (mine !== latest()) return;
    const items = data?.items || [];
    const total = data?.total ?? items.length;
    const pageSize = data?.pageSize || items.length || 1;
    const pages = Math.max(1, Math.ceil(total / pageSize));
    const filtered = list.isFiltered(state);
    list.onData?.(data, state);
    summary.textContent = total ? `${plural(total, list.noun)}${filtered ? (total === 1 ? ' matches' : ' match') : ''}` : '';
    if (!items.length) {
      const pastEnd = total > 0;
      setHtml(body, html`<div class="empty-state">
        <p class="empty-title">${pastEnd ? `There is no page ${state.page}.` : filtered ? list.emptyText.filtered : list.emptyText.none}</p>
        ${pastEnd ? html`<p><a class="btn" href="${list.address({ ...state, page: 1 })}">Go to the first page</a></p>`
          : filtered ? html`<p><button type="button" class="btn" data-clear>Clear filters</button></p>`
            : html`<p>${list.emptyText.noneHint}</p>`}</div>`);
    } else {
      setHtml(body, list.tableHtml(items, state, pages));
      list.onRendered?.(body);
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
