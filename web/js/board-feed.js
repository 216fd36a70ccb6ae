// Live board: polls /api/board with the ETag of the board on screen; the server answers 304 (no body) until
// something shown changes, so every open board and monitor stays current without reloading.
import { getBoardIfChanged } from './api.js';

export const LIVE_MS = 5000;

/**
 * Calls onBoard(board) with the first board and each changed one, onChecked() after every poll that worked, and
 * onError(err) when one failed (the last board stays on screen). Stops when the view leaves the page; skips polls
 * while the tab is hidden.
 */
export function watchBoard(view, onBoard, onError, { onChecked = () => {}, intervalMs = LIVE_MS } = {}) {
  let etag = null;
  let timer = 0;
  async function poll() {
    if (!view.isConnected) return;
    if (!document.hidden || etag === null) {
      try {
        const answer = await getBoardIfChanged(etag);
        if (!view.isConnected) return;
        if (!answer.notModified) { etag = answer.etag; onBoard(answer.data); }
        onChecked();
      } catch (err) {
        if (err.status === 401 || !view.isConnected) return; // the app shell takes over
        onError(err);
      }
    }
    timer = setTimeout(poll, intervalMs);
  }
  poll();
  return () => clearTimeout(timer);
}
