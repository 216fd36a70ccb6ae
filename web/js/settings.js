// #/settings (owner): the shop's name, address, time zone, currency, tax rate and whether it manufactures, with its history.
import { getShop, editShop, getShopHistory, uploadLogo, removeLogo } from './api.js';
import { html, setHtml, withBusy, showProblem, hideAlert, clearErrors, checkRequired, formValues, toast, problemHtml, openDialog } from './ui.js';
import { field, selectField } from './forms.js';
import { timelineHtml, historyPanelHtml } from './history.js';
import { timeZoneOptions } from './sign-in.js';
import { renderReminderSettings } from './reminder-settings.js';

const CONFLICT = 'The shop settings were changed by someone else; showing the latest — please redo your change.';
const FIELDS = ['name', 'address', 'timeZone', 'currency', 'taxRate', 'manufacturer'];

const formHtml = (shop) => html`<form class="panel" novalidate aria-labelledby="settings-h">
    <h2 id="settings-h">Shop details</h2>
    <div class="alert alert-error" role="alert" hidden></div>
    <div class="form-grid">
      <div class="span-all">${field({ id: 'sh-name', name: 'name', text: 'Shop name', value: shop.name, required: true, attrs: 'maxlength="80"' })}</div>
      <div class="span-all">${field({ id: 'sh-address', name: 'address', text: 'Address', type: 'textarea', value: shop.address, attrs: 'maxlength="300"' })}</div>
      ${selectField({ id: 'sh-timeZone', name: 'timeZone', text: 'Time zone', options: timeZoneOptions(shop.timeZone), value: shop.timeZone })}
      ${field({ id: 'sh-currency', name: 'currency', text: 'Currency', value: shop.currency, required: true, hint: 'Three letters, e.g. USD.', attrs: 'maxlength="3" autocapitalize="characters" spellcheck="false"' })}
      ${field({ id: 'sh-taxRate', name: 'taxRate', text: 'Sales tax (%)', type: 'number', value: shop.taxRate, attrs: 'min="0" max="30" step="0.001" inputmode="decimal"' })}
      <div class="span-all">${field({ id: 'sh-manufacturer', name: 'manufacturer', text: 'We manufacture (make batches from a style catalog)',
        type: 'checkbox', value: shop.manufacturer === true,
        hint: 'Lets the shop start a production batch from a style: its bill of materials times the quantity is taken from stock.' })}</div>
      <div class="span-all">${field({ id: 'sh-reason', name: 'reason', text: 'Reason for the change (optional)', hint: 'Kept in the shop’s history.' })}</div>
    </div>
    <div class="form-actions"><button type="submit" class="btn btn-primary">Save settings</button></div>
  </form>`;

// The version in the address makes the browser fetch a replaced logo instead of reusing the old one.
const logoHtml = (shop) => html`<section class="panel" aria-labelledby="logo-h">
    <h2 id="logo-h">Logo</h2>
    <div class="alert alert-error" role="alert" hidden></div>
    ${shop.logo
      ? html`<img class="shop-logo-preview" src="/api/shop/logo?v=${shop.version}" alt="${shop.name} logo">`
      : html`<p class="hint" data-no-logo>No logo yet.</p>`}
    <form novalidate class="logo-form">
      <label for="logo-file">Image</label>
      <input id="logo-file" name="logo" type="file" accept="image/png,image/jpeg,image/webp" required>
      <p class="hint">PNG, JPEG or WebP, up to 2 MB.</p>
      <div class="form-actions">
        <button type="submit" class="btn btn-primary">Upload logo</button>
        ${shop.logo && html`<button type="button" class="btn btn-danger-outline" data-remove-logo>Remove logo</button>`}
      </div>
    </form>
  </section>`;

export async function renderSettings(view) {
  setHtml(view, html`<p class="loading" role="status">Loading shop settings…</p>`);
  let shop;
  let etag;
  try { ({ data: shop, etag } = await getShop()); } catch (err) {
    setHtml(view, html`<h1 tabindex="-1">Shop settings</h1><div class="alert alert-error" role="alert">${problemHtml(err.problem)}</div>`);
    return;
  }
  setHtml(view, html`<div class="narrow"><h1 tabindex="-1" class="page-title">Shop settings</h1>
    <div data-form></div><div data-reminders></div><div data-logo></div>${historyPanelHtml('shop-history-h')}</div>`);
  const slot = view.querySelector('[data-form]');
  const logoSlot = view.querySelector('[data-logo]');

  async function loadHistory() {
    const box = view.querySelector('[data-history]');
    try { setHtml(box, timelineHtml(await getShopHistory())); } catch (err) {
      setHtml(box, html`<p class="hint">History is unavailable right now (${err.message}).</p>`);
    }
  }

  function render(problem) {
    setHtml(slot, formHtml(shop));
    const form = slot.querySelector('form');
    if (problem) showProblem(form.querySelector('[role="alert"]'), problem);
    form.addEventListener('submit', (e) => { e.preventDefault(); save(form, e.submitter); });
    renderLogo();
  }

  function renderLogo() {
    setHtml(logoSlot, logoHtml(shop));
    const alertEl = logoSlot.querySelector('[role="alert"]');
    const changed = (answer, message) => {
      shop = answer.data;
      etag = answer.etag || etag;
      render();
      toast(message);
      loadHistory();
    };
    logoSlot.querySelector('form').addEventListener('submit', async (e) => {
      e.preventDefault();
      hideAlert(alertEl);
      const file = e.target.elements.logo.files[0];
      if (!file) { showProblem(alertEl, { title: 'Choose an image first.' }); return; }
      try { changed(await withBusy(e.submitter, () => uploadLogo(file)), 'Logo saved'); } catch (err) { showProblem(alertEl, err.problem); }
    });
    logoSlot.querySelector('[data-remove-logo]')?.addEventListener('click', async (e) => {
      const confirmed = await openDialog({ title: 'Remove the logo?', danger: true, confirmLabel: 'Remove logo', cancelLabel: 'Keep it',
        body: html`<p>The shop goes back to having no logo. You can upload one again at any time.</p>` });
      if (!confirmed) return;
      try { changed(await withBusy(e.target, () => removeLogo()), 'Logo removed'); } catch (err) { showProblem(alertEl, err.problem); }
    });
  }

  async function save(form, button) {
    const alertEl = form.querySelector('[role="alert"]');
    hideAlert(alertEl);
    clearErrors(form);
    if (!checkRequired(form)) return;
    const v = formValues(form);
    // Send only what changed, so the history shows just those fields.
    const current = { ...shop, manufacturer: shop.manufacturer === true };
    const body = Object.fromEntries(FIELDS.filter((f) => String(v[f] ?? '') !== String(current[f] ?? '')).map((f) => [f, f === 'taxRate' ? v[f] ?? 0 : v[f]]));
    if (!Object.keys(body).length) { toast('Nothing to save', 'info'); return; }
    if (v.reason) body.reason = v.reason;
    try {
      const answer = await withBusy(button, () => editShop(body, etag));
      shop = answer.data;
      etag = answer.etag || etag;
      render();
      toast('Shop settings saved');
      loadHistory();
    } catch (err) {
      if (err.status === 412) {
        ({ data: shop, etag } = await getShop().catch(() => ({ data: err.problem.current || shop, etag })));
        render({ title: CONFLICT });
        loadHistory();
      } else showProblem(alertEl, err.problem, form);
    }
  }

  render();
  renderReminderSettings(view.querySelector('[data-reminders]'), loadHistory);
  loadHistory();
}
