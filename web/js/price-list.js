// Repair price list (#/price-list): the shop's standard repairs with their prices, picked from on a quote.
// The owner adds, edits and retires tasks; staff read it.
import { getPriceList, addPriceTask, editPriceTask } from './api.js';
import { html, setHtml, money, badge, problemHtml, showProblem, hideAlert, checkRequired, formValues, withBusy, toast, openDialog } from './ui.js';
import { field } from './forms.js';
import { isOwner, session } from './session.js';

const currency = () => session()?.currency || 'USD';

function row(t, owner) {
  return html`<tr class="${t.active === false ? 'is-inactive' : ''}">
    <td data-label="Repair">${t.name}${t.active === false ? html` ${badge('Retired', 'status-canceled')}` : ''}</td>
    <td data-label="Price" class="num">${money(t.price, currency())}</td>
    ${owner && html`<td class="row-actions"><div><button type="button" class="btn btn-sm" data-edit="${t.id}"
      aria-label="Edit ${t.name}">Edit</button></div></td>`}
  </tr>`;
}

function tableHtml(tasks, owner) {
  if (!tasks.length) {
    return html`<div class="empty-state"><p class="empty-title">No standard repairs yet.</p>
      <p>${owner ? 'Add the repairs you do often (sizing, prong retipping, chain solder…) with their prices.' : 'The shop owner sets up the price list.'}</p></div>`;
  }
  const sorted = [...tasks].sort((a, b) => (a.active === false) - (b.active === false) || String(a.name).localeCompare(b.name));
  return html`<table class="table price-table"><caption class="visually-hidden">Repair price list</caption>
    <thead><tr><th scope="col">Repair</th><th scope="col" class="num">Price</th>${owner && html`<th scope="col"><span class="visually-hidden">Actions</span></th>`}</tr></thead>
    <tbody>${sorted.map((t) => row(t, owner))}</tbody></table>`;
}

export async function renderPriceList(view) {
  const owner = isOwner();
  setHtml(view, html`<div class="narrow">
    <h1 tabindex="-1" class="page-title">Repair price list</h1>
    <p class="lead">${owner ? 'Standard repairs and their prices. Staff pick from this list when they quote a job.' : 'Standard repairs and their prices, to pick from when you quote a job. The shop owner keeps this list.'}</p>
    <div class="users-list" data-tasks><p class="loading" role="status">Loading price list…</p></div>
    ${owner && html`<section class="panel" aria-labelledby="add-task-h">
      <h2 id="add-task-h">Add a repair</h2>
      <form class="inline-form" data-add novalidate>
        <div class="alert alert-error" role="alert" hidden></div>
        ${field({ id: 'pl-name', name: 'name', text: 'Repair', required: true, attrs: 'autocomplete="off" placeholder="e.g. Ring sizing, up one size"' })}
        ${field({ id: 'pl-price', name: 'price', text: 'Price', type: 'number', required: true, attrs: 'min="0" step="0.01" inputmode="decimal"' })}
        <button type="submit" class="btn btn-primary">Add repair</button>
      </form></section>`}
  </div>`);
  const box = view.querySelector('[data-tasks]');
  let tasks = [];
  const draw = () => setHtml(box, tableHtml(tasks, owner));
  try {
    tasks = await getPriceList() || [];
    draw();
  } catch (err) {
    setHtml(box, html`<div class="alert alert-error" role="alert">${problemHtml(err.problem)}</div>`);
  }
  if (!owner) return;

  const form = view.querySelector('[data-add]');
  const alert = form.querySelector('[role="alert"]');
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    hideAlert(alert);
    if (!checkRequired(form)) return;
    const v = formValues(form);
    try {
      const added = await withBusy(form.querySelector('[type="submit"]'), () => addPriceTask({ name: v.name, price: v.price }));
      tasks = [...tasks, added];
      draw();
      form.reset();
      form.elements.name.focus();
      toast(`${added.name} added`);
    } catch (err) { showProblem(alert, err.problem, form); }
  });

  box.addEventListener('click', async (e) => {
    const btn = e.target.closest('[data-edit]');
    const task = btn && tasks.find((t) => t.id === btn.dataset.edit);
    if (!task) return;
    const saved = await openDialog({
      title: `Edit ${task.name}`,
      body: html`${field({ id: 'pe-name', name: 'name', text: 'Repair', value: task.name, required: true })}
        ${field({ id: 'pe-price', name: 'price', text: 'Price', type: 'number', value: task.price, required: true, attrs: 'min="0" step="0.01" inputmode="decimal"' })}
        ${field({ id: 'pe-active', name: 'active', text: 'Offered on quotes', type: 'checkbox', value: task.active !== false,
          hint: 'Untick to retire it: quotes that have it keep it.' })}`,
      confirmLabel: 'Save',
      onSubmit: (v) => editPriceTask(task.id, { name: v.name, price: v.price, active: v.active }),
    });
    if (saved?.id) {
      tasks = tasks.map((t) => (t.id === saved.id ? saved : t));
      draw();
      toast('Price list saved');
    }
    box.querySelector(`[data-edit="${CSS.escape(task.id)}"]`)?.focus();
  });
}
