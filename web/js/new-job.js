// New job form (#/new, or #/new?module=Repair): a repair or custom job for a customer, with what the piece
// is like at intake, or a production job for the shop's own stock.
import { createJob } from './api.js';
import { html, raw, setHtml, formValues, checkRequired, showProblem, hideAlert, withBusy, toast, clearErrors } from './ui.js';
import { field, selectField } from './forms.js';
import { activeProcesses, stageNames } from './processes.js';
import { customerPickerHtml, bindCustomerPicker } from './customer-picker.js';

const MODULES = [['Repair', 'Repair', 'Fix a customer’s piece'], ['Custom', 'Custom', 'Make something new for a customer'],
  ['Production', 'Production', 'Make pieces for the shop’s stock']];
const isCustomerModule = (m) => m === 'Repair' || m === 'Custom';

function productionFields() {
  return html`${field({ id: 'nj-customer', name: 'customer', text: 'Customer', hint: 'Leave empty for stock pieces.', attrs: 'autocomplete="off"' })}
    ${field({ id: 'nj-store', name: 'store', text: 'Store', value: 'Main', required: true })}
    ${field({ id: 'nj-targetDate', name: 'targetDate', text: 'Target date', type: 'date' })}
    ${field({ id: 'nj-quantity', name: 'quantity', text: 'Quantity', type: 'number', value: 1, required: true,
      attrs: 'min="1" step="1" inputmode="numeric"', hint: 'Fixed once the job is in production.' })}
    <div class="span-all">${selectField({ id: 'nj-processId', name: 'processId', text: 'Start from process (optional)', options: [['', 'None']] })}
      <p class="hint" id="nj-process-hint" aria-live="polite">Loading processes…</p></div>`;
}

/** Fills the process picker once the processes are read; the hint shows the chosen one's stages. */
async function bindProcessPicker(slot) {
  const select = slot.querySelector('#nj-processId');
  const hint = slot.querySelector('#nj-process-hint');
  if (!select) return;
  select.setAttribute('aria-describedby', hint.id);
  let processes = [];
  try { processes = await activeProcesses(); } catch (err) {
    hint.textContent = `Processes could not be loaded (${err.message}); the job can be created without one.`;
    return;
  }
  if (!select.isConnected) return;
  processes.forEach((p) => select.append(new Option(p.name, p.id)));
  const describe = () => {
    const chosen = processes.find((p) => p.id === select.value);
    hint.textContent = chosen ? `Stages: ${stageNames(chosen)}`
      : processes.length ? 'The job gets a copy of the chosen process’s stages.' : 'No processes yet: set them up under Processes in the menu.';
  };
  select.addEventListener('change', describe);
  describe();
}

function customerFields(module) {
  return html`${customerPickerHtml()}
    <div class="span-all">${field({ id: 'nj-item', name: 'item', text: 'Item', required: true,
      attrs: `autocomplete="off" placeholder="${module === 'Repair' ? 'e.g. Ladies’ 14k yellow gold ring' : 'e.g. Engagement ring'}"` })}</div>
    ${field({ id: 'nj-metal', name: 'metal', text: 'Metal', attrs: 'autocomplete="off" placeholder="e.g. 14k yellow gold"' })}
    ${field({ id: 'nj-stones', name: 'stones', text: 'Stones', attrs: 'autocomplete="off" placeholder="e.g. 0.5 ct round diamond"' })}
    <div class="span-all">${field({ id: 'nj-condition', name: 'condition', text: 'Condition at intake', type: 'textarea',
      hint: 'Scratches, worn prongs, loose stones… as the customer handed it over.' })}</div>
    ${field({ id: 'nj-targetDate', name: 'targetDate', text: 'Promised date', type: 'date' })}`;
}

// An in-house repair (from a stock piece's page, #/new?module=Repair&stockId=S-00001): the shop's own piece, no customer.
function inHouseFields(stockId) {
  return html`<p class="span-all note">In-house repair of stock piece <strong>${stockId}</strong>: its cost is added to the piece's cost basis when the repair is completed.</p>
    <div class="span-all">${field({ id: 'nj-condition', name: 'condition', text: 'Condition', type: 'textarea' })}</div>
    ${field({ id: 'nj-targetDate', name: 'targetDate', text: 'Target date', type: 'date' })}`;
}

export function renderNewJob(view) {
  const params = new URLSearchParams(location.hash.split('?')[1] || '');
  const asked = params.get('module');
  const stockId = asked === 'Repair' ? params.get('stockId') : null;
  let module = MODULES.some(([m]) => m === asked) ? asked : 'Production';
  setHtml(view, html`<p class="back"><a href="#/board">← Board</a></p>
    <div class="page-head"><h1 tabindex="-1">New job</h1></div>
    <form class="panel form-grid new-job" novalidate>
      <div class="alert alert-error span-all" role="alert" hidden></div>
      <fieldset class="fieldset module-choice span-all" ${stockId ? raw('hidden') : ''}>
        <legend>Module</legend>
        <div class="choice-row">${MODULES.map(([value, text, hint]) => html`<label class="choice">
          <input type="radio" name="module" value="${value}" ${value === module ? raw('checked') : ''}>
          <span><span class="choice-title">${text}</span> <span class="choice-hint">${hint}</span></span></label>`)}</div>
      </fieldset>
      <div class="span-all">${field({ id: 'nj-description', name: 'description', text: 'Description', required: true,
        attrs: 'autocomplete="off"' })}</div>
      <div class="form-grid span-all" data-module-fields></div>
      <div class="span-all">${field({ id: 'nj-rush', name: 'rush', text: 'Rush job', type: 'checkbox' })}</div>
      <div class="form-actions span-all">
        <a class="btn" href="#/board">Cancel</a>
        <button type="submit" class="btn btn-primary">Create job</button>
      </div>
    </form>`);

  const form = view.querySelector('form');
  const alert = form.querySelector('[role="alert"]');
  const slot = form.querySelector('[data-module-fields]');
  const description = form.querySelector('#nj-description');
  let picker = null;

  function showModule() {
    const wasCustomer = picker !== null;
    if (isCustomerModule(module) && wasCustomer) return; // Repair ⇄ Custom keeps what was typed
    clearErrors(form);
    if (stockId) { setHtml(slot, inHouseFields(stockId)); return; }
    setHtml(slot, isCustomerModule(module) ? customerFields(module) : productionFields());
    picker = isCustomerModule(module) ? bindCustomerPicker(slot) : null;
    if (!isCustomerModule(module)) bindProcessPicker(slot);
    description.placeholder = isCustomerModule(module)
      ? 'What the customer wants done, e.g. Size to 7, retip two prongs'
      : 'e.g. 14k gold signet ring, size 9';
  }
  form.addEventListener('change', (e) => {
    if (e.target.name !== 'module') return;
    module = e.target.value;
    showModule();
  });
  showModule();

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    hideAlert(alert);
    if (!checkRequired(form)) return;
    const submit = form.querySelector('[type="submit"]');
    try {
      const job = await withBusy(submit, async () => {
        const v = formValues(form);
        if (stockId) {
          return createJob({ module: 'Repair', description: v.description, stockId, condition: v.condition || null,
            targetDate: v.targetDate || null, rush: v.rush });
        }
        if (!isCustomerModule(module)) {
          return createJob({ module: 'Production', description: v.description, targetDate: v.targetDate || null, rush: v.rush,
            store: v.store || 'Main', customer: v.customer || null, quantity: v.quantity ?? 1, processId: v.processId || null });
        }
        const customer = await picker.ensureCustomer(form);
        if (!customer) return null;
        return createJob({ module, description: v.description, customerId: customer.id, item: v.item,
          metal: v.metal || null, stones: v.stones || null, condition: v.condition || null,
          targetDate: v.targetDate || null, rush: v.rush });
      });
      if (!job) return;
      toast(`Job ${job.id} created — add intake photos`);
      location.hash = `#/jobs/${encodeURIComponent(job.id)}`;
    } catch (err) {
      showProblem(alert, err.problem, form);
    }
  });
}
