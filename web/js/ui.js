// Shared UI helpers: safe HTML templating, formatting, busy states,
// problem-details rendering, toasts and a <dialog>-based form/confirm helper.

const ESC = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const esc = (value) => String(value ?? '').replace(/[&<>"']/g, (c) => ESC[c]);

class SafeHtml { constructor(s) { this.s = s; } toString() { return this.s; } }
export const raw = (s) => new SafeHtml(String(s));

function part(v) {
  if (v instanceof SafeHtml) return v.s;
  if (Array.isArray(v)) return v.map(part).join('');
  if (v === false || v === null || v === undefined) return '';
  return esc(v);
}

/** Tagged template: every interpolated value is escaped unless it is itself html`` / raw(). */
export function html(strings, ...values) {
  let out = strings[0];
  values.forEach((v, i) => { out += part(v) + strings[i + 1]; });
  return new SafeHtml(out);
}

export function setHtml(el, content) { el.innerHTML = String(content); return el; }

let uid = 0;
export const nextId = (prefix = 'id') => `${prefix}-${++uid}`;

// ---- formatting -------------------------------------------------------------
const moneyFormats = new Map();
export function money(n, currency = 'USD') {
  if (n === null || n === undefined || Number.isNaN(Number(n))) return '—';
  if (!moneyFormats.has(currency)) {
    let f;
    try { f = new Intl.NumberFormat('en-US', { style: 'currency', currency }); }
    catch { f = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }); }
    moneyFormats.set(currency, f);
  }
  return moneyFormats.get(currency).format(Number(n));
}

function toDate(value) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value ?? '');
  const d = m ? new Date(+m[1], +m[2] - 1, +m[3]) : new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
}
export function formatDate(value) {
  const d = value ? toDate(value) : null;
  return d ? d.toLocaleDateString('en-US', { year: 'numeric', month: 'short', day: 'numeric' }) : '—';
}
export function formatDateTime(value) {
  const d = value ? toDate(value) : null;
  return d ? d.toLocaleString('en-US', { dateStyle: 'medium', timeStyle: 'short' }) : '—';
}
/** <time> element with a readable label. */
export const time = (value, withTime = true) =>
  value ? html`<time datetime="${value}">${withTime ? formatDateTime(value) : formatDate(value)}</time>` : '—';

export const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;

const LABELS = {
  InShop: 'In Shop', InProgress: 'In Progress', ReadyForPickup: 'Ready for Pickup', OnHold: 'On Hold',
  InProduction: 'In production', InHouse: 'In-house',
  NeedsQuote: 'Needs quote', WaitingOnVendor: 'Waiting on vendor', PickedUp: 'Picked up',
  InPerson: 'In person',
};
/** Human label for an enum value ("InProduction" → "In production"). */
export const label = (v) => LABELS[v] ?? String(v ?? '');
export const badge = (text, kind = '') => html`<span class="badge ${kind ? `badge-${kind}` : ''}">${text}</span>`;
export const statusBadge = (status) => badge(label(status), `status-${String(status).toLowerCase()}`);

/** Read a form into a plain object: numbers for type=number, booleans for checkboxes. */
export function formValues(form) {
  const out = {};
  for (const el of form.elements) {
    if (!el.name || el.disabled) continue;
    if (el.type === 'checkbox') out[el.name] = el.checked;
    else if (el.type === 'number') out[el.name] = el.value === '' ? null : Number(el.value);
    else out[el.name] = el.value.trim();
  }
  return out;
}

// ---- busy state ---------------------------------------------------------------
/** Disable a button while fn runs (shows a spinner via CSS). */
export async function withBusy(button, fn) {
  if (!button) return fn();
  const wasDisabled = button.disabled;
  const hadFocus = document.activeElement === button;
  button.disabled = true;
  button.setAttribute('aria-busy', 'true');
  try { return await fn(); } finally {
    button.disabled = wasDisabled;
    button.removeAttribute('aria-busy');
    // Disabling dropped focus to <body>; give it back if nothing else took it.
    if (hadFocus && button.isConnected && document.activeElement === document.body) button.focus();
  }
}

// ---- problem details ------------------------------------------------------
const norm = (key) => String(key).replace(/^\$?\.?(body\.)?/i, '').toLowerCase();

export function clearErrors(form) {
  if (!form) return;
  form.querySelectorAll('.field-error').forEach((el) => el.remove());
  form.querySelectorAll('[aria-invalid]').forEach((el) => {
    el.removeAttribute('aria-invalid');
    const ids = (el.getAttribute('aria-describedby') || '').split(' ').filter((i) => !i.startsWith('fe-'));
    if (ids.length) el.setAttribute('aria-describedby', ids.join(' ')); else el.removeAttribute('aria-describedby');
  });
}

/** Put a message under a named form control; returns false when there is no such control. */
export function fieldError(form, name, message) {
  const input = form && [...form.elements].find((el) => el.name && norm(el.name) === norm(name) && !el.disabled);
  if (!input) return false;
  const id = `fe-${input.id || nextId('f')}`;
  const p = document.createElement('p');
  p.className = 'field-error';
  p.id = id;
  p.textContent = message;
  (input.closest('.field') || input.parentElement).append(p);
  input.setAttribute('aria-invalid', 'true');
  input.setAttribute('aria-describedby', `${input.getAttribute('aria-describedby') || ''} ${id}`.trim());
  return true;
}

/** HTML for a problem-details object (title, detail, blockers, leftover errors). */
export function problemHtml(problem, leftover = []) {
  const p = problem || {};
  const title = p.title || 'Something went wrong';
  const blockers = Array.isArray(p.blockers) ? p.blockers : [];
  const allowed = Array.isArray(p.allowed) ? p.allowed : [];
  return html`<p class="alert-title">${title}</p>
    ${p.detail && p.detail !== title && html`<p>${p.detail}</p>`}
    ${blockers.length > 0 && html`<p class="alert-sub">Blocked by:</p><ul class="blockers">${blockers.map((b) => html`<li>${b}</li>`)}</ul>`}
    ${leftover.length > 0 && html`<ul>${leftover.map((m) => html`<li>${m}</li>`)}</ul>`}
    ${allowed.length > 0 && html`<p class="alert-sub">Allowed: ${allowed.map(label).join(', ')}</p>`}`;
}

/** Show a problem in an alert region; field errors go next to matching fields of `form`. */
export function showProblem(region, problem, form) {
  clearErrors(form);
  const leftover = [];
  for (const [field, reasons] of Object.entries(problem?.errors || {})) {
    const msg = [].concat(reasons).join(' ');
    if (!fieldError(form, field, msg)) leftover.push(field ? `${field}: ${msg}` : msg);
  }
  const hasFieldErrors = form?.querySelector('[aria-invalid="true"]');
  if (region) {
    const onlyFields = hasFieldErrors && !leftover.length && !problem?.blockers?.length;
    setHtml(region, onlyFields ? html`<p class="alert-title">Please check the highlighted fields.</p>` : problemHtml(problem, leftover));
    region.hidden = false;
  }
  hasFieldErrors?.focus();
}

/** An empty alert region for a page's errors, shown by showProblem. */
export function pageAlert() {
  const el = document.createElement('div');
  el.className = 'alert alert-error page-alert';
  el.setAttribute('role', 'alert');
  el.hidden = true;
  return el;
}

export function hideAlert(region) { if (region) { region.hidden = true; region.textContent = ''; } }

/** Client-side required check; returns true when all required fields are filled. */
export function checkRequired(form) {
  clearErrors(form);
  let ok = true;
  for (const el of form.elements) {
    if (el.required && !el.disabled && !el.value.trim()) {
      const text = form.querySelector(`label[for="${el.id}"]`)?.textContent.replace('*', '').trim() || el.name;
      fieldError(form, el.name, `${text} is required.`);
      ok = false;
    }
  }
  form.querySelector('[aria-invalid="true"]')?.focus();
  return ok;
}

// ---- toasts -------------------------------------------------------------------
/** `link` ({ href, text }) adds a link after the message, e.g. to the Outbox. */
export function toast(message, kind = 'success', link = null) {
  const region = document.getElementById('toasts');
  if (!region) return;
  const el = document.createElement('div');
  el.className = `toast toast-${kind}`;
  el.textContent = message;
  if (link) {
    const a = document.createElement('a');
    a.href = link.href;
    a.textContent = link.text;
    a.className = 'toast-link';
    el.append(' ', a);
  }
  region.append(el);
  while (region.children.length > 3) region.firstElementChild.remove();
  setTimeout(() => { el.classList.add('leaving'); setTimeout(() => el.remove(), 300); }, 4000);
}

// ---- dialogs ------------------------------------------------------------------
/**
 * Open a modal form dialog. `body` is html`` with form fields. On confirm, `onSubmit(values, form)`
 * runs (button busy); its result resolves the promise and closes the dialog. If it throws an
 * ApiError-like error, the problem is shown inside the dialog and it stays open. `validate(form)` may add
 * checks of its own after the required fields: false keeps the dialog open.
 * Resolves null when dismissed.
 */
export function openDialog({ title, body = '', confirmLabel = 'OK', cancelLabel = 'Cancel', danger = false, onSubmit, onOpen, validate }) {
  return new Promise((resolve) => {
    const dlg = document.createElement('dialog');
    const titleId = nextId('dlg-title');
    dlg.className = 'dialog';
    dlg.setAttribute('aria-labelledby', titleId);
    setHtml(dlg, html`<form method="dialog" novalidate>
      <h2 id="${titleId}" class="dialog-title">${title}</h2>
      <div class="dialog-body">${body}</div>
      <div class="alert alert-error" role="alert" hidden></div>
      <div class="dialog-actions">
        <button type="button" class="btn" data-dismiss>${cancelLabel}</button>
        <button type="submit" class="btn ${danger ? 'btn-danger' : 'btn-primary'}">${confirmLabel}</button>
      </div></form>`);
    document.body.append(dlg);
    const form = dlg.querySelector('form');
    const submit = form.querySelector('[type="submit"]');
    let busy = false;
    let settled = false;
    const finish = (result) => {
      if (settled) return;
      settled = true;
      if (dlg.open) dlg.close();
      dlg.remove();
      resolve(result);
    };
    form.querySelector('[data-dismiss]').addEventListener('click', () => { if (!busy) finish(null); });
    // Escape closes the dialog (kept open while a request runs, where the browser allows it).
    dlg.addEventListener('cancel', (e) => { if (busy) e.preventDefault(); });
    dlg.addEventListener('close', () => finish(null));
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      if (busy || !checkRequired(form) || (validate && !validate(form))) return;
      const values = formValues(form);
      if (!onSubmit) return finish(values);
      busy = true;
      try {
        const result = await withBusy(submit, () => onSubmit(values, form));
        finish(result ?? values);
      } catch (err) {
        showProblem(form.querySelector('[role="alert"]'), err.problem || { title: err.message }, form);
      } finally { busy = false; }
    });
    onOpen?.(form);
    dlg.showModal();
    (form.querySelector('.dialog-body :is(input:not([type="hidden"]), select, textarea):not(:disabled)') || submit).focus();
  });
}

/** Simple yes/no confirmation; resolves true/false. */
export async function confirmDialog({ title, message, confirmLabel = 'OK', cancelLabel = 'Cancel', danger = false }) {
  const result = await openDialog({ title, body: html`<p>${message}</p>`, confirmLabel, cancelLabel, danger });
  return result !== null;
}
