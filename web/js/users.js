// #/users (owner): everyone who can sign in to the shop, their roles, and inviting someone new.
import { listUsers, inviteUser, editUser, setUserPassword } from './api.js';
import { html, setHtml, withBusy, showProblem, hideAlert, checkRequired, formValues, toast, problemHtml, pageAlert, openDialog, time } from './ui.js';
import { field, selectField, optionalReason, reasonBody } from './forms.js';
import { session } from './session.js';

const ROLES = [['Staff', 'Staff'], ['Owner', 'Owner'], ['Kiosk', 'Kiosk (monitor only)']];

function row(u) {
  const me = u.id === session()?.userId;
  const roleId = `role-${u.id}`;
  return html`<tr class="${u.active ? '' : 'is-inactive'}">
    <td data-label="Name"><span class="user-cell"><span class="user-name">${u.name}</span>${me && html`<span class="badge">You</span>`}</span></td>
    <td data-label="Email" class="user-email">${u.email}</td>
    <td data-label="Role">
      <label class="visually-hidden" for="${roleId}">Role of ${u.name}</label>
      <select id="${roleId}" class="role-select" data-role-of="${u.id}" ${me || !u.active ? 'disabled' : ''}>
        ${ROLES.map(([v, t]) => html`<option value="${v}" ${v === u.role ? 'selected' : ''}>${t}</option>`)}
      </select>
    </td>
    <td data-label="Status">${u.active ? html`<span class="badge badge-status-available">Active</span>` : html`<span class="badge badge-status-canceled">Deactivated</span>`}</td>
    <td data-label="Added">${time(u.createdAt, false)}</td>
    <td class="row-actions"><div>${me ? html`<span class="hint">Signed in</span>` : u.active
      ? html`<button type="button" class="btn btn-sm" data-set-password="${u.id}" aria-label="Set a new password for ${u.name}">Set password</button>
        <button type="button" class="btn btn-sm btn-danger-outline" data-deactivate="${u.id}" aria-label="Deactivate ${u.name}">Deactivate</button>`
      : html`<button type="button" class="btn btn-sm" data-reactivate="${u.id}" aria-label="Reactivate ${u.name}">Reactivate</button>`}</div></td>
  </tr>`;
}

const tableHtml = (users) => (users.length
  ? html`<table class="table users-table">
      <thead><tr><th scope="col">Name</th><th scope="col">Email</th><th scope="col">Role</th><th scope="col">Status</th><th scope="col">Added</th><th scope="col"><span class="visually-hidden">Actions</span></th></tr></thead>
      <tbody>${users.map(row)}</tbody></table>`
  : html`<div class="empty-state"><p class="empty-title">No users yet.</p><p>Invite your staff below.</p></div>`);

const inviteHtml = html`<form class="panel" novalidate aria-labelledby="invite-h" id="invite-form">
    <h2 id="invite-h">Invite someone</h2>
    <div class="alert alert-error" role="alert" hidden></div>
    <div class="form-grid">
      ${field({ id: 'inv-name', name: 'name', text: 'Name', required: true, attrs: 'maxlength="60" autocomplete="off"' })}
      ${field({ id: 'inv-email', name: 'email', text: 'Email', type: 'email', required: true, attrs: 'autocomplete="off" spellcheck="false" autocapitalize="none"' })}
      ${selectField({ id: 'inv-role', name: 'role', text: 'Role', options: ROLES, value: 'Staff' })}
      ${field({ id: 'inv-password', name: 'password', text: 'Initial password', required: true, attrs: 'autocomplete="new-password" minlength="10" spellcheck="false"',
        hint: 'At least 10 characters. Give them this password; they can change it after signing in.' })}
    </div>
    <div class="form-actions"><button type="submit" class="btn btn-primary">Invite</button></div>
  </form>`;

export async function renderUsers(view) {
  setHtml(view, html`<div class="page-head"><h1 tabindex="-1">Users</h1></div>
    <div data-alert-slot></div>
    <section class="users-list" aria-label="Users" data-list><p class="loading" role="status">Loading users…</p></section>
    ${inviteHtml}`);
  const alertEl = pageAlert();
  view.querySelector('[data-alert-slot]').replaceWith(alertEl);
  const list = view.querySelector('[data-list]');
  let users = [];

  const draw = () => setHtml(list, tableHtml(users));
  async function reload() {
    try { users = await listUsers(); draw(); } catch (err) {
      setHtml(list, html`<div class="alert alert-error" role="alert">${problemHtml(err.problem)}</div>`);
    }
  }
  const find = (id) => users.find((u) => u.id === id);

  async function change(user, body, { control, success }) {
    hideAlert(alertEl);
    try {
      const updated = await withBusy(control, () => editUser(user, body));
      users = users.map((u) => (u.id === updated.id ? updated : u));
      draw();
      toast(success);
      return true;
    } catch (err) {
      if (err.status === 412) { await reload(); showProblem(alertEl, { title: `${user.name} was changed by someone else; showing the latest — please redo your change.` }); }
      else { showProblem(alertEl, err.problem); draw(); }
      return false;
    }
  }

  list.addEventListener('change', (e) => {
    const select = e.target.closest('[data-role-of]');
    const user = select && find(select.dataset.roleOf);
    if (user) change(user, { role: select.value }, { control: select, success: `${user.name} is now ${select.value}` });
  });
  list.addEventListener('click', async (e) => {
    const reset = e.target.closest('[data-set-password]');
    if (reset) { setPassword(find(reset.dataset.setPassword)); return; }
    const off = e.target.closest('[data-deactivate]');
    const on = e.target.closest('[data-reactivate]');
    if (on) { const u = find(on.dataset.reactivate); change(u, { active: true }, { control: on, success: `${u.name} reactivated` }); return; }
    if (!off) return;
    const u = find(off.dataset.deactivate);
    const values = await openDialog({
      title: `Deactivate ${u.name}?`, danger: true, confirmLabel: 'Deactivate', cancelLabel: 'Keep active',
      body: html`<p><strong>${u.name}</strong> is signed out everywhere and can no longer sign in. You can reactivate them later.</p>${optionalReason('deact-reason')}`,
    });
    if (values) change(u, { active: false, ...reasonBody(values) }, { success: `${u.name} deactivated` });
  });

  // For someone who forgot their password: the owner sets a new one and passes it on.
  async function setPassword(user) {
    const updated = await openDialog({
      title: `Set a new password for ${user.name}`, confirmLabel: 'Set password',
      body: html`<p>${user.name} is signed out everywhere and signs in with this password from now on.</p>
        ${field({ id: 'reset-password', name: 'password', text: 'New password', required: true,
          attrs: 'autocomplete="new-password" minlength="10" spellcheck="false"', hint: 'At least 10 characters.' })}`,
      onSubmit: (_, dialogForm) => setUserPassword(user, dialogForm.elements.password.value),
    });
    if (!updated?.id) return;
    users = users.map((u) => (u.id === updated.id ? updated : u));
    draw();
    toast(`New password set for ${updated.name}`);
  }

  const form = view.querySelector('#invite-form');
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const formAlert = form.querySelector('[role="alert"]');
    hideAlert(formAlert);
    if (!checkRequired(form)) return;
    const v = formValues(form);
    try {
      const user = await withBusy(e.submitter, () => inviteUser({ name: v.name, email: v.email, role: v.role, password: form.elements.password.value }));
      users = [...users, user].sort((a, b) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }));
      draw();
      form.reset();
      toast(`${user.name} can now sign in as ${user.email}`);
    } catch (err) { showProblem(formAlert, err.problem, form); }
  });

  await reload();
}
