// Workshop monitor (#/monitor): the read-only board for a wall screen. It follows the live board feed and
// only redraws when the board changed, so the screen does not flicker.
import { html, setHtml, problemHtml } from './ui.js';
import { lanesHtml, bindThumbs } from './board.js';
import { watchBoard } from './board-feed.js';
import { session } from './session.js';

const clock = (d) => d.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

export async function renderMonitor(view) {
  setHtml(view, html`<div class="page-head monitor-head">
      <h1 tabindex="-1">${session()?.shopName || 'Workshop'} — bench</h1>
      <p class="monitor-updated" role="status" aria-live="off" data-updated>Loading…</p>
    </div>
    <div class="alert alert-error" role="alert" hidden data-alert></div>
    <div class="monitor-body" data-body><p class="loading">Loading board…</p></div>`);
  const body = view.querySelector('[data-body]');
  const updated = view.querySelector('[data-updated]');
  const alertEl = view.querySelector('[data-alert]');
  const stamp = () => {
    const now = new Date();
    updated.textContent = `Updated ${clock(now)}`;
    updated.title = now.toLocaleString();
  };
  await new Promise((firstBoard) => {
    watchBoard(view, (data) => {
      setHtml(body, lanesHtml(data, { readOnly: true }));
      bindThumbs(body);
      firstBoard();
    }, (err) => {
      // Keep the last good board on screen and say the refresh failed.
      setHtml(alertEl, problemHtml({ title: 'Could not refresh the board', detail: err.message }));
      alertEl.hidden = false;
      firstBoard();
    }, { onChecked: () => { alertEl.hidden = true; stamp(); } });
  });
}
