// The header's user menu: who is signed in, their pages, and Sign out. A disclosure button with a
// list of links (Escape or a click elsewhere closes it).
import { html, setHtml } from './ui.js';
import { session, isOwner, isKiosk } from './session.js';

const container = () => document.getElementById('user-menu');

function close(focusButton = false) {
  const root = container();
  const button = root?.querySelector('[aria-expanded]');
  if (!button || button.getAttribute('aria-expanded') !== 'true') return;
  button.setAttribute('aria-expanded', 'false');
  root.querySelector('.menu-panel').hidden = true;
  if (focusButton) button.focus();
}

/** Draws the menu for the signed-in user (or hides it); `onSignOut` runs when Sign out is chosen. */
export function renderUserMenu(onSignOut) {
  const root = container();
  const s = session();
  document.querySelector('.view-toggle').hidden = !s || isKiosk();
  document.body.classList.toggle('is-kiosk', isKiosk());
  if (!s) { root.hidden = true; root.textContent = ''; return; }
  const links = [
    !isKiosk() && ['#/monitor', 'Workshop monitor'],
    !isKiosk() && ['#/outbox', 'Outbox'],
    !isKiosk() && ['#/price-list', 'Repair price list'],
    !isKiosk() && ['#/materials', 'Stones & materials'],
    !isKiosk() && ['#/processes', 'Processes'],
    s.email && ['#/account/password', 'Change password'],
    isOwner() && ['#/settings', 'Shop settings'],
    isOwner() && ['#/users', 'Users'],
    isOwner() && ['#/kiosk-links', 'Kiosk links'],
  ].filter(Boolean);
  setHtml(root, html`<button type="button" class="menu-button" aria-expanded="false" aria-controls="user-menu-panel">
      <span class="menu-avatar" aria-hidden="true">${(s.name || '?').trim().charAt(0).toUpperCase()}</span>
      <span class="menu-who"><span class="menu-name">${s.name}</span><span class="menu-shop">${s.shopName}</span></span>
      <svg class="menu-caret" viewBox="0 0 12 12" aria-hidden="true" focusable="false"><path d="M2 4l4 4 4-4"/></svg>
    </button>
    <div class="menu-panel" id="user-menu-panel" hidden>
      <p class="menu-role">${s.role}${s.email ? html` · ${s.email}` : ''}</p>
      <ul role="list">
        ${links.map(([href, text]) => html`<li><a href="${href}">${text}</a></li>`)}
        <li><button type="button" data-sign-out>Sign out</button></li>
      </ul>
    </div>`);
  root.hidden = false;
  const button = root.querySelector('.menu-button');
  const panel = root.querySelector('.menu-panel');
  button.addEventListener('click', () => {
    const open = button.getAttribute('aria-expanded') !== 'true';
    button.setAttribute('aria-expanded', String(open));
    panel.hidden = !open;
    if (open) panel.querySelector('a, button')?.focus();
  });
  panel.addEventListener('click', (e) => {
    if (e.target.closest('a')) close();
    if (e.target.closest('[data-sign-out]')) { close(); onSignOut(); }
  });
}

document.addEventListener('keydown', (e) => { if (e.key === 'Escape') close(true); });
document.addEventListener('click', (e) => { if (!container()?.contains(e.target)) close(); });
document.addEventListener('focusin', (e) => { if (!container()?.contains(e.target)) close(); });
