// Where the piece physically is (on the bench, in the safe, out at a named vendor), and "Move piece…".
// Every move is in the job's history.
import { html } from './ui.js';
import { field, selectField } from './forms.js';

const PLACES = [['Bench', 'On the bench'], ['Safe', 'In the safe'], ['Vendor', 'Out at a vendor']];

/** "On the bench", "Out at Acme Casting". */
export function placeText(location) {
  if (!location?.place) return 'Not recorded';
  if (location.place === 'Vendor') return location.vendor ? `Out at ${location.vendor}` : 'Out at a vendor';
  return PLACES.find(([p]) => p === location.place)?.[1] || location.place;
}

export function locationHtml(job, open) {
  return html`<section class="panel" id="location" aria-labelledby="location-h">
    <h2 id="location-h" tabindex="-1">Location</h2>
    <p class="place"><span class="place-dot place-${String(job.location?.place || 'none').toLowerCase()}" aria-hidden="true"></span>
      <strong data-place>${placeText(job.location)}</strong></p>
    ${open && html`<p><button type="button" class="btn" id="move-piece" data-action="move-piece">Move piece…</button></p>`}
    <p class="hint">Every move is kept in the history below.</p>
  </section>`;
}

function bindVendor(form) {
  const place = form.elements.place;
  const vendor = form.elements.vendor;
  const sync = () => {
    const out = place.value === 'Vendor';
    vendor.closest('.field').hidden = !out;
    vendor.disabled = !out;
    vendor.required = out;
  };
  place.addEventListener('change', sync);
  sync();
}

export const locationActions = {
  'move-piece': (btn, ctx) => {
    const current = ctx.job.location || {};
    const next = current.place === 'Bench' ? 'Safe' : 'Bench';
    return ctx.dialogWrite({
      title: 'Move piece',
      body: html`<p>Now: <strong>${placeText(current)}</strong></p>
        ${selectField({ id: 'mv-place', name: 'place', text: 'Move to', options: PLACES, value: next })}
        ${field({ id: 'mv-vendor', name: 'vendor', text: 'Vendor', value: current.vendor || '', attrs: 'autocomplete="off" placeholder="e.g. Acme Casting"' })}
        ${field({ id: 'mv-reason', name: 'reason', text: 'Note (optional)', attrs: 'autocomplete="off" placeholder="e.g. Sent out for rhodium plating"' })}`,
      confirmLabel: 'Move piece',
      onOpen: bindVendor,
    }, (v) => ['POST', '/location', { place: v.place, vendor: v.place === 'Vendor' ? v.vendor : null, reason: v.reason || null }],
    { success: (job) => `Moved: ${placeText(job.location)}`, focus: 'location-h' });
  },
};
