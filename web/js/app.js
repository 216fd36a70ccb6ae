// App shell: hash router, header (Board/List toggle, "You" field).
import { getUser, setUser } from './api.js';
import { html, setHtml } from './ui.js';
import { renderBoard } from './board.js';
import { renderList } from './list.js';
import { renderJob } from './job.js';
import { renderNewJob } from './new-job.js';
import { renderStock } from './stock.js';

const VIEW_KEY = 'jewelbench.view';
const preferredView = () => (localStorage.getItem(VIEW_KEY) === 'list' ? 'list' : 'board');

const routes = [
  [/^\/board$/, renderBoard, 'Board'],
  [/^\/list$/, renderList, 'Jobs'],
  [/^\/new$/, renderNewJob, 'New job'],
  [/^\/jobs\/([^/?]+)$/, renderJob, null],
  [/^\/stock\/([^/?]+)$/, renderStock, null],
];

const main = document.getElementById('main');
const safeDecode = (s) => { try { return decodeURIComponent(s); } catch { return s; } };
let firstRender = true;

function notFound(view) {
  setHtml(view, html`<section class="empty-state page-empty">
    <h1 tabindex="-1">Page not found</h1>
    <p>There is nothing at this address.</p>
    <p><a class="btn" href="#/board">Go to the board</a></p></section>`);
}

function updateNav(path) {
  document.querySelectorAll('.view-toggle a').forEach((a) => {
    const active = path === `/${a.dataset.view}`;
    if (active) a.setAttribute('aria-current', 'page'); else a.removeAttribute('aria-current');
  });
}

async function route() {
  const path = location.hash.replace(/^#/, '').split('?')[0];
  if (!path || path === '/') {
    location.replace(`#/${preferredView()}`);
    return;
  }
  if (path === '/board' || path === '/list') localStorage.setItem(VIEW_KEY, path.slice(1));
  updateNav(path);

  // Each navigation renders into a fresh container, so late answers for an old page land nowhere.
  const view = document.createElement('div');
  view.className = 'view';
  main.replaceChildren(view);
  main.setAttribute('aria-busy', 'true');

  const match = routes.map(([re, fn, title]) => [re.exec(path), fn, title]).find(([m]) => m);
  try {
    if (!match) { notFound(view); document.title = 'Not found · JewelBench'; }
    else {
      const [m, fn, title] = match;
      if (title) document.title = `${title} · JewelBench`;
      await fn(view, ...m.slice(1).map(safeDecode));
    }
  } catch (err) {
    console.error(err);
    setHtml(view, html`<div class="alert alert-error" role="alert"><p class="alert-title">Something went wrong</p><p>${err.message}</p></div>`);
  } finally {
    if (view.isConnected) main.removeAttribute('aria-busy');
  }
  // Move focus to the new page's heading (not on first load, to keep the browser's default).
  if (!firstRender && view.isConnected) view.querySelector('h1')?.focus({ preventScroll: true });
  if (!firstRender) window.scrollTo(0, 0);
  firstRender = false;
}

function initUserField() {
  const input = document.getElementById('user-name');
  input.value = getUser();
  const save = () => { setUser(input.value); input.value = getUser(); };
  input.addEventListener('change', save);
  input.addEventListener('keydown', (e) => { if (e.key === 'Enter') { save(); input.blur(); } });
}

initUserField();
// The skip link must not change the hash (that is the router's), so move focus by hand.
document.querySelector('.skip-link').addEventListener('click', (e) => { e.preventDefault(); main.focus(); });
window.addEventListener('hashchange', route);
route();
