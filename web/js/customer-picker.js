// Customer picker of the new-job form: search as you type (name, email or phone), pick one, or add a
// new customer inline. The new customer is created when the form is sent (createPicked).
import { searchCustomers, createCustomer } from './api.js';
import { html, setHtml, clearErrors, fieldError } from './ui.js';
import { field } from './forms.js';

const contact = (c) => [c.email, c.phone].filter(Boolean).join(' · ');

export function customerPickerHtml() {
  return html`<fieldset class="fieldset customer-picker span-all" data-picker>
    <legend>Customer</legend>
    <div data-chosen hidden></div>
    <div data-finder>
      ${field({ id: 'cp-find', name: 'customerId', text: 'Find customer', type: 'search',
        hint: 'Type a name, email or phone number.', attrs: 'autocomplete="off" aria-controls="cp-results"' })}
      <p class="visually-hidden" role="status" data-found></p>
      <ul class="pick-list" id="cp-results" role="list" aria-label="Matching customers" data-results></ul>
      <p><button type="button" class="btn" data-new-customer aria-expanded="false" aria-controls="cp-new">New customer</button></p>
    </div>
    <div class="new-customer form-grid" id="cp-new" data-new hidden>
      <div class="span-all">${field({ id: 'cp-name', name: 'name', text: 'Customer name', attrs: 'autocomplete="off" disabled' })}</div>
      ${field({ id: 'cp-email', name: 'email', text: 'Email', type: 'email', attrs: 'autocomplete="off" inputmode="email" disabled' })}
      ${field({ id: 'cp-phone', name: 'phone', text: 'Phone', type: 'tel', attrs: 'autocomplete="off" inputmode="tel" disabled' })}
      <p class="hint span-all">An email or a phone number is needed to tell them when it is ready.</p>
      <p class="span-all"><button type="button" class="btn btn-sm" data-find-instead>Find an existing customer instead</button></p>
    </div>
  </fieldset>`;
}

/** Wires the picker inside `root`; returns its state and the step that makes sure a customer exists. */
export function bindCustomerPicker(root) {
  const box = root.querySelector('[data-picker]');
  const finder = box.querySelector('[data-finder]');
  const chosenBox = box.querySelector('[data-chosen]');
  const newBox = box.querySelector('[data-new]');
  const find = box.querySelector('#cp-find');
  const results = box.querySelector('[data-results]');
  const found = box.querySelector('[data-found]');
  const newButton = box.querySelector('[data-new-customer]');
  let chosen = null;
  let adding = false;
  let seq = 0;
  let timer;
  let shown = [];

  function setAdding(on) {
    adding = on;
    newBox.hidden = !on;
    finder.hidden = on;
    newButton.setAttribute('aria-expanded', String(on));
    newBox.querySelectorAll('input').forEach((el) => { el.disabled = !on; });
    find.disabled = on;
    if (on) {
      const typed = find.value.trim();
      const name = newBox.querySelector('#cp-name');
      if (typed && !name.value) {
        if (/@/.test(typed)) newBox.querySelector('#cp-email').value = typed;
        else if (/^[\d\s()+-]+$/.test(typed)) newBox.querySelector('#cp-phone').value = typed;
        else name.value = typed;
      }
      name.focus();
    }
  }

  function choose(c) {
    chosen = c;
    clearErrors(box.closest('form'));
    setAdding(false);
    finder.hidden = Boolean(c);
    chosenBox.hidden = !c;
    find.disabled = Boolean(c);
    if (c) {
      setHtml(chosenBox, html`<div class="chosen-customer">
        <p><strong class="chosen-name">${c.name}</strong>${contact(c) && html`<span class="hint"> ${contact(c)}</span>`}</p>
        <button type="button" class="btn btn-sm" data-change-customer>Change customer</button></div>`);
      chosenBox.querySelector('[data-change-customer]').addEventListener('click', () => {
        choose(null);
        find.focus();
        search();
      });
    } else {
      chosenBox.textContent = '';
    }
  }

  async function search() {
    const mine = ++seq;
    const q = find.value.trim();
    try {
      const list = await searchCustomers(q);
      if (mine !== seq || chosen) return;
      shown = (Array.isArray(list) ? list : list?.items || []).slice(0, 8);
      setHtml(results, shown.map((c) => html`<li><button type="button" class="pick" data-pick="${c.id}">
        <span class="pick-name">${c.name}</span>${contact(c) && html` <span class="pick-contact">${contact(c)}</span>`}</button></li>`));
      found.textContent = shown.length ? `${shown.length} matching` : (q ? 'No customer matches. Add a new one.' : '');
      if (!shown.length && q) setHtml(results, html`<li class="empty-inline">No customer matches “${q}”.</li>`);
    } catch (err) {
      if (mine === seq) setHtml(results, html`<li class="field-error">Cannot search customers: ${err.message}</li>`);
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
    const c = b && shown.find((x) => x.id === b.dataset.pick);
    if (c) { choose(c); chosenBox.querySelector('button')?.focus(); }
  });
  newButton.addEventListener('click', () => setAdding(true));
  box.querySelector('[data-find-instead]').addEventListener('click', () => { setAdding(false); find.focus(); });

  return {
    get chosen() { return chosen; },
    /** Checks the picker; a new customer is created here (once: it is then the chosen one). Null when it cannot go on. */
    async ensureCustomer(form) {
      if (chosen) return chosen;
      if (!adding) {
        fieldError(form, 'customerId', 'Choose a customer, or add a new one.');
        find.focus();
        return null;
      }
      const v = Object.fromEntries(['name', 'email', 'phone'].map((n) => [n, newBox.querySelector(`[name="${n}"]`).value.trim()]));
      if (!v.name) { fieldError(form, 'name', 'Customer name is required.'); newBox.querySelector('#cp-name').focus(); return null; }
      const created = await createCustomer({ name: v.name, email: v.email || null, phone: v.phone || null });
      choose(created);
      return created;
    },
  };
}
