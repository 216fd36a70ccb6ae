// The intake step of a repair or custom job: the customer signs on screen (finger, stylus or mouse) and is
// emailed an intake receipt. Strokes are kept in the page's state, so a re-render (an operation finishing,
// another write) redraws them instead of losing a half-done signature.
import { html, raw, time, toast, showProblem, hideAlert, withBusy } from './ui.js';
import { uploadSignature, signatureUrl } from './api.js';

const INK = '#1d1a16';
const PAPER = '#ffffff';
// Line art compresses well; capping the pixel ratio keeps a phone's PNG far under the server's 512 KB.
const MAX_SCALE = 2;

/** The page's signature state, kept across re-renders of the job. */
export const newSignatureState = () => ({ strokes: [], signing: false, problem: null, receiptTo: null });

const isOpen = (job) => !['Completed', 'Canceled', 'PickedUp'].includes(job.status);

function savedHtml(job, open) {
  const s = job.signature;
  return html`<figure class="signature-saved">
      <img src="${signatureUrl(job.id, s.takenAt)}" alt="Customer's signature" class="signature-img">
      <figcaption class="hint">Signed ${time(s.takenAt)}, taken by ${s.takenBy}</figcaption>
    </figure>
    ${open && html`<p class="link-actions"><button type="button" class="btn" id="signature-again" data-action="signature-again">Sign again</button></p>`}`;
}

function padHtml(job, state) {
  const empty = state.strokes.length === 0;
  return html`<p class="hint" id="signature-hint">The customer signs in the box with a finger, a stylus or the mouse.</p>
    <div class="signature-box"><canvas class="signature-pad" id="signature-pad" data-signature-pad
      role="img" aria-label="Signature pad" aria-describedby="signature-hint"></canvas></div>
    <p class="link-actions" data-group="signature">
      <button type="button" class="btn" id="signature-clear" data-action="signature-clear" ${empty ? raw('disabled') : ''}>Clear</button>
      <button type="button" class="btn btn-primary" id="signature-save" data-action="signature-save" ${empty ? raw('disabled') : ''}>Save signature</button>
      ${job.signature && html`<button type="button" class="btn" id="signature-cancel" data-action="signature-cancel">Keep the saved signature</button>`}
    </p>`;
}

function receiptHtml(job, customer, state, open) {
  if (!open) return '';
  const email = customer?.email;
  return html`<h3 class="pieces-h">Intake receipt</h3>
    <p class="hint" id="receipt-hint">${email
      ? `Emails ${email} the photos, the condition notes, the promised date and the status page link.`
      : 'The customer has no email address: add one to their record to email the receipt.'}</p>
    <p class="link-actions"><button type="button" class="btn" id="intake-receipt" data-action="intake-receipt"
      aria-describedby="receipt-hint" ${email ? '' : raw('disabled')}>Email intake receipt</button></p>
    ${state.receiptTo && html`<p class="hint" data-receipt-sent>Intake receipt queued to ${state.receiptTo} — <a href="#/outbox">see Outbox</a></p>`}`;
}

export function intakeStepHtml(job, { signatureState: state, customer }) {
  const open = isOpen(job);
  const signing = open && (state.signing || !job.signature);
  return html`<section class="panel" id="intake-step" aria-labelledby="intake-step-h">
    <h2 id="intake-step-h" tabindex="-1">Signature and receipt</h2>
    <div class="alert alert-error" role="alert" data-signature-alert ${state.problem ? '' : raw('hidden')}></div>
    <h3 class="pieces-h">Customer signature</h3>
    ${signing ? padHtml(job, state) : job.signature ? savedHtml(job, open) : html`<p class="empty-inline">Not signed at intake.</p>`}
    ${receiptHtml(job, customer, state, open)}
  </section>`;
}

// ---- drawing ------------------------------------------------------------------------------------
function paint(canvas, strokes) {
  const g = canvas.getContext('2d');
  const { width, height } = canvas;
  g.fillStyle = PAPER;
  g.fillRect(0, 0, width, height);
  g.strokeStyle = INK;
  g.lineWidth = 2.5 * (width / canvas.clientWidth || 1);
  g.lineCap = 'round';
  g.lineJoin = 'round';
  for (const stroke of strokes) {
    g.beginPath();
    stroke.forEach(([x, y], i) => (i ? g.lineTo(x * width, y * height) : g.moveTo(x * width, y * height)));
    if (stroke.length === 1) g.lineTo(stroke[0][0] * width + 0.1, stroke[0][1] * height);
    g.stroke();
  }
}

function setButtons(slot, empty) {
  ['signature-clear', 'signature-save'].forEach((id) => { const b = slot.querySelector(`#${id}`); if (b) b.disabled = empty; });
}

/** Wires the pad after each render: points are kept as fractions of the box, so they survive a resize. */
export function bindSignature(slot, ctx) {
  const state = ctx.signatureState;
  const alert = slot.querySelector('[data-signature-alert]');
  if (alert && state.problem) showProblem(alert, state.problem);
  const canvas = slot.querySelector('[data-signature-pad]');
  if (!canvas) return;
  const fit = () => {
    const scale = Math.min(window.devicePixelRatio || 1, MAX_SCALE);
    canvas.width = Math.round(canvas.clientWidth * scale);
    canvas.height = Math.round(canvas.clientHeight * scale);
    paint(canvas, state.strokes);
  };
  fit();
  new ResizeObserver(() => { if (canvas.isConnected) fit(); }).observe(canvas);

  let stroke = null;
  const point = (e) => {
    const r = canvas.getBoundingClientRect();
    return [Math.min(Math.max((e.clientX - r.left) / r.width, 0), 1), Math.min(Math.max((e.clientY - r.top) / r.height, 0), 1)];
  };
  canvas.addEventListener('pointerdown', (e) => {
    if (e.button !== 0) return;
    e.preventDefault();
    canvas.setPointerCapture(e.pointerId);
    stroke = [point(e)];
    state.strokes.push(stroke);
    paint(canvas, state.strokes);
    setButtons(slot, false);
  });
  canvas.addEventListener('pointermove', (e) => {
    if (!stroke) return;
    const events = e.getCoalescedEvents?.() ?? [];
    for (const ev of events.length ? events : [e]) stroke.push(point(ev));
    paint(canvas, state.strokes);
  });
  const end = () => { stroke = null; };
  canvas.addEventListener('pointerup', end);
  canvas.addEventListener('pointercancel', end);
}

const toPng = (canvas) => new Promise((resolve, reject) => {
  canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('The signature could not be read from the pad.'))), 'image/png');
});

export const intakeActions = {
  'signature-clear': (btn, ctx) => {
    ctx.signatureState.strokes = [];
    ctx.signatureState.problem = null;
    ctx.render({ id: 'intake-step-h' });
  },
  'signature-again': (btn, ctx) => {
    Object.assign(ctx.signatureState, { signing: true, strokes: [], problem: null });
    ctx.render({ id: 'signature-cancel' });
  },
  'signature-cancel': (btn, ctx) => {
    Object.assign(ctx.signatureState, { signing: false, strokes: [], problem: null });
    ctx.render({ id: 'signature-again' });
  },
  'signature-save': async (btn, ctx) => {
    const state = ctx.signatureState;
    const alert = document.querySelector('[data-signature-alert]');
    hideAlert(alert);
    state.problem = null;
    try {
      const png = await toPng(document.getElementById('signature-pad'));
      const next = await withBusy(btn, () => ctx.send(() => uploadSignature(ctx.job.id, png)));
      Object.assign(state, { signing: false, strokes: [] });
      ctx.update(next);
      document.getElementById('signature-again')?.focus();
      toast('Signature saved');
    } catch (err) {
      state.problem = err.problem || { title: 'The signature was not saved.', detail: err.message };
      if (alert) showProblem(alert, state.problem);
    }
  },
  'intake-receipt': async (btn, ctx) => {
    const to = ctx.customer?.email;
    const next = await ctx.write('POST', '/intake-receipt', {}, { button: btn });
    if (!next) return;
    ctx.signatureState.receiptTo = to;
    ctx.render({ id: 'intake-receipt' });
    toast(`Intake receipt queued to ${to}`, 'success', { href: '#/outbox', text: 'See Outbox' });
  },
};
