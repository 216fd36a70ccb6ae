// Photos shared by the job and stock pages: a thumbnail frame that says why an image is not showing
// (retrying while it is still being copied), and a <dialog> viewer with previous/next and an optional Delete.
import { html, setHtml, nextId } from './ui.js';

/**
 * A square frame for one photo. `retry` marks an image that may not exist yet (a stock photo the close-out
 * is still copying): it is loaded again a few times, with "Copying…" shown meanwhile.
 */
export const photoFrame = ({ src, alt, retry = false, lazy = true }) => html`<span class="photo-frame is-loading" data-frame>
    <img class="photo-img" src="${src}" alt="${alt}" ${lazy ? html`loading="lazy"` : ''} decoding="async"
      data-photo ${retry ? html`data-retry="${src}"` : ''}>
    <span class="photo-note" data-note>${retry ? 'Copying…' : 'Loading…'}</span>
  </span>`;

const RETRY_DELAYS = [1000, 1500, 2000, 3000, 4000, 5000, 6000, 8000];

function watch(img) {
  const frame = img.closest('[data-frame]');
  const note = frame?.querySelector('[data-note]');
  let tries = 0;
  const say = (text, cls) => {
    frame?.classList.remove('is-loading', 'is-pending', 'is-missing');
    if (cls) frame?.classList.add(cls);
    if (note) note.textContent = text;
  };
  img.addEventListener('load', () => say('', null));
  img.addEventListener('error', () => {
    if (!img.isConnected) return;
    const base = img.dataset.retry;
    if (base && tries < RETRY_DELAYS.length) {
      say('Copying…', 'is-pending');
      // A new address each time, so no cached "not found" answer comes back.
      setTimeout(() => { if (img.isConnected) img.src = `${base}?try=${++tries}`; }, RETRY_DELAYS[tries]);
    } else {
      say(base ? 'Not copied yet — reload to try again' : 'No preview', 'is-missing');
    }
  });
}

/** Wire up every photo frame under `root`, in the same task as the render (load events come later). */
export function bindPhotos(root) {
  root.querySelectorAll('img[data-photo]:not([data-bound])').forEach((img) => {
    img.dataset.bound = '';
    watch(img);
  });
}

/**
 * Show photos one at a time in a modal. photos: [{ id, src, alt, caption }]. With `onDelete`, a Delete button
 * closes the viewer and calls onDelete(photo). Resolves when closed.
 */
export function viewPhotos({ photos, index = 0, title = 'Photo', onDelete, retry = false }) {
  return new Promise((resolve) => {
    let at = Math.min(Math.max(0, index), photos.length - 1);
    const dlg = document.createElement('dialog');
    const titleId = nextId('photo-title');
    dlg.className = 'dialog photo-dialog';
    dlg.setAttribute('aria-labelledby', titleId);
    const many = photos.length > 1;
    setHtml(dlg, html`<div class="photo-dialog-inner">
      <h2 class="dialog-title" id="${titleId}" data-title></h2>
      <div class="photo-stage" data-stage></div>
      <p class="hint photo-caption" data-caption></p>
      <div class="dialog-actions photo-dialog-actions">
        ${many && html`<button type="button" class="btn" data-prev>← Previous</button>
          <button type="button" class="btn" data-next>Next →</button>`}
        <span class="spacer"></span>
        ${onDelete && html`<button type="button" class="btn btn-danger-outline" data-delete>Delete photo</button>`}
        <button type="button" class="btn btn-primary" data-close>Close</button>
      </div></div>`);
    document.body.append(dlg);
    let chosen = null;

    const show = () => {
      const p = photos[at];
      dlg.querySelector('[data-title]').textContent = many ? `${title} ${at + 1} of ${photos.length}` : title;
      setHtml(dlg.querySelector('[data-stage]'), photoFrame({ src: p.src, alt: p.alt, retry, lazy: false }));
      dlg.querySelector('[data-caption]').textContent = p.caption || '';
      bindPhotos(dlg);
    };
    const step = (d) => { at = (at + d + photos.length) % photos.length; show(); };
    dlg.querySelector('[data-prev]')?.addEventListener('click', () => step(-1));
    dlg.querySelector('[data-next]')?.addEventListener('click', () => step(1));
    dlg.querySelector('[data-close]').addEventListener('click', () => dlg.close());
    dlg.querySelector('[data-delete]')?.addEventListener('click', () => { chosen = photos[at]; dlg.close(); });
    dlg.addEventListener('keydown', (e) => {
      if (!many) return;
      if (e.key === 'ArrowLeft') { e.preventDefault(); step(-1); }
      if (e.key === 'ArrowRight') { e.preventDefault(); step(1); }
    });
    // A click on the backdrop (outside the inner box) closes it too.
    dlg.addEventListener('click', (e) => { if (e.target === dlg) dlg.close(); });
    dlg.addEventListener('close', () => {
      dlg.remove();
      resolve();
      if (chosen) onDelete(chosen);
    });
    show();
    dlg.showModal();
    dlg.querySelector('[data-close]').focus();
  });
}
