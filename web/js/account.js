// #/account/password: change your own password (other sessions of yours end; this one stays).
import { changePassword } from './api.js';
import { html, setHtml, withBusy, showProblem, hideAlert, checkRequired, fieldError, toast } from './ui.js';
import { field } from './forms.js';

export function renderPassword(view) {
  setHtml(view, html`<div class="narrow">
    <h1 tabindex="-1" class="page-title">Change password</h1>
    <form class="panel" novalidate>
      <div class="alert alert-error" role="alert" hidden></div>
      <div class="stack">
        ${field({ id: 'pw-current', name: 'currentPassword', text: 'Current password', type: 'password', required: true, attrs: 'autocomplete="current-password"' })}
        ${field({ id: 'pw-new', name: 'newPassword', text: 'New password', type: 'password', required: true, hint: 'At least 10 characters. Your other devices will be signed out.', attrs: 'autocomplete="new-password" minlength="10"' })}
        ${field({ id: 'pw-confirm', name: 'confirm', text: 'Confirm new password', type: 'password', required: true, attrs: 'autocomplete="new-password"' })}
      </div>
      <div class="form-actions"><button type="submit" class="btn btn-primary">Change password</button></div>
    </form></div>`);
  const form = view.querySelector('form');
  const alertEl = form.querySelector('[role="alert"]');
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    hideAlert(alertEl);
    if (!checkRequired(form)) return;
    const { currentPassword, newPassword, confirm } = form.elements;
    if (newPassword.value !== confirm.value) {
      fieldError(form, 'confirm', 'The new passwords do not match.');
      confirm.focus();
      return;
    }
    try {
      await withBusy(e.submitter, () => changePassword(currentPassword.value, newPassword.value));
      form.reset();
      toast('Password changed');
    } catch (err) {
      showProblem(alertEl, err.problem, form);
    }
  });
}
