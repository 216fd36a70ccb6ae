// Photos panel of the job page: thumbnails, a viewer with Delete, and uploads from a phone camera or files.
// Each file goes up on its own request, so one bad file does not cost the others and the progress is per photo.
import { html, raw, plural, formatDateTime, problemHtml, toast, label } from './ui.js';
import { optionalReason, reasonBody } from './forms.js';
import { jobPhotoUrl, uploadJobPhotos } from './api.js';
import { photoFrame, viewPhotos } from './photos.js';

export const MAX_PHOTO_BYTES = 15 * 1024 * 1024;
const TYPES = 'JPEG, PNG, WebP or HEIC';
const canChange = (job) => !['Completed', 'Canceled', 'PickedUp'].includes(job.status);

/** The page's upload state, kept across re-renders of the job. */
export const newPhotoState = () => ({ uploading: null, problem: null });

const photoAlt = (i) => `Photo ${i + 1}`;
const caption = (p) => `Added ${formatDateTime(p.addedAt)} by ${p.addedBy || '—'}`;

function thumb(job, p, i) {
  return html`<li><button type="button" class="photo-thumb" id="photo-${p.id}" data-action="photo-view" data-id="${p.id}"
      title="${caption(p)}">${photoFrame({ src: jobPhotoUrl(job.id, p.id), alt: photoAlt(i) })}</button></li>`;
}

function progressText(up) {
  const which = up.count > 1 ? `photo ${up.index + 1} of ${up.count}` : 'photo';
  // All bytes sent: the server is checking and storing it.
  return up.fraction >= 1 ? `Saving ${which}…` : `Uploading ${which}… ${Math.round((up.fraction || 0) * 100)}%`;
}

function uploadHtml(up) {
  const off = up ? raw('disabled') : '';
  const busy = (id) => (up?.source === id ? raw('aria-busy="true"') : '');
  return html`<div class="photo-upload" data-group="photo-upload">
    <div class="photo-buttons">
      <label class="btn btn-primary file-btn camera-btn" ${busy('photo-camera')}><input type="file" class="file-input" id="photo-camera"
        accept="image/*" capture="environment" multiple data-photo-input ${off}>Take photo</label>
      <label class="btn file-btn" ${busy('photo-files')}><input type="file" class="file-input" id="photo-files"
        accept="image/*,.heic,.heif" multiple data-photo-input ${off}>Choose photos</label>
    </div>
    <p class="hint">${TYPES}, up to 15 MB each.</p>
    ${up && html`<div class="upload-progress" data-upload-progress>
      <p class="upload-text" role="status" data-upload-text>${progressText(up)}</p>
      <progress max="100" value="${Math.round((up.fraction || 0) * 100)}" aria-label="Upload progress"></progress>
    </div>`}
  </div>`;
}

export function photosHtml(job, state) {
  const photos = job.photos || [];
  const { problem } = state;
  return html`<section class="panel" id="photos" aria-labelledby="photos-h">
    <h2 id="photos-h" tabindex="-1">Photos</h2>
    <div class="alert alert-error" role="alert" data-photo-alert ${problem ? '' : raw('hidden')}>${problem && problemHtml(problem.problem, problem.leftover)}</div>
    ${photos.length
      ? html`<ul class="photo-grid" role="list">${photos.map((p, i) => thumb(job, p, i))}</ul>`
      : html`<p class="empty-inline">No photos yet.</p>`}
    ${canChange(job)
      ? uploadHtml(state.uploading)
      : html`<p class="hint hint-lock">This job is ${label(job.status).toLowerCase()}; its photos can't be changed.</p>`}
  </section>`;
}

/** What went wrong with one file, in words that say what to do. */
function fileProblem(err, file) {
  const name = file.name || 'The photo';
  if (err.status === 415) return { title: `${name} is not a photo JewelBench can keep.`, detail: `Choose a ${TYPES} image.` };
  if (err.status === 413) return { title: `${name} is too large.`, detail: 'Each photo can be up to 15 MB.' };
  const p = err.problem || {};
  return { ...p, title: `${name} was not added.`, detail: p.detail || p.title };
}

function showProgress(up) {
  const box = document.querySelector('#photos [data-upload-progress]');
  if (!box) return;
  box.querySelector('[data-upload-text]').textContent = progressText(up);
  box.querySelector('progress').value = Math.round(up.fraction * 100);
}

/** Upload the files picked in `input`, one request each; ctx is the job page's. */
export async function uploadPhotos(input, ctx) {
  const files = [...(input.files || [])];
  const inputId = input.id;
  input.value = '';
  const state = ctx.photoState;
  if (!files.length || state.uploading) return;
  state.problem = null;
  const problems = [];
  let added = 0;
  for (const [index, file] of files.entries()) {
    const up = { index, count: files.length, fraction: 0, source: inputId };
    state.uploading = up;
    ctx.render();
    if (file.size > MAX_PHOTO_BYTES) { problems.push(fileProblem({ status: 413 }, file)); continue; }
    try {
      const next = await ctx.send(() => uploadJobPhotos(ctx.job.id, [file], (f) => { up.fraction = f; showProgress(up); }));
      added += 1;
      ctx.update(next);
    } catch (err) {
      problems.push(fileProblem(err, file));
      // A refusal of this one file: go on with the others. Anything else (a conflict, no connection): stop.
      if (![400, 413, 415].includes(err.status)) break;
    }
  }
  state.uploading = null;
  if (problems.length === 1) state.problem = { problem: problems[0], leftover: [] };
  else if (problems.length > 1) {
    state.problem = {
      problem: { title: `${plural(problems.length, 'photo')} could not be added.` },
      leftover: problems.map((p) => `${p.title} ${p.detail || ''}`.trim()),
    };
  }
  ctx.render({ id: inputId });
  if (added) toast(`${plural(added, 'photo')} added`);
  if (problems.length) document.querySelector('#photos [data-photo-alert]')?.scrollIntoView({ block: 'nearest' });
}

const deletePhoto = (ctx, photo) => ctx.dialogWrite({
  title: 'Delete this photo?',
  body: html`<div class="photo-confirm">${photoFrame({ src: photo.src, alt: photo.alt, lazy: false })}</div>
    <p>${photo.alt} is removed from ${ctx.job.id}. This is recorded in its history.</p>${optionalReason('photo-reason')}`,
  confirmLabel: 'Delete photo', danger: true,
}, (v) => ['DELETE', `/photos/${encodeURIComponent(photo.id)}`, reasonBody(v)], { success: 'Photo deleted', focus: 'photos-h' });

export const photoActions = {
  'photo-view': (btn, ctx) => {
    const job = ctx.job;
    const photos = (job.photos || []).map((p, i) => ({ id: p.id, src: jobPhotoUrl(job.id, p.id), alt: photoAlt(i), caption: caption(p) }));
    const index = photos.findIndex((p) => p.id === btn.dataset.id);
    if (index < 0) return;
    viewPhotos({
      photos, index, title: 'Photo',
      onDelete: canChange(job) ? (photo) => deletePhoto(ctx, photo) : undefined,
    });
  },
};
