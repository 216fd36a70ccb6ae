// Job page (#/jobs/{id}): loads the job, renders its panels and runs every write through
// one place that handles ETags, 412 conflicts, errors, toasts and focus.
import { getJob, getJobHistory, jobWrite, getOperation, retryOperation, getPriceList, getCustomer } from './api.js';
import { html, setHtml, withBusy, showProblem, hideAlert, clearErrors, fieldError, openDialog, toast, problemHtml, pageAlert } from './ui.js';
import { headerHtml, metaHtml, detailsHtml, submitDetails, costsHtml, completionHtml } from './job-panels.js';
import { actionsHtml, jobActions } from './job-actions.js';
import { stagesHtml, stageActions, stageForms } from './job-stages.js';
import { recordActions, recordForms } from './stage-records.js';
import { reminderActions } from './job-reminder.js';
import { itemsHtml, itemActions, itemForms, applyKind } from './job-items.js';
import { timelineHtml, historyPanelHtml } from './history.js';
import { photosHtml, photoActions, uploadPhotos, newPhotoState } from './job-photos.js';
import { operationHtml, isActive, isFinished, doneMessage } from './job-operation.js';
import { bindPhotos } from './photos.js';
import { customerPageHtml, customerActions } from './job-customer.js';
import { isCustomerJob, statusActions } from './job-status.js';
import { quoteActions, quoteForms, onQuoteChange } from './job-quote.js';
import { paymentActions } from './job-payments.js';
import { locationActions } from './job-location.js';
import { intakeActions, bindSignature, newSignatureState } from './job-intake.js';

const CONFLICT = 'This job was changed by someone else; showing the latest — please redo your change.';
const clickHandlers = { ...jobActions, ...stageActions, ...recordActions, ...reminderActions, ...itemActions, ...photoActions,
  ...statusActions, ...quoteActions, ...paymentActions, ...locationActions, ...customerActions, ...intakeActions,
  'op-retry': (btn, ctx) => ctx.retryOperation(btn) };
const POLL_MS = 1000;
const sleep = (ms) => new Promise((r) => { setTimeout(r, ms); });
const submitHandlers = { details: submitDetails, ...stageForms, ...recordForms, ...itemForms, ...quoteForms };

function pageHtml(job, state) {
  if (isCustomerJob(job)) return customerPageHtml(job, state);
  const { operation, photoState } = state;
  const editable = job.status !== 'Completed' && job.status !== 'Canceled';
  return html`${headerHtml(job)}
    <div data-alert-slot></div>
    <div data-operation>${operation}</div>
    ${actionsHtml(job)}
    ${metaHtml(job)}
    <div class="job-grid">
      <div class="job-main">${stagesHtml(job, editable)}${photosHtml(job, photoState)}${itemsHtml(job)}${detailsHtml(job)}</div>
      <aside class="job-side" aria-label="Costs and inventory">${costsHtml(job)}${completionHtml(job)}</aside>
    </div>`;
}

function loadError(view, id, err) {
  if (err.status === 404) {
    setHtml(view, html`<section class="empty-state page-empty">
      <h1 tabindex="-1">Job not found</h1>
      <p>There is no job <strong>${id}</strong>. It may have been mistyped.</p>
      <p><a class="btn" href="#/board">Back to the board</a></p></section>`);
  } else {
    setHtml(view, html`<p class="back"><a href="#/board">← Board</a></p><h1 tabindex="-1">Job ${id}</h1>
      <div class="alert alert-error" role="alert">${problemHtml(err.problem)}</div>`);
  }
  document.title = `Job ${id} · JewelBench`;
}

// Remember which control had focus so a re-render can put it back (or somewhere close).
function captureFocus(root) {
  const a = document.activeElement;
  if (!a || a === document.body || !root.contains(a)) return null;
  return { id: a.id, group: a.closest('[data-group]')?.dataset.group, section: a.closest('section[id]')?.id };
}
function restoreFocus(root, f) {
  if (!f) return;
  const candidates = [
    f.id && document.getElementById(f.id),
    f.group && root.querySelector(`[data-group="${CSS.escape(f.group)}"] button:not(:disabled)`),
    f.section && root.querySelector(`#${CSS.escape(f.section)} h2`),
    root.querySelector('h1'),
  ];
  candidates.find((el) => el && root.contains(el) && !el.disabled)?.focus();
}

// Keep half-typed "add" forms across re-renders (except the one that was just submitted).
function snapshotDrafts(root, skip) {
  const saved = new Map();
  root.querySelectorAll('form[data-preserve]').forEach((f) => {
    if (skip.has(f.id)) return;
    saved.set(f.id, [...f.elements].filter((el) => el.name).map((el) => [el.name, el.type === 'checkbox' ? el.checked : el.value]));
  });
  skip.clear();
  return saved;
}
function restoreDrafts(root, saved) {
  saved.forEach((values, formId) => {
    const form = root.querySelector(`#${CSS.escape(formId)}`);
    values.forEach(([name, value]) => {
      const el = form?.elements.namedItem(name);
      if (!el || !el.name) return;
      if (el.type === 'checkbox') el.checked = value; else el.value = value;
    });
  });
}

export async function renderJob(view, id) {
  setHtml(view, html`<p class="loading" role="status">Loading job ${id}…</p>`);
  let job;
  try { job = await getJob(id); } catch (err) { loadError(view, id, err); return; }

  setHtml(view, html`<p class="back"><a href="#/board">← Board</a></p>
    <div data-slot></div>
    ${historyPanelHtml('history-h')}`);
  const slot = view.querySelector('[data-slot]');
  const alertEl = pageAlert();
  const submitted = new Set();
  let historySeq = 0;
  const photoState = newPhotoState();
  const signatureState = newSignatureState();
  // Writes go out one at a time so each one carries the ETag left by the previous one.
  let queue = Promise.resolve();
  const enqueue = (call) => {
    const result = queue.then(call, call);
    queue = result.catch(() => {});
    return result;
  };
  // A write may answer with something else than the job (202 and an operation): then read the job.
  const send = (method, path, body) => enqueue(async () => {
    const answer = await jobWrite(job.id, method, path, body);
    return answer && answer.id === job.id && answer.status ? answer : getJob(job.id);
  });
  // What a customer job shows besides the job: the price list for its quote, its customer's details.
  const extras = { priceList: [], customer: null };
  async function loadExtras() {
    if (!isCustomerJob(job)) return;
    const [prices, customer] = await Promise.allSettled([getPriceList(),
      job.customerId ? getCustomer(job.customerId) : Promise.resolve(null)]);
    extras.priceList = prices.status === 'fulfilled' && Array.isArray(prices.value) ? prices.value : [];
    extras.customer = customer.status === 'fulfilled' ? customer.value : null;
  }
  await loadExtras();

  // The job's latest operation as last seen: polled while it runs (the job's copy is a snapshot).
  let op = job.operation ?? null;
  let pollingId = null;
  let pollStale = false;

  // `focus` is captured before a request starts: a busy (disabled) button loses focus meanwhile.
  function render(focus = captureFocus(slot)) {
    const drafts = snapshotDrafts(slot, submitted);
    syncOperation();
    setHtml(slot, pageHtml(job, { operation: operationHtml(op, { stale: pollStale }), photoState, signatureState, ...extras }));
    slot.querySelector('[data-alert-slot]').replaceWith(alertEl);
    bindPhotos(slot);
    bindSignature(slot, ctx);
    restoreDrafts(slot, drafts);
    slot.querySelectorAll('form[data-kind-form]').forEach((f) => applyKind(f, job.currency));
    restoreFocus(slot, focus);
    document.title = `${job.id} · JewelBench`;
  }

  async function loadHistory() {
    const box = view.querySelector('[data-history]');
    const mine = ++historySeq;
    box.setAttribute('aria-busy', 'true');
    try {
      const entries = await getJobHistory(job.id);
      if (mine === historySeq) setHtml(box, timelineHtml(entries));
    } catch (err) {
      if (mine === historySeq) setHtml(box, html`<p class="hint">History is unavailable right now (${err.message}).</p>`);
    } finally { if (mine === historySeq) box.removeAttribute('aria-busy'); }
  }

  function update(next, focus) { job = next; render(focus); loadHistory(); }

  // ---- the close-out / reopen operation ----------------------------------------------------
  function syncOperation() {
    const fresh = job.operation ?? null;
    const same = fresh && op && fresh.id === op.id;
    // While polling, or once polling saw it finish, our copy is newer than the job's snapshot of the same operation.
    if (!(same && (pollingId === op.id || (isFinished(op) && !isFinished(fresh))))) op = fresh;
    if (isActive(op) && pollingId !== op.id) pollOperation(op.id);
  }

  function renderOperation() {
    const box = slot.querySelector('[data-operation]');
    if (box) setHtml(box, operationHtml(op, { stale: pollStale }));
  }

  async function pollOperation(id) {
    pollingId = id;
    let failures = 0;
    while (pollingId === id && view.isConnected) {
      await sleep(failures ? Math.min(POLL_MS * 2 ** failures, 10_000) : POLL_MS);
      if (pollingId !== id || !view.isConnected) return;
      try {
        const next = await getOperation(id);
        if (pollingId !== id) return;
        failures = 0;
        pollStale = false;
        op = next;
        if (isFinished(op)) { await operationFinished(id); return; }
        renderOperation();
      } catch (err) {
        if (pollingId !== id) return;
        if ([401, 403, 404].includes(err.status)) { pollingId = null; pollStale = false; renderOperation(); return; }
        failures += 1;
        pollStale = true;
        renderOperation();
      }
    }
    if (pollingId === id) pollingId = null;
  }

  /** It finished while this page watched: show the job as it is now (its stock pieces, its status). */
  async function operationFinished(id) {
    const finished = op;
    try {
      const next = await enqueue(() => getJob(job.id));
      pollingId = null;
      update(next);
    } catch {
      pollingId = null;
      render();
    }
    if (!view.isConnected || finished.id !== id) return;
    if (finished.status === 'Succeeded') toast(doneMessage(finished));
  }

  function showPageProblem(problem) {
    showProblem(alertEl, problem);
    alertEl.scrollIntoView({ block: 'nearest' });
  }

  function handleError(err, form, focus) {
    if (err.status === 412) {
      if (err.problem?.current) update(err.problem.current, focus);
      showPageProblem({ title: CONFLICT });
    } else if (form) {
      showProblem(form.querySelector('[role="alert"]'), err.problem, form);
    } else {
      showPageProblem(err.problem);
    }
  }

  const ctx = {
    get job() { return job; },
    get priceList() { return extras.priceList; },
    get customer() { return extras.customer; },
    photoState,
    signatureState,
    /** A client-side check failed on an inline form: the message goes under its field. */
    formError(form, name, message) {
      clearErrors(form);
      fieldError(form, name, message);
      form.querySelector('[aria-invalid="true"]')?.focus();
    },
    /** Re-render with the current job; `focus` ({ id }) says where focus goes, else it stays where it was. */
    render: (focus) => render(focus ?? captureFocus(slot)),
    update: (next) => update(next, captureFocus(slot)),
    /** A job write of any shape (call resolves the job), queued behind the others. */
    send: (call) => enqueue(call),

    async retryOperation(button) {
      hideAlert(alertEl);
      const id = op?.id;
      if (!id) return;
      try {
        op = await withBusy(button, () => retryOperation(id));
        pollStale = false;
        renderOperation();
        slot.querySelector('#op-status')?.focus();
        if (isActive(op)) { if (pollingId !== id) pollOperation(id); } else await operationFinished(id);
      } catch (err) {
        showPageProblem(err.problem);
        if (err.status === 409) {
          try { update(await enqueue(() => getJob(job.id))); } catch { /* keep what is shown */ }
        }
      }
    },

    /** Inline write (button or form). Resolves the updated job, or null after showing the error. */
    async write(method, path, body, { button, form, success } = {}) {
      hideAlert(alertEl);
      if (form) { hideAlert(form.querySelector('[role="alert"]')); clearErrors(form); }
      const focus = captureFocus(slot);
      try {
        const next = await withBusy(button, () => send(method, path, body));
        if (form) submitted.add(form.id);
        update(next, focus);
        if (success) toast(typeof success === 'function' ? success(next) : success);
        return next;
      } catch (err) { handleError(err, form, focus); return null; }
    },

    /** Write from a dialog: validation errors stay in the dialog; conflicts and `pageStatuses` go to the page. */
    async dialogWrite(dialog, build, { pageStatuses = [], success, focus: focusId } = {}) {
      hideAlert(alertEl);
      const focus = captureFocus(slot);
      const outcome = await openDialog({
        ...dialog,
        onSubmit: async (values) => {
          const [method, path, body] = build(values);
          try { return { job: await send(method, path, body) }; } catch (err) {
            if (err.status === 412 || pageStatuses.includes(err.status)) return { err };
            throw err;
          }
        },
      });
      if (!outcome) return;
      if (outcome.job) {
        update(outcome.job, focusId ? { id: focusId } : focus);
        if (success) toast(typeof success === 'function' ? success(outcome.job) : success);
      } else handleError(outcome.err, null, focus);
    },
  };

  view.addEventListener('click', (e) => {
    const btn = e.target.closest('[data-action]');
    const fn = btn && clickHandlers[btn.dataset.action];
    if (fn && !btn.disabled) { e.preventDefault(); fn(btn, ctx); }
  });
  view.addEventListener('submit', (e) => {
    const form = e.target.closest('form[data-form]');
    const fn = form && submitHandlers[form.dataset.form];
    if (fn) { e.preventDefault(); fn(form, ctx, e.submitter); }
  });
  const onKindInput = (e) => {
    const form = e.target.closest('form[data-kind-form]');
    if (form) applyKind(form, job.currency);
  };
  view.addEventListener('change', (e) => {
    if (e.target.matches('input[data-photo-input]')) uploadPhotos(e.target, ctx);
  });
  view.addEventListener('input', onKindInput);
  view.addEventListener('change', (e) => onQuoteChange(e, ctx));
  view.addEventListener('change', onKindInput);

  render();
  loadHistory();
}
