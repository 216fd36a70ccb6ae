// #/outbox (owner and staff): the emails the shop sent its customers, newest first, with their status; the chosen
// one shown as the customer sees it. Its HTML is loaded into a sandboxed frame from its own URL, whose policy
// allows its inline styles but no script, so an email can never run code in the app.
import { listOutbox, getOutboxMessage, outboxPreviewUrl, resendOutboxMessage } from './api.js';
import { html, setHtml, badge, time, problemHtml, openDialog, toast } from './ui.js';

const STATUS = {
  Queued: ['Queued', 'queued'], Sending: ['Sending', 'queued'], Outbox: ['Outbox', 'outbox'], Sent: ['Sent', 'sent'],
  Failed: ['Failed', 'failed'], Unconfirmed: ['Unconfirmed', 'unconfirmed'],
};
function statusBadge(status) {
  const [text, kind] = STATUS[status] ?? [status, ''];
  return badge(text, kind && `mail-${kind}`);
}
const who = (m) => (m.toName ? `${m.toName} <${m.toAddress}>` : m.toAddress);

const listHtml = (mails, selected) => (mails.length
  ? html`<ul class="mail-list" role="list">${mails.map((m) => html`<li>
      <button type="button" class="mail-row" data-mail="${m.id}" aria-pressed="${String(m.id === selected)}">
        <span class="mail-row-top"><span class="mail-subject">${m.subject}</span>${statusBadge(m.status)}</span>
        <span class="hint">${who(m)} · ${m.purpose}${m.jobId ? ` · ${m.jobId}` : ''} · ${time(m.createdAt)}</span>
        ${m.error ? html`<span class="mail-error">${m.error}</span>` : ''}
      </button></li>`)}</ul>`
  : html`<div class="empty-state"><p class="empty-title">No emails yet</p>
      <p>Emails to customers (pickup notices, receipts) show here once they are sent.</p></div>`);

const messageHtml = (m) => html`<div class="mail-head">
    <h2 id="mail-h">${m.subject}</h2>
    <p>${statusBadge(m.status)} <span class="hint">To ${who(m)}</span></p>
    <p class="hint">Created ${time(m.createdAt)} by ${m.createdBy}${m.sentAt ? html` · sent ${time(m.sentAt)}` : ''}${m.attempts > 1 ? ` · ${m.attempts} attempts` : ''}</p>
    ${m.status === 'Outbox' ? html`<p class="hint-lock">Not sent: no mail service is set up, so this email stayed here.</p>` : ''}
    ${m.error ? html`<div class="alert alert-error" role="status"><p>${m.error}</p></div>` : ''}
    ${m.resendOf ? html`<p class="hint">Sent again for an unconfirmed email.</p>` : ''}
    ${m.status === 'Unconfirmed' ? html`<p><button type="button" class="btn" data-resend="${m.id}">Send again…</button></p>` : ''}
  </div>
  <iframe class="mail-preview" sandbox="" title="The email as the customer sees it" src="${outboxPreviewUrl(m.id)}"></iframe>
  <details class="mail-text"><summary>Plain-text part</summary><pre>${m.text}</pre></details>`;

export async function renderOutbox(view) {
  setHtml(view, html`<div class="page-head"><h1 tabindex="-1">Outbox</h1></div>
    <p class="lead">Emails to customers, newest first.</p>
    <div class="mail-layout">
      <section class="panel" aria-label="Emails"><div data-list><p class="loading" role="status">Loading emails…</p></div></section>
      <section class="panel mail-message" aria-labelledby="mail-h" data-message hidden></section>
    </div>`);
  const list = view.querySelector('[data-list]');
  const message = view.querySelector('[data-message]');
  let mails = [];
  let shown = null; // { id, status } of the email open on the right

  async function show(id) {
    setHtml(list, listHtml(mails, id));
    message.hidden = false;
    setHtml(message, html`<p class="loading" role="status">Loading the email…</p>`);
    try {
      const mail = await getOutboxMessage(id);
      setHtml(message, messageHtml(mail));
      shown = { id, status: mail.status };
      // The list row may be older than the email it opened (Queued when listed, sent since): bring it up to date.
      const listed = mails.find((m) => m.id === id);
      if (listed && listed.status !== mail.status) {
        Object.assign(listed, { status: mail.status, error: mail.error, sentAt: mail.sentAt });
        setHtml(list, listHtml(mails, id));
        list.querySelector(`[data-mail="${CSS.escape(id)}"]`)?.focus();
      }
      if (window.matchMedia('(max-width: 860px)').matches) message.scrollIntoView({ block: 'start' });
    } catch (err) {
      setHtml(message, html`<div class="alert alert-error" role="alert">${problemHtml(err.problem)}</div>`);
    }
  }

  // Unconfirmed: it may have arrived. Staff check with the customer first, then send a copy as a new email.
  message.addEventListener('click', async (e) => {
    const button = e.target.closest('[data-resend]');
    if (!button) return;
    const copy = await openDialog({
      title: 'Send this email again?',
      body: html`<p>It may already have reached ${who(mails.find((m) => m.id === button.dataset.resend) ?? { toAddress: 'the customer' })}. Check with the customer first:
        sending again makes a new email; this one stays as it is.</p>`,
      confirmLabel: 'Send again',
      onSubmit: () => resendOutboxMessage(button.dataset.resend),
    });
    if (!copy) return;
    toast('Sending again');
    await refresh();
    show(copy.id);
  });

  list.addEventListener('click', (e) => {
    const row = e.target.closest('[data-mail]');
    if (row) show(row.dataset.mail);
  });

  // While an email is still on its way, the list looks again every few seconds until it has gone (or failed).
  async function refresh() {
    if (!view.isConnected) return;
    const selected = list.querySelector('[aria-pressed="true"]')?.dataset.mail ?? null;
    const focused = list.contains(document.activeElement) ? document.activeElement.closest('[data-mail]')?.dataset.mail : null;
    try {
      mails = await listOutbox();
      setHtml(list, listHtml(mails, selected));
      if (focused) list.querySelector(`[data-mail="${CSS.escape(focused)}"]`)?.focus();
    } catch (err) {
      setHtml(list, html`<div class="alert alert-error" role="alert">${problemHtml(err.problem)}</div>`);
      return;
    }
    // The open email went out (or failed) since it was opened: show it as it is now.
    const current = shown && mails.find((m) => m.id === shown.id);
    if (current && current.status !== shown.status && !message.contains(document.activeElement)) await show(shown.id);
    if (mails.some((m) => m.status === 'Queued' || m.status === 'Sending')) setTimeout(refresh, 5000);
  }
  await refresh();
}
