// Processes (#/processes): the shop's named, ordered stage templates ("Casting → Setting → Polish") that jobs
// start from. Owner and staff create and edit them; a job keeps its own copy of the stages it took.
import { listProcesses, createProcess, editProcess, getProcessHistory } from './api.js';
import { html, raw, setHtml, badge, problemHtml, showProblem, hideAlert, clearErrors, checkRequired, withBusy, toast } from './ui.js';
import { field, selectField } from './forms.js';
import { timelineHtml } from './history.js';
import { session } from './session.js';

const VENDOR_KINDS = [['InHouse', 'In-house'], ['Outside', 'Outside']];
const CONFLICT = 'This process was changed by someone else; showing the latest — please redo your change.';
const currency = () => session()?.currency || 'USD';
export const stageNames = (p) => (p.stages || []).map((s) => s.name).join(' → ');

function row(p) {
  return html`<tr class="${p.active ? '' : 'is-inactive'}">
    <td data-label="Process">${p.name}${p.active ? '' : html` ${badge('Retired', 'status-canceled')}`}
      <div class="process-stages">${stageNames(p)}</div></td>
    <td data-label="Stages" class="num">${(p.stages || []).length}</td>
    <td data-label="Version" class="num">v${p.version}</td>
    <td class="row-actions"><div><button type="button" class="btn btn-sm" data-edit="${p.id}" aria-label="Edit ${p.name}">Edit</button></div></td>
  </tr>`;
}

function tableHtml(processes) {
  if (!processes.length) {
    return html`<div class="empty-state"><p class="empty-title">No processes yet.</p>
      <p>Set up the stage sequences you use often (e.g. Casting → Setting → Polish) and start jobs from them.</p></div>`;
  }
  const sorted = [...processes].sort((a, b) => (!a.active) - (!b.active) || String(a.name).localeCompare(b.name));
  return html`<table class="table"><caption class="visually-hidden">Processes</caption>
    <thead><tr><th scope="col">Process</th><th scope="col" class="num">Stages</th><th scope="col" class="num">Version</th>
      <th scope="col"><span class="visually-hidden">Actions</span></th></tr></thead>
    <tbody>${sorted.map(row)}</tbody></table>`;
}

// ---- the stage rows of the editor ---------------------------------------------------
let nextKey = 0;
const blankStage = () => ({ key: ++nextKey, name: '', vendor: '', vendorKind: 'InHouse', cost: '', durationDays: '' });
const fromStage = (s) => ({ key: ++nextKey, name: s.name, vendor: s.vendor || '', vendorKind: s.vendorKind || 'InHouse',
  cost: s.cost ?? '', durationDays: s.durationDays ?? '' });
const stageLabel = (s, i) => s.name || `stage ${i + 1}`;

function stageRowHtml(s, i, count) {
  const id = `ps-${s.key}`;
  const name = (f) => `stages[${i}].${f}`;
  const label = stageLabel(s, i);
  const button = (action, text, aria, disabled) => html`<button type="button" class="btn btn-sm" data-stage-action="${action}"
    data-key="${s.key}" aria-label="${aria}" ${disabled ? raw('disabled') : ''}>${text}</button>`;
  return html`<li data-stage-row data-key="${s.key}"><fieldset class="template-stage">
    <legend>Stage ${i + 1}</legend>
    <div class="form-grid">
      ${field({ id: `${id}-name`, name: name('name'), text: 'Stage name', value: s.name, required: true, attrs: 'data-f="name" autocomplete="off" list="process-stage-names"' })}
      ${field({ id: `${id}-vendor`, name: name('vendor'), text: 'Vendor', value: s.vendor, attrs: 'data-f="vendor" autocomplete="off"' })}
      ${selectField({ id: `${id}-vendorKind`, name: name('vendorKind'), text: 'Done by', options: VENDOR_KINDS, value: s.vendorKind })}
      ${field({ id: `${id}-cost`, name: name('cost'), text: `Cost (${currency()})`, type: 'number', value: s.cost, attrs: 'data-f="cost" min="0" step="0.01" inputmode="decimal"' })}
      ${field({ id: `${id}-days`, name: name('durationDays'), text: 'Days', type: 'number', value: s.durationDays,
        attrs: 'data-f="durationDays" min="0" max="365" step="1" inputmode="numeric"', hint: 'Optional: sets the due date.' })}
    </div>
    <div class="template-stage-actions" role="group" aria-label="Arrange stage ${i + 1}">
      ${button('up', '↑ Up', `Move ${label} up`, i === 0)}
      ${button('down', '↓ Down', `Move ${label} down`, i === count - 1)}
      ${button('remove', 'Remove', `Remove ${label}`, count === 1)}
    </div>
  </fieldset></li>`;
}

/** What the rows hold now, typed values included. */
function readStages(list) {
  return [...list.querySelectorAll('[data-stage-row]')].map((li) => {
    const value = (f) => li.querySelector(`[name$=".${f}"]`).value.trim();
    return { key: Number(li.dataset.key), name: value('name'), vendor: value('vendor'), vendorKind: value('vendorKind'),
      cost: value('cost'), durationDays: value('durationDays') };
  });
}

const stageBody = (s) => ({
  name: s.name, vendor: s.vendor || null, vendorKind: s.vendorKind || 'InHouse',
  cost: s.cost === '' ? 0 : Number(s.cost), durationDays: s.durationDays === '' ? null : Number(s.durationDays),
});

function editorHtml(process) {
  const editing = Boolean(process);
  return html`<form class="panel" data-editor novalidate aria-labelledby="process-form-h">
    <h2 id="process-form-h" tabindex="-1">${editing ? `Edit process: ${process.name}` : 'New process'}</h2>
    <div class="alert alert-error" role="alert" hidden></div>
    ${field({ id: 'pr-name', name: 'name', text: 'Process name', value: process?.name, required: true,
      attrs: 'autocomplete="off" placeholder="e.g. Casting line"' })}
    <fieldset class="fieldset"><legend>Stages, in order</legend>
      <datalist id="process-stage-names">${['Casting', 'Setting', 'Polish', 'Engraving', 'Plating', 'QC'].map((n) => html`<option value="${n}"></option>`)}</datalist>
      <ol class="template-stages" role="list" data-stages></ol>
      <button type="button" class="btn" data-stage-action="add">+ Add stage</button>
    </fieldset>
    ${editing && field({ id: 'pr-active', name: 'active', text: 'Offered for new jobs', type: 'checkbox', value: process.active,
      hint: 'Untick to retire it: jobs already started from it keep their stages.' })}
    ${editing && field({ id: 'pr-reason', name: 'reason', text: 'Reason for the change (optional)', type: 'textarea' })}
    <div class="form-actions">
      ${editing && html`<button type="button" class="btn" data-cancel>Cancel editing</button>`}
      <button type="submit" class="btn btn-primary">${editing ? 'Save process' : 'Create process'}</button>
    </div>
  </form>
  ${editing && html`<section class="panel history" aria-labelledby="process-history-h">
    <h2 id="process-history-h">History of ${process.name}</h2><div data-history><p class="loading">Loading history…</p></div></section>`}`;
}

export async function renderProcesses(view) {
  setHtml(view, html`<div class="narrow">
    <h1 tabindex="-1" class="page-title">Processes</h1>
    <p class="lead">Named stage sequences to start jobs from. A job takes a copy of the stages: changing a process later never changes jobs already started.</p>
    <div class="users-list" data-list><p class="loading" role="status">Loading processes…</p></div>
    <div data-editor-slot></div>
  </div>`);
  const box = view.querySelector('[data-list]');
  const slot = view.querySelector('[data-editor-slot]');
  let processes = [];
  let editing = null; // the process being edited, as last read; null for a new one
  let stages = [];

  const drawList = () => setHtml(box, tableHtml(processes));
  const form = () => slot.querySelector('[data-editor]');
  const list = () => slot.querySelector('[data-stages]');

  function drawStages(focus) {
    setHtml(list(), html`${stages.map((s, i) => stageRowHtml(s, i, stages.length))}`);
    if (!focus) return;
    const row = list().querySelector(`[data-key="${focus.key}"]`);
    const target = focus.action && row?.querySelector(`[data-stage-action="${focus.action}"]:not(:disabled)`);
    (target || row?.querySelector('[data-stage-action]:not(:disabled)') || row?.querySelector('input'))?.focus();
  }

  async function loadHistory() {
    const historyBox = slot.querySelector('[data-history]');
    if (!historyBox || !editing) return;
    try { setHtml(historyBox, timelineHtml(await getProcessHistory(editing.id))); } catch (err) {
      setHtml(historyBox, html`<p class="hint">History is unavailable right now (${err.message}).</p>`);
    }
  }

  function openEditor(process, focusHeading = false) {
    editing = process;
    stages = process ? process.stages.map(fromStage) : [blankStage()];
    setHtml(slot, editorHtml(process));
    drawStages();
    loadHistory();
    if (focusHeading) slot.querySelector('h2').focus();
  }

  function replace(saved) {
    processes = processes.some((p) => p.id === saved.id) ? processes.map((p) => (p.id === saved.id ? saved : p)) : [...processes, saved];
    drawList();
  }

  try {
    processes = await listProcesses() || [];
    drawList();
  } catch (err) {
    setHtml(box, html`<div class="alert alert-error" role="alert">${problemHtml(err.problem)}</div>`);
  }
  openEditor(null);

  box.addEventListener('click', (e) => {
    const process = processes.find((p) => p.id === e.target.closest('[data-edit]')?.dataset.edit);
    if (process) openEditor(process, true);
  });

  slot.addEventListener('input', (e) => {
    // Keep the move and remove buttons named after the stage as it is typed.
    if (!e.target.matches('[name$=".name"]')) return;
    const li = e.target.closest('[data-stage-row]');
    const i = [...list().children].indexOf(li);
    const label = stageLabel({ name: e.target.value.trim() }, i);
    li.querySelectorAll('[data-stage-action]').forEach((b) => {
      const action = b.dataset.stageAction;
      b.setAttribute('aria-label', action === 'remove' ? `Remove ${label}` : `Move ${label} ${action}`);
    });
  });

  slot.addEventListener('click', (e) => {
    if (e.target.closest('[data-cancel]')) { openEditor(null, true); return; }
    const btn = e.target.closest('[data-stage-action]');
    if (!btn || btn.disabled) return;
    stages = readStages(list());
    const action = btn.dataset.stageAction;
    const key = Number(btn.dataset.key);
    const i = stages.findIndex((s) => s.key === key);
    if (action === 'add') {
      const added = blankStage();
      stages.push(added);
      drawStages();
      list().querySelector(`[data-key="${added.key}"] input`)?.focus();
    } else if (action === 'up' || action === 'down') {
      const j = action === 'up' ? i - 1 : i + 1;
      if (i < 0 || j < 0 || j >= stages.length) return;
      [stages[i], stages[j]] = [stages[j], stages[i]];
      drawStages({ key, action });
    } else if (action === 'remove') {
      const [removed] = stages.splice(i, 1);
      drawStages();
      const next = list().querySelectorAll('[data-stage-row]')[Math.min(i, stages.length - 1)];
      (next?.querySelector('input') || slot.querySelector('[data-stage-action="add"]')).focus();
      toast(`${removed.name || 'Stage'} removed from the list — save to keep the change`, 'info');
    }
  });

  slot.addEventListener('submit', async (e) => {
    e.preventDefault();
    const f = form();
    const alert = f.querySelector('[role="alert"]');
    hideAlert(alert);
    clearErrors(f);
    if (!checkRequired(f)) return;
    stages = readStages(list());
    const body = { name: f.elements.name.value.trim(), stages: stages.map(stageBody) };
    if (editing) {
      body.active = f.elements.active.checked;
      if (f.elements.reason.value.trim()) body.reason = f.elements.reason.value.trim();
    }
    try {
      const saved = await withBusy(f.querySelector('[type="submit"]'),
        () => (editing ? editProcess(editing, body) : createProcess(body)));
      replace(saved);
      toast(editing ? `${saved.name} saved` : `${saved.name} created`);
      openEditor(null);
      box.querySelector(`[data-edit="${CSS.escape(saved.id)}"]`)?.focus();
    } catch (err) {
      if (err.status === 412 && err.problem?.current) {
        replace(err.problem.current);
        openEditor(err.problem.current);
        showProblem(form().querySelector('[role="alert"]'), { title: CONFLICT });
      } else {
        showProblem(alert, err.problem, f);
      }
    }
  });
}

/** The processes a job may start from (retired ones are not offered), for the new-job form and the job page. */
export const activeProcesses = async () => (await listProcesses() || []).filter((p) => p.active);
