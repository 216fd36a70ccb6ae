// App shell: who is signed in, the hash router with each page's roles, and the header.
import { getMe, getSetup, signOut, setUnauthorizedHandler } from './api.js';
import { html, setHtml, toast } from './ui.js';
import { session, setSession, isKiosk, wasKioskScreen } from './session.js';
import { renderUserMenu } from './menu.js';
import { renderSignIn, renderSetup, openKioskLink } from './sign-in.js';
import { renderBoard } from './board.js';
import { renderMonitor } from './monitor.js';
import { renderList } from './list.js';
import { renderJob } from './job.js';
import { renderNewJob } from './new-job.js';
import { renderStock } from './stock.js';
import { renderStockList } from './stock-list.js';
import { renderMaterials } from './materials.js';
import { renderMaterial } from './material.js';
import { renderPassword } from './account.js';
import { renderSettings } from './settings.js';
import { renderUsers } from './users.js';
import { renderKioskLinks } from './kiosk-links.js';
import { renderPriceList } from './price-list.js';
import { renderProcesses } from './processes.js';
import { renderEnvelope } from './envelope.js';
import { renderPickupNotices } from './pickup-notices.js';
import { renderOutbox } from './outbox.js';
import { renderStyles } from './styles.js';
import { renderStyle } from './style.js';

const VIEW_KEY = 'jewelbench.view';
const preferredView = () => (localStorage.getItem(VIEW_KEY) === 'list' ? 'list' : 'board');
const ALL = ['Owner', 'Staff', 'Kiosk'];
const WORK = ['Owner', 'Staff'];
const OWNER = ['Owner'];

const routes = [
  [/^\/board$/, renderBoard, 'Board', WORK],
  [/^\/list$/, renderList, 'Jobs', WORK],
  [/^\/monitor$/, renderMonitor, 'Monitor', ALL],
  [/^\/new$/, renderNewJob, 'New job', WORK],
  [/^\/jobs\/([^/?]+)$/, renderJob, null, WORK],
  [/^\/jobs\/([^/?]+)\/envelope$/, renderEnvelope, null, WORK],
  [/^\/jobs\/([^/?]+)\/notices$/, renderPickupNotices, null, WORK],
  [/^\/stock$/, renderStockList, 'Inventory', WORK],
  [/^\/stock\/([^/?]+)$/, renderStock, null, WORK],
  [/^\/materials$/, renderMaterials, 'Stones & materials', WORK],
  [/^\/materials\/([^/?]+)$/, renderMaterial, null, WORK],
  [/^\/account\/password$/, renderPassword, 'Change password', ALL],
  [/^\/price-list$/, renderPriceList, 'Price list', WORK],
  [/^\/processes$/, renderProcesses, 'Processes', WORK],
  [/^\/styles$/, renderStyles, 'Styles', WORK],
  [/^\/styles\/([^/?]+)$/, renderStyle, null, WORK],
  [/^\/settings$/, renderSettings, 'Shop settings', OWNER],
  [/^\/users$/, renderUsers, 'Users', OWNER],
  [/^\/kiosk-links$/, renderKioskLinks, 'Kiosk links', OWNER],
  [/^\/outbox$/, renderOutbox, 'Outbox', WORK],
];

const main = document.getElementById('main');
const safeDecode = (s) => { try { return decodeURIComponent(s); } catch { return s; } };
const currentPath = () => location.hash.replace(/^#/, '').split('?')[0];
let firstRender = true;
let signedOutNote = '';

function notFound(view) {
  setHtml(view, html`<section class="empty-state page-empty">
    <h1 tabindex="-1">Page not found</h1>
    <p>There is nothing at this address.</p>
    <p><a class="btn" href="#/">Go to the start page</a></p></section>`);
}

function notAllowed(view) {
  setHtml(view, html`<section class="empty-state page-empty">
    <h1 tabindex="-1">Not available for your role</h1>
    <p>This page is for the shop owner.</p>
    <p><a class="btn" href="#/">Go to the start page</a></p></section>`);
}

function updateNav(path) {
  document.querySelectorAll('.view-toggle a').forEach((a) => {
    const active = path === `/${a.dataset.view}` || (a.dataset.view === 'stock' && path.startsWith('/stock/'));
    if (active) a.setAttribute('aria-current', 'page'); else a.removeAttribute('aria-current');
  });
}

/** Each navigation renders into a fresh container, so late answers for an old page land nowhere. */
function freshView() {
  const view = document.createElement('div');
  view.className = 'view';
  main.replaceChildren(view);
  return view;
}

function signedIn(me, target) {
  setSession(me);
  signedOutNote = '';
  renderUserMenu(doSignOut);
  // The address already holds the page they wanted (or the monitor for a kiosk link).
  if (target && location.hash !== target) location.replace(target); else route();
}

function showSignedOut(view) {
  setSession(null);
  renderUserMenu(doSignOut);
  updateNav('');
  renderSignIn(view, { note: signedOutNote, onSignedIn: signedIn });
}

async function doSignOut() {
  try { await signOut(); } catch { /* the session is gone either way */ }
  signedOutNote = 'You have signed out.';
  showSignedOut(freshView());
  toast('Signed out', 'info');
}

// Any API answer of 401 means the session ended (expired, password changed, link revoked).
setUnauthorizedHandler(() => {
  if (!session()) return;
  signedOutNote = isKiosk() || wasKioskScreen()
    ? 'This screen was signed out: its kiosk link may have been revoked. Open a new kiosk link, or sign in.'
    : 'Your session ended. Please sign in again.';
  showSignedOut(freshView());
});

async function route() {
  const path = currentPath();
  const kiosk = /^\/kiosk\/([^/?]+)$/.exec(path);
  if (kiosk) { await openKioskLink(freshView(), safeDecode(kiosk[1]), { onSignedIn: signedIn }); return; }
  if (!session()) { await boot(); return; }
  if (isKiosk() && path !== '/monitor' && path !== '/account/password') { location.replace('#/monitor'); return; }
  if (!path || path === '/') { location.replace(isKiosk() ? '#/monitor' : `#/${preferredView()}`); return; }
  if (path === '/board' || path === '/list') localStorage.setItem(VIEW_KEY, path.slice(1));
  updateNav(path);

  const view = freshView();
  main.setAttribute('aria-busy', 'true');
  const match = routes.map(([re, fn, title, roles]) => [re.exec(path), fn, title, roles]).find(([m]) => m);
  try {
    if (!match) { notFound(view); document.title = 'Not found · JewelBench'; }
    else if (!match[3].includes(session().role)) { notAllowed(view); document.title = 'Not allowed · JewelBench'; }
    else {
      const [m, fn, title] = match;
      if (title) document.title = `${title} · JewelBench`;
      await fn(view, ...m.slice(1).map(safeDecode));
    }
  } catch (err) {
    console.error(err);
    if (view.isConnected) setHtml(view, html`<div class="alert alert-error" role="alert"><p class="alert-title">Something went wrong</p><p>${err.message}</p></div>`);
  } finally {
    if (view.isConnected) main.removeAttribute('aria-busy');
  }
  // Move focus to the new page's heading (not on first load, to keep the browser's default).
  if (!firstRender && view.isConnected) view.querySelector('h1')?.focus({ preventScroll: true });
  if (!firstRender) window.scrollTo(0, 0);
  firstRender = false;
}

/** Not signed in (yet): ask the server who we are; else the first-run setup or the sign-in page. */
async function boot() {
  const view = freshView();
  main.setAttribute('aria-busy', 'true');
  try {
    signedIn(await getMe());
    return;
  } catch (err) {
    if (err.status !== 401) {
      setHtml(view, html`<div class="alert alert-error" role="alert"><p class="alert-title">Cannot start JewelBench</p><p>${err.message}</p></div>`);
      return;
    }
  } finally { main.removeAttribute('aria-busy'); }
  try {
    const setup = await getSetup();
    if (setup?.needed) { renderSetup(view, { onSignedIn: signedIn }); return; }
  } catch { /* fall through to sign-in */ }
  if (!signedOutNote && wasKioskScreen()) {
    signedOutNote = 'This screen was signed out: its kiosk link may have been revoked. Open a new kiosk link, or sign in.';
  }
  showSignedOut(view);
}

// The skip link must not change the hash (that is the router's), so move focus by hand.
document.querySelector('.skip-link').addEventListener('click', (e) => { e.preventDefault(); main.focus(); });
window.addEventListener('hashchange', () => { if (session() || /^\/kiosk\//.test(currentPath())) route(); });
route();
