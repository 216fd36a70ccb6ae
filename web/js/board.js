// Board view: In Shop / In Progress / Ready for Pickup columns plus an On Hold strip.
// The lanes are shared with the read-only workshop monitor (monitor.js).
import { jobPhotoUrl, getBoard } from './api.js';
import { watchBoard } from './board-feed.js';
import { html, setHtml, badge, plural, problemHtml, formatDate } from './ui.js';
import { operationLine } from './job-operation.js';
import { placeText } from './job-location.js';
import { remindersButtonHtml, remindersPanelHtml, bindReminders } from './reminders-panel.js';

const COLUMNS = ['InShop', 'InProgress', 'ReadyForPickup'];
const EMPTY = {
  InShop: 'Nothing waiting in the shop.',
  InProgress: 'No jobs in progress right now.',
  ReadyForPickup: 'Nothing ready for pickup yet.',
  OnHold: 'No jobs on hold.',
};

function card(c, readOnly) {
  const days = Number(c.daysInLane) || 0;
  const where = c.location && typeof c.location === 'object' ? placeText(c.location)
    : (c.location === 'Bench' || c.location === 'Safe' ? placeText({ place: c.location }) : c.location);
  const body = html`<span class="card-top">
      <span class="job-no">${c.jobId}</span>
      ${c.module && badge(c.module, `module-${String(c.module).toLowerCase()}`)}
      ${c.rush && badge('RUSH', 'rush')}
      ${c.stuck != null && badge(`stuck ${c.stuck}d`, 'stuck')}
      ${c.unclaimed && badge(`unclaimed since ${formatDate(c.unclaimed)}`, 'stuck')}
    </span>
    <span class="card-title">${c.item || c.description}</span>
    ${c.customer && html`<span class="card-meta"><span class="visually-hidden">Customer: </span>${c.customer}</span>`}
    ${c.onHold !== false && c.holdReason && html`<span class="card-hold"><span class="visually-hidden">On hold: </span>${c.holdReason}</span>`}
    <span class="card-foot">
      ${where && html`<span class="card-location"><span class="visually-hidden">Location: </span>${where}</span>`}
      <span class="card-days">${plural(days, 'day')} in lane</span>
    </span>
    ${operationLine(c.operation) && html`<span class="card-op" role="status">${operationLine(c.operation)}</span>`}
    ${c.photoId && html`<img class="card-thumb" src="${jobPhotoUrl(c.jobId, c.photoId)}" alt="${c.description}"
      loading="lazy" decoding="async" width="64" height="64">`}`;
  const cls = `job-card ${c.rush ? 'is-rush' : ''} ${c.photoId ? 'has-photo' : ''}`;
  return readOnly
    ? html`<li><div class="${cls}">${body}</div></li>`
    : html`<li><a class="${cls}" href="#/jobs/${encodeURIComponent(c.jobId)}">${body}</a></li>`;
}

function lane(l, extraClass, readOnly) {
  const id = `lane-${l.lane}`;
  const cards = l.cards || [];
  return html`<section class="lane ${extraClass}" aria-labelledby="${id}">
    <h2 class="lane-title" id="${id}">${l.title}<span class="count"><span class="visually-hidden"> (</span>${cards.length}<span class="visually-hidden"> ${cards.length === 1 ? 'job' : 'jobs'})</span></span></h2>
    ${cards.length
      ? html`<ul class="cards" role="list">${cards.map((c) => card(c, readOnly))}</ul>`
      : html`<p class="lane-empty">${EMPTY[l.lane] || 'No jobs here.'}</p>`}
  </section>`;
}

/** The lanes of a board answer; `readOnly` drops the links and the "New job" hint (for the monitor). */
export function lanesHtml(data, { readOnly = false } = {}) {
  const lanes = data?.lanes || [];
  const byName = Object.fromEntries(lanes.map((l) => [l.lane, l]));
  const columns = COLUMNS.map((name) => byName[name] || { lane: name, title: name, cards: [] });
  const hold = byName.OnHold || { lane: 'OnHold', title: 'On Hold', cards: [] };
  const total = lanes.reduce((n, l) => n + (l.cards?.length || 0), 0);
  return html`
    ${total === 0 && html`<div class="empty-state"><p class="empty-title">The bench is clear.</p>
      <p>${readOnly ? 'No open jobs right now.' : html`No open jobs. Start one with <strong>New job</strong>.`}</p></div>`}
    <div class="lanes">${columns.map((l) => lane(l, '', readOnly))}</div>
    ${lane(hold, 'lane-hold', readOnly)}`;
}

/** A thumbnail that cannot be shown (a format this browser does not draw) leaves an empty square, not a broken icon. */
export function bindThumbs(root) {
  root.querySelectorAll('img.card-thumb').forEach((img) => img.addEventListener('error', () => img.classList.add('is-broken')));
}

export async function renderBoard(view) {
  setHtml(view, html`<div class="page-head">
      <h1 tabindex="-1">Board</h1>
      <div class="page-actions">
        <span class="live-note" data-live role="status" aria-live="off">Live</span>
        ${remindersButtonHtml()}
        <button type="button" class="btn btn-primary" data-new>New job</button>
      </div>
    </div>
    <div class="alert alert-error" role="alert" hidden data-alert></div>
    ${remindersPanelHtml()}
    <div class="board-body" aria-live="off"><p class="loading" role="status">Loading board…</p></div>`);
  view.querySelector('[data-new]').addEventListener('click', () => { location.hash = '#/new'; });
  const body = view.querySelector('.board-body');
  const alertEl = view.querySelector('[data-alert]');
  const live = view.querySelector('[data-live]');
  const reminders = bindReminders(view, {
    // A snooze shows on the board at once, not at the next poll.
    onChanged: async () => { try { const board = await getBoard(); redrawKeepingFocus(body, board); reminders.update(board); } catch { /* the next poll redraws */ } },
  });
  await new Promise((firstBoard) => {
    watchBoard(view, (board) => {
      redrawKeepingFocus(body, board);
      reminders.update(board);
      firstBoard();
    }, (err) => {
      setHtml(alertEl, problemHtml(err.problem));
      alertEl.hidden = false;
      live.textContent = 'Not updating';
      firstBoard();
    }, { onChecked: () => { alertEl.hidden = true; live.textContent = 'Live'; } });
  });
}

/** Another user's change redraws the lanes; the card that had focus gets it back. */
function redrawKeepingFocus(body, board) {
  const focused = document.activeElement?.closest?.('a[href]');
  const href = focused && body.contains(focused) ? focused.getAttribute('href') : null;
  setHtml(body, lanesHtml(board));
  bindThumbs(body);
  if (href) body.querySelector(`a[href="${CSS.escape(href)}"]`)?.focus({ preventScroll: true });
}
