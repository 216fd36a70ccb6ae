// Images panel of a style page: thumbnails opening a viewer with Remove, and uploads from a phone camera or files.
// Each file goes up on its own request, so one bad file does not cost the others and progress is per image.
import { uploadStyleImages, removeStyleImage, styleImageUrl } from './api.js';
import { html, raw, setHtml, plural, problemHtml, toast, openDialog } from './ui.js';
import { optionalReason } from './forms.js';
import { photoFrame, bindPhotos, viewPhotos } from './photos.js';
import { MAX_PHOTO_BYTES } from './job-photos.js';

const TYPES = 'JPEG, PNG, WebP or HEIC';
const alt = (style, i) => `${style.code} image ${i + 1}`;

function problemOf(err, file) {
  const name = file.name || 'The image';
  if (err.status === 415) return `${name} is not an image JewelBench can keep. Choose a ${TYPES} image.`;
  if (err.status === 413) return `${name} is too large: each image can be up to 15 MB.`;
  return `${name} was not added: ${err.problem?.detail || err.problem?.title || err.message}`;
}

/** Draws into `box`; owner: { style, changed(answer) } where answer is the API's { data, etag }. */
export function imagesPanel(box, owner) {
  let uploading = null;
  let problems = [];

  function refresh(focusId) {
    const style = owner.style;
    const imgs = style.images || [];
    const off = uploading ? raw('disabled') : '';
    setHtml(box, html`<section class="panel" id="images" aria-labelledby="images-h">
      <h2 id="images-h" tabindex="-1">Images</h2>
      <div class="alert alert-error" role="alert" ${problems.length ? '' : raw('hidden')}>${problems.length === 1
        ? problemHtml({ title: problems[0] })
        : problemHtml({ title: `${plural(problems.length, 'image')} could not be added.` }, problems)}</div>
      ${imgs.length
        ? html`<ul class="photo-grid" role="list">${imgs.map((im, i) => html`<li><button type="button" class="photo-thumb" id="image-${im.id}"
            data-image="${im.id}" aria-label="View ${alt(style, i)}">${photoFrame({ src: styleImageUrl(style.id, im.id), alt: alt(style, i) })}</button></li>`)}</ul>`
        : html`<p class="empty-inline">No images yet. Every piece of a batch gets the style’s images.</p>`}
      <div class="photo-upload">
        <div class="photo-buttons">
          <label class="btn btn-primary file-btn camera-btn"><input type="file" class="file-input" id="style-camera" accept="image/*"
            capture="environment" multiple data-image-input ${off}>Take photo</label>
          <label class="btn file-btn"><input type="file" class="file-input" id="style-files" accept="image/*,.heic,.heif" multiple
            data-image-input ${off}>Choose images</label>
        </div>
        <p class="hint">${TYPES}, up to 15 MB each.</p>
        ${uploading && html`<p class="upload-text" role="status">${uploading}</p>`}
      </div>
    </section>`);
    bindPhotos(box);
    if (focusId) box.querySelector(`#${CSS.escape(focusId)}`)?.focus();
  }

  async function upload(input) {
    const files = [...(input.files || [])];
    const inputId = input.id;
    input.value = '';
    if (!files.length || uploading) return;
    problems = [];
    let added = 0;
    for (const [i, file] of files.entries()) {
      const which = files.length > 1 ? `image ${i + 1} of ${files.length}` : 'image';
      uploading = `Uploading ${which}…`;
      refresh();
      if (file.size > MAX_PHOTO_BYTES) { problems.push(problemOf({ status: 413 }, file)); continue; }
      try {
        const answer = await uploadStyleImages(owner.style.id, [file], (f) => {
          const text = box.querySelector('.upload-text');
          if (text) text.textContent = f >= 1 ? `Saving ${which}…` : `Uploading ${which}… ${Math.round(f * 100)}%`;
        });
        owner.changed(answer);
        added += 1;
      } catch (err) {
        problems.push(problemOf(err, file));
        if (![400, 413, 415].includes(err.status)) break;
      }
    }
    uploading = null;
    refresh(inputId);
    if (added) toast(`${plural(added, 'image')} added`);
  }

  async function remove(image, index) {
    const style = owner.style;
    const done = await openDialog({
      title: 'Remove this image?',
      body: html`<div class="photo-confirm">${photoFrame({ src: styleImageUrl(style.id, image.id), alt: alt(style, index), lazy: false })}</div>
        <p>${alt(style, index)} is removed from the style. Pieces already made keep their copy.</p>${optionalReason('image-reason')}`,
      confirmLabel: 'Remove image', danger: true,
      onSubmit: (v) => removeStyleImage(style.id, image.id, v.reason),
    });
    if (!done) return;
    owner.changed(done);
    problems = [];
    refresh();
    box.querySelector('#images-h').focus();
    toast('Image removed');
  }

  box.addEventListener('change', (e) => { if (e.target.matches('[data-image-input]')) upload(e.target); });
  box.addEventListener('click', (e) => {
    const btn = e.target.closest('[data-image]');
    if (!btn) return;
    const style = owner.style;
    const photos = style.images.map((im, i) => ({ id: im.id, src: styleImageUrl(style.id, im.id), alt: alt(style, i), caption: '' }));
    viewPhotos({
      photos, index: photos.findIndex((p) => p.id === btn.dataset.image), title: 'Image',
      onDelete: (p) => remove(style.images.find((im) => im.id === p.id), photos.indexOf(p)),
    });
  });
  return { refresh: () => refresh() };
}
