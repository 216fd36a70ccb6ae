// Labelled form-field markup shared by the pages' forms and dialogs.
import { html, raw } from './ui.js';

/** Standard labelled field markup. */
export function field({ id, name, text, type = 'text', value = '', required = false, hint = '', attrs = '', disabled = false }) {
  const hintId = hint ? `${id}-hint` : '';
  const common = html`id="${id}" name="${name}" ${required ? raw('required') : ''} ${disabled ? raw('disabled') : ''}
    ${hintId ? html`aria-describedby="${hintId}"` : ''} ${raw(attrs)}`;
  let control;
  if (type === 'textarea') control = html`<textarea ${common} rows="3">${value}</textarea>`;
  else if (type === 'checkbox') control = html`<input type="checkbox" ${common} ${value ? raw('checked') : ''}>`;
  else control = html`<input type="${type}" ${common} value="${value ?? ''}">`;
  const labelEl = html`<label for="${id}">${text}${required ? html`<span class="req" aria-hidden="true"> *</span>` : ''}</label>`;
  return html`<div class="field ${type === 'checkbox' ? 'field-check' : ''}">
    ${type === 'checkbox' ? html`${control}${labelEl}` : html`${labelEl}${control}`}
    ${hint && html`<p class="hint" id="${hintId}">${hint}</p>`}</div>`;
}

/** <select> field; options are [value, text] pairs or plain strings. */
export function selectField({ id, name, text, options, value = '', disabled = false }) {
  return html`<div class="field"><label for="${id}">${text}</label>
    <select id="${id}" name="${name}" ${disabled ? raw('disabled') : ''}>${options.map((o) => {
      const [v, t] = Array.isArray(o) ? o : [o, o];
      return html`<option value="${v}" ${String(v) === String(value ?? '') ? raw('selected') : ''}>${t}</option>`;
    })}</select></div>`;
}

/** An optional "Reason" box for removals; reasonBody sends it only when it was filled in. */
export const optionalReason = (id) => field({ id, name: 'reason', text: 'Reason (optional)', type: 'textarea' });
export const reasonBody = (values) => (values.reason ? { reason: values.reason } : undefined);
