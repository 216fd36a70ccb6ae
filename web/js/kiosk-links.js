// #/kiosk-links (owner): links that open the read-only monitor on a wall screen without a password.
// A new link's address is shown once (the server keeps only a hash of its token).
import { listKioskLinks, createKioskLink, revokeKioskLink } from './api.js';
import { html, setHtml, withBusy, showProblem, hideAlert, checkRequired, formValues, toast, problemHtml, pageAlert, openDialog, time } from './ui.js';
import { field, optionalReason, reasonBody } from './forms.js';

const linksHtml = (links) => (links.length
  ? html`<ul class="link-list" role="list">${links.map((l) => html`<li class="link-row">
      <div class="link-main"><p class="link-name">${l.name}</p>
        <p class="hint">Created by ${l.createdBy} · ${time(l.createdAt)}</p></div>
      <button type="button" class="btn btn-sm btn-danger-outline" data-revoke="${l.id}" aria-label="Revoke ${l.name}">Revoke</button>
    </li>`)}</ul>`
  : html`<div class="empty-state"><p class="empty-title">No kiosk links.</p>
      <p>Create one to show the board on a workshop screen without signing in.</p></div>`);

const createdHtml = (name, url) => html`<div class="link-created" role="status">
    <p class="link-created-title">Kiosk link “${name}” created</p>
    <p>Open this address on the workshop screen. <strong>Copy it now — it won’t be shown again.</strong></p>
    <div class="copy-row">
      <label class="visually-hidden" for="kiosk-url">Kiosk link address</label>
      <input id="kiosk-url" class="copy-input" type="text" readonly value="${url}" spellcheck="false">
      <button type="button" class="btn" data-copy>Copy</button>
    </div>
  </div>`;

async function copy(input) {
  try { await navigator.clipboard.writeText(input.value); } catch {
    input.select();
    document.execCommand('copy'); // clipboard API is unavailable over plain http on another host
  }
}

export async function renderKioskLinks(view) {
  setHtml(view, html`<div class="narrow">
    <div class="page-head"><h1 tabindex="-1">Kiosk links</h1></div>
    <p class="lead">A kiosk link signs a screen in to the read-only workshop monitor. Anyone with the link can see the board, so revoke links you no longer use.</p>
    <div data-alert-slot></div>
    <form class="panel" novalidate aria-labelledby="kl-new-h" id="kiosk-form">
      <h2 id="kl-new-h">New kiosk link</h2>
      <div class="alert alert-error" role="alert" hidden></div>
      <div class="inline-form">
        ${field({ id: 'kl-name', name: 'name', text: 'Screen name', required: true, hint: 'Where the screen is, e.g. “Bench wall”.', attrs: 'maxlength="60" autocomplete="off"' })}
        <button type="submit" class="btn btn-primary">Create link</button>
      </div>
      <div data-created></div>
    </form>
    <section class="panel" aria-labelledby="kl-list-h"><h2 id="kl-list-h">Active links</h2>
      <div data-list><p class="loading" role="status">Loading links…</p></div></section></div>`);
  const alertEl = pageAlert();
  view.querySelector('[data-alert-slot]').replaceWith(alertEl);
  const list = view.querySelector('[data-list]');
  const form = view.querySelector('#kiosk-form');
  const created = view.querySelector('[data-created]');
  let links = [];

  const draw = () => setHtml(list, linksHtml(links));
  async function reload() {
    try { links = await listKioskLinks(); draw(); } catch (err) {
      setHtml(list, html`<div class="alert alert-error" role="alert">${problemHtml(err.problem)}</div>`);
    }
  }

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const formAlert = form.querySelector('[role="alert"]');
    hideAlert(formAlert);
    if (!checkRequired(form)) return;
    try {
      const answer = await withBusy(e.submitter, () => createKioskLink(formValues(form).name));
      setHtml(created, createdHtml(answer.link.name, new URL(answer.url, location.origin).href));
      form.elements.name.value = '';
      links = [...links, answer.link];
      draw();
      created.querySelector('input').select();
    } catch (err) { showProblem(formAlert, err.problem, form); }
  });
  created.addEventListener('click', async (e) => {
    const btn = e.target.closest('[data-copy]');
    if (!btn) return;
    await copy(created.querySelector('input'));
    btn.textContent = 'Copied';
    toast('Link copied');
  });

  list.addEventListener('click', async (e) => {
    const btn = e.target.closest('[data-revoke]');
    const link = btn && links.find((l) => l.id === btn.dataset.revoke);
    if (!link) return;
    hideAlert(alertEl);
    const done = await openDialog({
      title: `Revoke “${link.name}”?`, danger: true, confirmLabel: 'Revoke', cancelLabel: 'Keep link',
      body: html`<p>Screens using this link are signed out on their next refresh. This cannot be undone; you can create a new link instead.</p>${optionalReason('kl-reason')}`,
      onSubmit: (v) => revokeKioskLink(link.id, reasonBody(v)?.reason).then(() => true),
    });
    if (!done) return;
    links = links.filter((l) => l.id !== link.id);
    draw();
    toast(`Kiosk link “${link.name}” revoked`);
  });

  await reload();
}
