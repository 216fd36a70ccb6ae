// Picks a stone or material from inventory: search as you type (SKU, name, attributes), each match showing what is
// on hand, its unit and unit cost. The choice goes into a hidden `materialId` field of the surrounding form.
import { listMaterials } from './api.js';
import { html, setHtml, money } from './ui.js';

const number = (n) => Number(n ?? 0).toLocaleString('en-US', { maximumFractionDigits: 4 });
export const stockText = (m, cur) => `${number(m.onHand)} ${m.unit} on hand · ${money(m.unitCost, cur)} / ${m.unit}`;

/** Markup for a picker; `prefix` keeps its ids apart from other pickers on the page. */
export function materialPickerHtml(prefix, { text = 'Find material', hint = 'Type a SKU, name, shape or metal.' } = {}) {
  return html`<div class="material-picker" data-material-picker="${prefix}">
    <input type="hidden" name="materialId" value="">
    <div data-chosen hidden></div>
    <div class="field" data-finder>
      <label for="${prefix}-find">${text}</label>
      <input type="search" id="${prefix}-find" autocomplete="off" aria-describedby="${prefix}-find-hint" aria-controls="${prefix}-results">
      <p class="hint" id="${prefix}-find-hint">${hint}</p>
      <p class="visually-hidden" role="status" data-found></p>
      <ul class="pick-list" id="${prefix}-results" role="list" aria-label="Matching materials" data-results></ul>
    </div>
  </div>`;
}

/**
 * Wires the picker `prefix` inside `root`. onChange(material|null) runs when the choice changes.
 * Returns { chosen, clear() }.
 */
export function bindMaterialPicker(root, prefix, { currency = 'USD', onChange = () => {} } = {}) {
  const box = root.querySelector(`[data-material-picker="${CSS.escape(prefix)}"]`);
  const hidden = box.querySelector('input[name="materialId"]');
  const finder = box.querySelector('[data-finder]');
  const chosenBox = box.querySelector('[data-chosen]');
  const find = box.querySelector(`#${CSS.escape(prefix)}-find`);
  const results = box.querySelector('[data-results]');
  const found = box.querySelector('[data-found]');
  let chosen = null;
  let shown = [];
  let seq = 0;
  let timer;

  function choose(m, { focus = true } = {}) {
    chosen = m;
    hidden.value = m ? m.id : '';
    finder.hidden = Boolean(m);
    chosenBox.hidden = !m;
    if (m) {
      setHtml(chosenBox, html`<div class="chosen-material">
        <p><strong>${m.sku} ${m.name}</strong> <span class="hint">${stockText(m, currency)}</span></p>
        <button type="button" class="btn btn-sm" data-change aria-label="Change material (${m.sku} ${m.name})">Change</button></div>`);
      chosenBox.querySelector('[data-change]').addEventListener('click', () => { choose(null); find.focus(); search(); });
      if (focus) chosenBox.querySelector('[data-change]').focus();
    } else {
      chosenBox.textContent = '';
    }
    onChange(m);
  }

  async function search() {
    const mine = ++seq;
    const q = find.value.trim();
    try {
      const list = await listMaterials({ q });
      if (mine !== seq || chosen) return;
      // A scrap SKU takes what a stage recovers; it is never picked for a line of its own.
      shown = (Array.isArray(list) ? list : []).filter((m) => !m.scrapOf).slice(0, 8);
      setHtml(results, shown.map((m) => html`<li><button type="button" class="pick" data-pick="${m.id}">
        <span class="pick-name">${m.sku} ${m.name}</span> <span class="pick-contact">${stockText(m, currency)}</span></button></li>`));
      found.textContent = shown.length ? `${shown.length} matching` : (q ? 'No material matches.' : 'No materials in inventory yet.');
      if (!shown.length) setHtml(results, html`<li class="empty-inline">${q ? `No material matches “${q}”.` : 'No materials in inventory yet.'}</li>`);
    } catch (err) {
      if (mine === seq) setHtml(results, html`<li class="field-error">Cannot search materials: ${err.message}</li>`);
    }
  }

  find.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(search, 250); });
  find.addEventListener('focus', () => { if (!results.children.length) search(); }, { once: true });
  find.addEventListener('keydown', (e) => {
    // Enter picks the only match instead of sending the form.
    if (e.key === 'Enter') { e.preventDefault(); if (shown.length === 1) choose(shown[0]); }
  });
  results.addEventListener('click', (e) => {
    const b = e.target.closest('[data-pick]');
    const m = b && shown.find((x) => x.id === b.dataset.pick);
    if (m) choose(m);
  });

  return {
    get chosen() { return chosen; },
    clear() { find.value = ''; setHtml(results, ''); shown = []; choose(null, { focus: false }); },
  };
}
