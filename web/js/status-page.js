// The customer's status page (/status.html#<token>): no sign-in; the token in the address fragment
// (never sent to the server with the page) reads the job's status, its photos and the balance.
import { html, setHtml, money, formatDate } from './ui.js';

const main = document.getElementById('main');
const enc = encodeURIComponent;

function invalid() {
  document.title = 'Link not valid';
  setHtml(main, html`<section class="status-card">
    <h1 tabindex="-1">This link is not valid or has expired</h1>
    <p>Please check the link in your email, or contact the shop and we will send you a new one.</p></section>`);
}

function failed(message) {
  setHtml(main, html`<section class="status-card">
    <h1 tabindex="-1">We can’t show your job right now</h1>
    <p>${message} Please try again in a moment.</p>
    <p><button type="button" class="btn" data-retry>Try again</button></p></section>`);
  main.querySelector('[data-retry]').addEventListener('click', load);
}

function balanceHtml(b) {
  if (!b) return '';
  const cur = b.currency || 'USD';
  return html`<section class="status-section" aria-labelledby="balance-h">
    <h2 id="balance-h">Balance</h2>
    <dl class="cost-list">
      <div><dt>Total</dt><dd>${money(b.total, cur)}</dd></div>
      <div><dt>Deposit applied</dt><dd>${money(-(Number(b.depositApplied) || 0), cur)}</dd></div>
      <div class="cost-total"><dt>Balance due</dt><dd>${money(b.balanceDue, cur)}</dd></div>
    </dl>${b.paid && html`<p class="status-ready">Paid in full — thank you.</p>`}</section>`;
}

function render(token, s) {
  const { shop = {}, job = {}, photos = [] } = s;
  document.title = `${job.statusLabel || 'Your job'} · ${shop.name || 'Your jeweler'}`;
  setHtml(main, html`<header class="status-shop"><p class="status-shop-name">${shop.name}</p>
      ${shop.address && html`<p class="hint">${shop.address}</p>`}</header>
    <section class="status-card ${job.ready ? 'is-ready' : ''}">
      <p class="hint">Job ${job.id}</p>
      <h1 tabindex="-1">${job.item || job.description}</h1>
      <p class="status-now" role="status"><span class="visually-hidden">Status: </span><strong>${job.statusLabel || job.status}</strong></p>
      ${job.ready
        ? html`<p class="status-ready">Your piece is ready for pickup.</p>`
        : job.promisedDate && html`<p>Promised for <strong>${formatDate(job.promisedDate)}</strong>.</p>`}
      ${job.item && job.description && html`<p class="prewrap">${job.description}</p>`}
      ${photos.length > 0 && html`<ul class="status-photos" role="list">${photos.map((id, i) => html`<li>
        <img src="/api/status/${enc(token)}/photos/${enc(id)}" alt="Photo ${i + 1} of your piece" loading="lazy" decoding="async"></li>`)}</ul>`}
      ${balanceHtml(s.balance)}
    </section>
    <p class="hint status-foot">Questions? Contact ${shop.name || 'the shop'}${shop.address ? `, ${shop.address}` : ''}.</p>`);
}

async function load() {
  const token = decodeURIComponent(location.hash.replace(/^#\/?/, ''));
  if (!token) { invalid(); return; }
  main.setAttribute('aria-busy', 'true');
  try {
    const res = await fetch(`/api/status/${enc(token)}`, { headers: { Accept: 'application/json' }, credentials: 'omit' });
    if (res.status === 404 || res.status === 400 || res.status === 410) invalid();
    else if (!res.ok) failed(`The server answered ${res.status}.`);
    else render(token, await res.json());
  } catch {
    failed('We could not reach the shop’s server.');
  } finally { main.removeAttribute('aria-busy'); }
}

window.addEventListener('hashchange', load);
load();
