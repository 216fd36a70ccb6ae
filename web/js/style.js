// A style's page (#/styles/{id}) and a new style (#/styles/new, #/styles/new?origin=Vendor): its details, its bill of
// materials (saved together with "Save style"), images, history and — for a manufacturer — starting a batch from it.
import { getStyle, createStyle, editStyle, getStyleHistory, getShop, listProcesses } from './api.js';
import { html, raw, setHtml, showProblem, hideAlert, clearErrors, checkRequired, withBusy, toast, problemHtml, pageAlert, badge } from './ui.js';
import { field, selectField } from './forms.js';
import { timelineHtml, historyPanelHtml } from './history.js';
import { bomEditor, linesOf, bomBody } from './style-bom.js';
import { imagesPanel } from './style-images.js';
import { batchPanel } from './style-batch.js';
import { session } from './session.js';

const CONFLICT = 'This style was changed by someone else; showing the latest — please redo your change.';
const CATEGORIES = ['Rings', 'Earrings', 'Pendants', 'Necklaces', 'Bracelets', 'Brooches', 'Chains'];
const FIELDS = ['code', 'name', 'category', 'origin', 'vendor', 'notes', 'processId', 'active'];

function detailsHtml(style, processes) {
  const s = style || { origin: new URLSearchParams(location.hash.split('?')[1] || '').get('origin') === 'Vendor' ? 'Vendor' : 'MyDesign', active: true };
  const radio = (value, text, hint) => html`<label class="choice"><input type="radio" name="origin" value="${value}" ${s.origin === value ? raw('checked') : ''}>
    <span><span class="choice-title">${text}</span> <span class="choice-hint">${hint}</span></span></label>`;
  const processOptions = processes && [['', 'None'], ...processes.map((p) => [p.id, p.name]),
    ...(s.processId && !processes.some((p) => p.id === s.processId) ? [[s.processId, `${s.processId} (no longer offered)`]] : [])];
  return html`<form id="style-form" novalidate aria-labelledby="details-h">
    <h2 id="details-h" tabindex="-1">Details</h2>
    <div class="alert alert-error" role="alert" hidden></div>
    <div class="form-grid">
      ${field({ id: 'sf-code', name: 'code', text: 'Code', value: s.code, required: true, attrs: 'maxlength="40" autocomplete="off" placeholder="e.g. ER-104" spellcheck="false"' })}
      ${field({ id: 'sf-category', name: 'category', text: 'Category', value: s.category, required: true, attrs: 'maxlength="60" list="style-categories" autocomplete="off"' })}
      <div class="span-all">${field({ id: 'sf-name', name: 'name', text: 'Name', value: s.name, required: true, attrs: 'maxlength="120" autocomplete="off" placeholder="e.g. Bezel stud"' })}</div>
      <datalist id="style-categories">${CATEGORIES.map((c) => html`<option value="${c}"></option>`)}</datalist>
      <fieldset class="fieldset span-all origin-choice"><legend>Origin</legend>
        <div class="choice-row">${radio('MyDesign', 'My Design', 'A design the shop makes')}${radio('Vendor', 'Vendor', 'A style from a supplier’s catalog')}</div>
      </fieldset>
      <div class="span-all" data-vendor ${s.origin === 'Vendor' ? '' : raw('hidden')}>${field({ id: 'sf-vendor', name: 'vendor', text: 'Vendor name', value: s.vendor,
        required: true, disabled: s.origin !== 'Vendor', attrs: 'maxlength="80" autocomplete="off"' })}</div>
      ${processOptions ? html`<div class="span-all">${selectField({ id: 'sf-process', name: 'processId', text: 'Process (stages of a batch)', options: processOptions, value: s.processId || '' })}</div>` : ''}
      <div class="span-all">${field({ id: 'sf-notes', name: 'notes', text: 'Notes', type: 'textarea', value: s.notes, attrs: 'maxlength="1000"' })}</div>
      <div class="span-all">${field({ id: 'sf-active', name: 'active', text: 'Active', type: 'checkbox', value: s.active !== false,
        hint: 'Untick to retire the style: no new batches are made from it.' })}</div>
      ${style && html`<div class="span-all">${field({ id: 'sf-reason', name: 'reason', text: 'Reason for the change (optional)', hint: 'Kept in the style’s history.' })}</div>`}
    </div>
  </form>`;
}

/** The form's values; radio buttons are read as one field. */
function readForm(form) {
  const e = form.elements;
  const text = (name) => e[name] && !e[name].disabled ? e[name].value.trim() : undefined;
  return {
    code: text('code'), name: text('name'), category: text('category'), origin: e.origin.value, vendor: text('vendor') ?? null,
    notes: text('notes') || null, processId: e.processId ? e.processId.value || null : undefined, active: e.active.checked, reason: text('reason'),
  };
}

export async function renderStyle(view, id) {
  const isNew = id === 'new';
  setHtml(view, html`<p class="loading" role="status">Loading style…</p>`);
  let style = null;
  let etag = null;
  const [loaded, shopAnswer, processAnswer] = await Promise.allSettled([isNew ? null : getStyle(id), getShop(), listProcesses()]);
  if (loaded.status === 'rejected') {
    const err = loaded.reason;
    setHtml(view, err.status === 404
      ? html`<section class="empty-state page-empty"><h1 tabindex="-1">Style not found</h1><p>There is no style <strong>${id}</strong>.</p>
          <p><a class="btn" href="#/styles">Back to the styles</a></p></section>`
      : html`<p class="back"><a href="#/styles">← Styles</a></p><h1 tabindex="-1">Style ${id}</h1>
          <div class="alert alert-error" role="alert">${problemHtml(err.problem)}</div>`);
    return;
  }
  if (!isNew) ({ data: style, etag } = loaded.value);
  const shop = shopAnswer.status === 'fulfilled' ? shopAnswer.value.data : null;
  const processes = processAnswer.status === 'fulfilled' && Array.isArray(processAnswer.value) ? processAnswer.value : null;
  const cur = shop?.currency || session()?.currency || 'USD';
  let dirty = false;

  setHtml(view, html`<p class="back"><a href="#/styles">← Styles</a></p>
    <div class="page-head"><div class="style-head"><h1 tabindex="-1" data-title></h1><p class="job-badges" data-badges></p></div></div>
    <div data-alert-slot></div>
    <div class="job-grid style-layout">
      <div class="job-main">
        <section class="panel" data-details></section>
        <section class="panel" id="bom" aria-labelledby="bom-h" data-bom></section>
        <div class="save-bar">
          <p class="save-state" role="status" data-dirty></p>
          <a class="btn" href="#/styles">${isNew ? 'Cancel' : 'Back'}</a>
          <button type="submit" class="btn btn-primary" form="style-form" data-save>${isNew ? 'Create style' : 'Save style'}</button>
        </div>
      </div>
      <aside class="job-side" aria-label="Images and batches"><div data-images></div><div data-batch></div></aside>
    </div>
    ${isNew ? '' : historyPanelHtml('style-history-h')}`);
  const alertEl = pageAlert();
  view.querySelector('[data-alert-slot]').replaceWith(alertEl);
  const detailsBox = view.querySelector('[data-details]');
  const dirtyEl = view.querySelector('[data-dirty]');
  const markDirty = (on) => { dirty = on; dirtyEl.textContent = on ? 'Unsaved changes' : ''; batch?.refresh(); };

  const drawHead = () => {
    view.querySelector('[data-title]').textContent = style ? `${style.code} ${style.name}` : 'New style';
    setHtml(view.querySelector('[data-badges]'), style ? html`${badge(style.origin === 'Vendor' ? `Vendor: ${style.vendor}` : 'My Design', style.origin === 'Vendor' ? 'outside' : 'kind-material')}
      ${badge(style.category, 'module')}${style.active === false ? badge('Retired', 'status-canceled') : ''}` : '');
    document.title = `${style ? style.code : 'New style'} · JewelBench`;
  };
  let form;
  const drawDetails = () => {
    setHtml(detailsBox, detailsHtml(style, processes));
    form = detailsBox.querySelector('form');
    form.addEventListener('input', () => markDirty(true));
    form.addEventListener('change', (e) => {
      markDirty(true);
      if (e.target.name !== 'origin') return;
      const vendor = form.querySelector('[data-vendor]');
      vendor.hidden = e.target.value !== 'Vendor';
      form.elements.vendor.disabled = vendor.hidden;
    });
    form.addEventListener('submit', (e) => { e.preventDefault(); save(e.submitter || view.querySelector('[data-save]')); });
  };
  const bom = bomEditor(view.querySelector('[data-bom]'), linesOf(style), { currency: cur, formId: 'style-form', onChange: () => markDirty(true) });

  async function loadHistory() {
    const box = view.querySelector('[data-history]');
    if (!box || !style) return;
    try { setHtml(box, timelineHtml(await getStyleHistory(style.id))); } catch (err) {
      setHtml(box, html`<p class="hint">History is unavailable right now (${err.message}).</p>`);
    }
  }

  // Image changes answer with the whole style: keep its new version, leave unsaved edits of the form alone.
  const images = style && imagesPanel(view.querySelector('[data-images]'), {
    get style() { return style; },
    changed(answer) { style = { ...style, images: answer.data.images, version: answer.data.version }; etag = answer.etag || etag; loadHistory(); },
  });
  const batch = style && batchPanel(view.querySelector('[data-batch]'), { get style() { return style; }, shop, currency: cur, isDirty: () => dirty });

  async function save(button) {
    hideAlert(alertEl);
    const formAlert = form.querySelector('[role="alert"]');
    hideAlert(formAlert);
    clearErrors(form);
    if (!checkRequired(form)) { showProblem(formAlert, { title: 'Please fill in the highlighted fields.' }); return; }
    const v = readForm(form);
    let body;
    if (isNew) {
      body = { ...Object.fromEntries(FIELDS.map((f) => [f, v[f]])), bom: bom.body() };
    } else {
      // Only what changed goes out, so the history shows just those fields.
      body = Object.fromEntries(FIELDS.filter((f) => v[f] !== undefined && String(v[f] ?? '') !== String(style[f] ?? '')).map((f) => [f, v[f]]));
      if (JSON.stringify(bom.body()) !== JSON.stringify(bomBody(linesOf(style)))) body.bom = bom.body();
      if (!Object.keys(body).length) { toast('Nothing to save', 'info'); markDirty(false); return; }
      if (v.reason) body.reason = v.reason;
    }
    try {
      const answer = await withBusy(button, () => (isNew ? createStyle(body) : editStyle(style.id, body, etag)));
      if (isNew) {
        toast(`Style ${answer.data.code} created — add its images`);
        location.replace(`#/styles/${encodeURIComponent(answer.data.id)}`);
        return;
      }
      ({ data: style } = answer);
      etag = answer.etag || etag;
      drawAll();
      markDirty(false);
      toast('Style saved');
      loadHistory();
    } catch (err) {
      if (err.status === 412) {
        try { ({ data: style, etag } = await getStyle(style.id)); } catch { /* keep what is shown */ }
        drawAll();
        markDirty(false);
        showProblem(alertEl, { title: CONFLICT });
        alertEl.scrollIntoView({ block: 'nearest' });
        loadHistory();
      } else {
        showProblem(formAlert, err.problem, form);
        if (!form.querySelector('[aria-invalid="true"]')) formAlert.scrollIntoView({ block: 'nearest' });
      }
    }
  }

  function drawAll() {
    drawHead();
    drawDetails();
    bom.reset(linesOf(style));
    images?.refresh();
    batch?.refresh();
  }

  drawHead();
  drawDetails();
  images?.refresh();
  batch?.refresh();
  loadHistory();
}
