// Workshop monitor (#/monitor): the read-only board for a wall screen. It refreshes itself every
// 30 seconds and only redraws when the board changed, so the screen does not flicker.
import { getBoard } from './api.js';
import { html, setHtml, problemHtml } from './ui.js';
import { lanesHtml, bindThumbs } from './board.js';
import { session } from './session.js';

const REFRESH_MS = 30_000;
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
  let last = '';
  let timer = 0;

  async function refresh() {
    // A new page replaced this one: stop refreshing.
    if (!view.isConnected) { clearTimeout(timer); return; }
    try {
      const data = await getBoard();
      if (!view.isConnected) return;
      const next = JSON.stringify(data);
      if (next !== last) { setHtml(body, lanesHtml(data, { readOnly: true })); bindThumbs(body); last = next; }
      alertEl.hidden = true;
      const now = new Date();
      updated.textContent = `Updated ${clock(now)}`;
      updated.title = now.toLocaleString();
    } catch (err) {
      if (err.status === 401 || !view.isConnected) return; // the app shell takes over
      // Keep the last good board on screen and say the refresh failed.
      setHtml(alertEl, problemHtml({ title: 'Could not refresh the board', detail: err.message }));
      alertEl.hidden = false;
    }
    timer = setTimeout(refresh, REFRESH_MS);
  }
  await refresh();
}
