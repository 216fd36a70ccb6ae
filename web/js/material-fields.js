// What the materials pages share: quantities with their unit, a material's attributes in a line, and the
// fields of the add and edit dialogs (the kind decides whether stone or metal fields show).
import { html, badge } from './ui.js';
import { field, selectField } from './forms.js';

export const KINDS = ['Stone', 'Metal', 'Other'];
const UNITS = [['pcs', 'pcs (pieces)'], ['ct', 'ct (carats)'], ['g', 'g (grams)'], ['dwt', 'dwt (pennyweight)']];
const STONE = ['shape', 'size', 'color', 'clarity'];
const METAL = ['metal', 'karat'];

export const quantity = (n) => Number(n ?? 0).toLocaleString('en-US', { maximumFractionDigits: 4 });
export const amount = (n, unit) => `${quantity(n)} ${unit || ''}`.trim();
/** "+3", "−2" (a real minus sign), "0". */
export const signed = (n) => (Number(n) > 0 ? `+${quantity(n)}` : Number(n) < 0 ? `−${quantity(-n)}` : '0');

export function attributes(m) {
  if (m.stone) return [m.stone.shape, m.stone.size, m.stone.color, m.stone.clarity].filter(Boolean).join(' · ');
  if (m.metal) return [m.metal.metal, m.metal.karat].filter(Boolean).join(' ');
  return '';
}

/** Scrap SKUs are always at zero: they are never "low". */
export const isLow = (m) => Boolean(m.isLow && !m.scrapOf);
export const lowBadge = (m) => (isLow(m) ? badge('Low', 'low') : '');

const money = 'min="0" step="0.01" inputmode="decimal"';
const decimal = 'min="0" step="any" inputmode="decimal"';

/**
 * The material's fields. Editing leaves out the opening stock (on-hand changes through Receive and Count), and
 * locks kind and unit once stock has moved, as the server does.
 */
export function materialFields(prefix, m = null) {
  const kind = m?.kind || 'Stone';
  const moved = Boolean(m && m.ledgerSeq > 0);
  const id = (name) => `${prefix}-${name}`;
  return html`<div class="form-grid">
    ${selectField({ id: id('kind'), name: 'kind', text: 'Kind', options: KINDS, value: kind, disabled: moved })}
    ${selectField({ id: id('unit'), name: 'unit', text: 'Unit', options: UNITS, value: m?.unit || 'pcs', disabled: moved })}
    ${moved && html`<p class="hint span-all">Kind and unit are fixed once stock has moved.</p>`}
    <div class="span-all">${field({ id: id('name'), name: 'name', text: 'Name', value: m?.name, required: true,
      attrs: 'autocomplete="off" maxlength="120" placeholder="e.g. Round sapphire 3 mm"' })}</div>
    ${field({ id: id('sku'), name: 'sku', text: 'SKU', value: m?.sku, attrs: 'autocomplete="off" maxlength="40"',
      hint: m ? '' : 'Leave blank to use the material number.' })}
    ${field({ id: id('location'), name: 'location', text: 'Location', value: m?.location, attrs: 'autocomplete="off" maxlength="60" placeholder="e.g. Safe, drawer 2"' })}
    ${field({ id: id('unitCost'), name: 'unitCost', text: 'Unit cost', type: 'number', value: m?.unitCost ?? '', attrs: money })}
    ${field({ id: id('reorderPoint'), name: 'reorderPoint', text: 'Reorder point', type: 'number', value: m?.reorderPoint ?? '', attrs: decimal,
      hint: 'Shown as low stock at or below this.' })}
    ${!m && field({ id: id('onHand'), name: 'onHand', text: 'Opening stock', type: 'number', attrs: decimal,
      hint: 'What is in stock now; recorded as the first receipt.' })}
    <fieldset class="fieldset span-all form-grid kind-fields" data-kind-part="Stone">
      <legend>Stone</legend>
      ${STONE.map((name) => field({ id: id(name), name, text: name[0].toUpperCase() + name.slice(1), value: m?.stone?.[name],
        attrs: `autocomplete="off" maxlength="40" placeholder="${{ shape: 'Round', size: '3 mm', color: 'Blue', clarity: 'VS1' }[name]}"` }))}
    </fieldset>
    <fieldset class="fieldset span-all form-grid kind-fields" data-kind-part="Metal">
      <legend>Metal</legend>
      ${field({ id: id('metal'), name: 'metal', text: 'Metal', value: m?.metal?.metal, required: true, attrs: 'autocomplete="off" maxlength="40" placeholder="e.g. Yellow gold"' })}
      ${field({ id: id('karat'), name: 'karat', text: 'Karat or fineness', value: m?.metal?.karat, attrs: 'autocomplete="off" maxlength="20" placeholder="e.g. 14k, 925"' })}
    </fieldset>
  </div>`;
}

/** Shows the fields of the chosen kind; the others are disabled, so they are neither checked nor sent. */
export function bindKind(form) {
  const apply = () => {
    const kind = form.elements.kind.value;
    form.querySelectorAll('[data-kind-part]').forEach((part) => {
      const on = part.dataset.kindPart === kind;
      part.hidden = !on;
      part.querySelectorAll('input').forEach((el) => { el.disabled = !on; });
    });
  };
  form.elements.kind.addEventListener('change', apply);
  apply();
}

/** The request body for a new material: blank fields left out. */
export function newMaterialBody(v) {
  return Object.fromEntries(Object.entries(v).filter(([, value]) => value !== null && value !== ''));
}

/** What an edit changed; the kind is read from the material when its select is locked (disabled). */
export function materialPatch(m, v) {
  const current = {
    kind: m.kind, unit: m.unit, name: m.name, sku: m.sku, location: m.location ?? '', unitCost: m.unitCost, reorderPoint: m.reorderPoint,
    ...Object.fromEntries(STONE.map((n) => [n, m.stone?.[n] ?? ''])), ...Object.fromEntries(METAL.map((n) => [n, m.metal?.[n] ?? ''])),
  };
  const patch = {};
  for (const [name, value] of Object.entries(v)) {
    if (name === 'reason' || !(name in current)) continue;
    if (String(value ?? '') !== String(current[name] ?? '')) patch[name] = value ?? (name === 'location' || name === 'sku' ? '' : 0);
  }
  // A changed kind needs its attributes sent with it, even those that were typed before the switch.
  if (patch.kind) for (const n of patch.kind === 'Stone' ? STONE : patch.kind === 'Metal' ? METAL : []) if (v[n]) patch[n] = v[n];
  return patch;
}
