// The job's latest durable operation (the close-out after Complete, the clean-up after Reopen): a progress
// line while it runs, the error and a Retry button when it failed, nothing once it succeeded.
import { html } from './ui.js';

const KINDS = {
  'close-out': { running: 'Creating inventory', done: 'Inventory created', failed: 'Creating inventory stopped' },
  'reopen-cleanup': { running: 'Cleaning up inventory photos', done: 'Inventory photos cleaned up', failed: 'Cleaning up inventory photos stopped' },
  email: { running: 'Emailing the customer', done: 'Customer emailed', failed: 'Emailing the customer stopped' },
};
const kindOf = (op) => KINDS[op.kind] || { running: 'Working', done: 'Finished', failed: 'The background work stopped' };

export const isActive = (op) => Boolean(op) && (op.status === 'Pending' || op.status === 'Running');
export const isFinished = (op) => Boolean(op) && ['Succeeded', 'Failed', 'Canceled'].includes(op.status);
export const doneMessage = (op) => kindOf(op).done;

/** The one-line form for a board card: what runs and how far it got. */
export const operationLine = (op) => (isActive(op) ? `${kindOf(op).running}…${count(op)}` : '');

const count = (op) => (op.total > 0 ? ` ${op.done ?? 0}/${op.total}` : '');

/** `stale`: the last look at the operation failed (it is looked at again shortly). */
export function operationHtml(op, { stale = false } = {}) {
  if (!op) return '';
  const k = kindOf(op);
  if (isActive(op)) {
    return html`<div class="op-status" id="op-status" tabindex="-1" data-op-status>
      <p class="op-line"><span class="op-spinner" aria-hidden="true"></span>
        <span>${k.running}…${count(op)}</span></p>
      ${op.total > 0
        ? html`<progress class="op-bar" max="${op.total}" value="${op.done ?? 0}" aria-label="${k.running}"></progress>`
        : html`<progress class="op-bar" aria-label="${k.running}"></progress>`}
      ${stale && html`<p class="hint">Can’t check the progress right now; trying again…</p>`}
    </div>`;
  }
  if (op.status === 'Failed') {
    return html`<div class="alert alert-error op-failed" role="alert">
      <p class="alert-title">${k.failed}${op.failedStep ? html` at step “${op.failedStep}”` : ''}.</p>
      <p>${op.lastError || 'No reason was given.'}</p>
      ${op.total > 0 && html`<p class="alert-sub">${op.done ?? 0} of ${op.total} done; a retry goes on from where it stopped.</p>`}
      <div class="op-actions"><button type="button" class="btn btn-primary" id="op-retry" data-action="op-retry">Retry</button></div>
    </div>`;
  }
  return '';
}
