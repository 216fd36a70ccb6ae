// Signed-out pages: sign in, first-run setup, and opening a kiosk link.
import { signIn, runSetup, getMe, openKioskSession } from './api.js';
import { html, setHtml, withBusy, showProblem, hideAlert, checkRequired, fieldError, formValues } from './ui.js';
import { field, selectField } from './forms.js';
import { markKioskScreen } from './session.js';

const brandHead = (title, lead) => html`<div class="auth-head">
    <svg class="auth-mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false"><path d="M8 4h16l6 8-14 16L2 12z"/></svg>
    <h1 tabindex="-1">${title}</h1>
    ${lead && html`<p class="auth-lead">${lead}</p>`}
  </div>`;

/** Runs a form's request with a busy button; problems go next to fields or in the form's alert. */
function bindForm(form, run) {
  const alertEl = form.querySelector('[role="alert"]');
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    hideAlert(alertEl);
    if (!checkRequired(form)) return;
    try { await withBusy(form.querySelector('[type="submit"]'), () => run(formValues(form))); } catch (err) {
      showProblem(alertEl, err.problem || { title: err.message }, form);
    }
  });
}

/** `note`: why the page shows (e.g. the session ended). `onSignedIn(session)` continues the app. */
export function renderSignIn(view, { note = '', onSignedIn }) {
  document.title = 'Sign in · JewelBench';
  setHtml(view, html`<section class="auth-card" aria-labelledby="signin-h">
    ${brandHead('Sign in', 'Welcome back to the bench.')}
    ${note && html`<p class="auth-note" role="status">${note}</p>`}
    <form novalidate data-signin>
      <div class="alert alert-error" role="alert" hidden></div>
      ${field({ id: 'si-email', name: 'email', text: 'Email', type: 'email', required: true, attrs: 'autocomplete="username" spellcheck="false" autocapitalize="none"' })}
      ${field({ id: 'si-password', name: 'password', text: 'Password', type: 'password', required: true, attrs: 'autocomplete="current-password"' })}
      <div class="form-actions"><button type="submit" class="btn btn-primary btn-block">Sign in</button></div>
    </form>
    <p class="hint auth-foot">Forgot your password? Ask the shop owner to set a new one.</p>
  </section>`);
  view.querySelector('h1').id = 'signin-h';
  const form = view.querySelector('form');
  bindForm(form, async (v) => {
    try {
      const me = await signIn(v.email, form.elements.password.value);
      markKioskScreen(false);
      onSignedIn(me);
    } catch (err) {
      form.elements.password.value = '';
      throw err;
    }
  });
  form.elements.email.focus();
}

function timeZones(selected) {
  let zones = [];
  try { zones = Intl.supportedValuesOf('timeZone'); } catch { /* older browser: the current zone only */ }
  return [...new Set([selected, 'UTC', ...zones])].filter(Boolean).sort((a, b) => (a === 'UTC' ? -1 : b === 'UTC' ? 1 : a.localeCompare(b)));
}
export const timeZoneOptions = (selected) => timeZones(selected).map((z) => [z, z.replace(/_/g, ' ')]);
export const browserTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

/** First run: the shop and its owner. */
export function renderSetup(view, { onSignedIn }) {
  document.title = 'Set up · JewelBench';
  setHtml(view, html`<section class="auth-card auth-wide" aria-labelledby="setup-h">
    ${brandHead('Set up your shop', 'JewelBench is new here. Tell it about your shop and create the owner account.')}
    <form novalidate>
      <div class="alert alert-error" role="alert" hidden></div>
      <fieldset class="fieldset"><legend>Shop</legend><div class="form-grid">
        <div class="span-all">${field({ id: 'su-shopName', name: 'shopName', text: 'Shop name', required: true, attrs: 'maxlength="80" autocomplete="organization"' })}</div>
        <div class="span-all">${field({ id: 'su-address', name: 'address', text: 'Address', type: 'textarea', attrs: 'maxlength="300"' })}</div>
        ${selectField({ id: 'su-timeZone', name: 'timeZone', text: 'Time zone', options: timeZoneOptions(browserTimeZone()), value: browserTimeZone() })}
        ${field({ id: 'su-currency', name: 'currency', text: 'Currency', value: 'USD', required: true, hint: 'Three letters, e.g. USD or EUR.', attrs: 'maxlength="3" autocapitalize="characters" spellcheck="false"' })}
        ${field({ id: 'su-taxRate', name: 'taxRate', text: 'Sales tax (%)', type: 'number', value: 0, attrs: 'min="0" max="30" step="0.001" inputmode="decimal"' })}
      </div></fieldset>
      <fieldset class="fieldset"><legend>Owner</legend><div class="form-grid">
        ${field({ id: 'su-ownerName', name: 'ownerName', text: 'Your name', required: true, attrs: 'maxlength="60" autocomplete="name"' })}
        ${field({ id: 'su-email', name: 'email', text: 'Email', type: 'email', required: true, attrs: 'autocomplete="username" spellcheck="false" autocapitalize="none"' })}
        ${field({ id: 'su-password', name: 'password', text: 'Password', type: 'password', required: true, hint: 'At least 10 characters.', attrs: 'autocomplete="new-password" minlength="10"' })}
        ${field({ id: 'su-confirm', name: 'confirm', text: 'Confirm password', type: 'password', required: true, attrs: 'autocomplete="new-password"' })}
      </div></fieldset>
      <div class="form-actions"><button type="submit" class="btn btn-primary">Create shop</button></div>
    </form>
  </section>`);
  view.querySelector('h1').id = 'setup-h';
  const form = view.querySelector('form');
  bindForm(form, async (v) => {
    const password = form.elements.password.value;
    if (password !== form.elements.confirm.value) {
      fieldError(form, 'confirm', 'The passwords do not match.');
      form.elements.confirm.focus();
      return;
    }
    await runSetup({
      shopName: v.shopName, address: v.address, timeZone: v.timeZone, currency: v.currency.toUpperCase(),
      taxRate: v.taxRate ?? 0, ownerName: v.ownerName, email: v.email, password,
    });
    onSignedIn(await getMe());
  });
}

/** #/kiosk/<token>: trade the link's token for a kiosk session, then drop the token from the address bar. */
export async function openKioskLink(view, token, { onSignedIn }) {
  document.title = 'Opening monitor · JewelBench';
  setHtml(view, html`<p class="loading" role="status">Opening the workshop monitor…</p>`);
  try {
    await openKioskSession(token);
    markKioskScreen(true);
    onSignedIn(await getMe(), '#/monitor');
  } catch (err) {
    history.replaceState(null, '', '#/');
    const gone = err.status === 404;
    setHtml(view, html`<section class="empty-state page-empty">
      <h1 tabindex="-1">${gone ? 'This kiosk link is not valid' : 'Could not open the monitor'}</h1>
      <p>${gone ? 'It may have been revoked. Ask the shop owner for a new link.' : err.message}</p>
      <p><a class="btn" href="#/board">Sign in instead</a></p></section>`);
    document.title = 'Kiosk link · JewelBench';
  }
}
