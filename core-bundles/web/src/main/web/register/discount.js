// A discount on one line, by percent or by amount (PUT /carts/{id}/lines/{lineId}/discount). The server
// decides whether it needs a supervisor (above its threshold, 10 % by default) and computes the amount.
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { html } from '../app/html.js';
import { compareAmounts, currencyDigits, formatMoney, fromMinor, isAmount, toMinor } from '../app/money.js';

export const DISCOUNT_REASONS = ['Customer goodwill', 'Damaged item', 'Price match', 'Staff discount', 'Promotion'];

/**
 * Checks the form: exactly one of percent (0 < p ≤ 100, two decimals at most) and amount (positive, in the
 * cart's currency, at most the line's value before discount), and a reason.
 * @returns {{ok: true, body: object} | {ok: false, message: string}}
 */
export function discountRequest({ percent, amount, reason }, line, currency) {
  const p = String(percent ?? '').trim().replace(',', '.');
  const a = String(amount ?? '').trim().replace(',', '.');
  const why = String(reason ?? '').trim();
  if (!why) return { ok: false, message: 'Choose or type a reason.' };
  if (why.length > 255) return { ok: false, message: 'The reason is at most 255 characters.' };
  if (p && a) return { ok: false, message: 'Give either a percentage or an amount, not both.' };
  if (!p && !a) return { ok: false, message: 'Type a percentage or an amount.' };
  if (p) {
    if (!/^\d{1,3}(\.\d{1,2})?$/.test(p) || Number(p) <= 0 || Number(p) > 100) {
      return { ok: false, message: 'The percentage is a number above 0 and at most 100 (two decimals at most).' };
    }
    // sent as the decimal string typed: the server reads it exactly, no float in between
    return { ok: true, body: { percent: p, reason: why } };
  }
  if (!isAmount(a, currency) || a.startsWith('-')) {
    return { ok: false, message: `"${amount}" is not an amount in ${currency}.` };
  }
  const digits = currencyDigits(currency);
  const value = fromMinor(toMinor(a, digits), digits);
  if (compareAmounts(value, '0', currency) <= 0) return { ok: false, message: 'The amount must be more than zero.' };
  if (line) {
    const before = fromMinor(toMinor(line.lineTotal.amount, digits) + toMinor(line.discount?.amount || '0', digits), digits);
    if (compareAmounts(value, before, currency) > 0) {
      return { ok: false, message: `The discount cannot exceed the line's ${formatMoney(before, currency)}.` };
    }
  }
  return { ok: true, body: { amount: { amount: value, currency }, reason: why } };
}

export function DiscountDialog({ line, currency, busy, error, onApply, onRemove, onCancel }) {
  const [percent, setPercent] = useState('');
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState(line.discountReason || DISCOUNT_REASONS[0]);
  const [problem, setProblem] = useState(null);
  const first = useRef(null);
  useLayoutEffect(() => first.current?.focus(), []);

  const submit = (event) => {
    event.preventDefault();
    if (busy) return;
    const checked = discountRequest({ percent, amount, reason }, line, currency);
    if (!checked.ok) {
      setProblem(checked.message);
      return;
    }
    setProblem(null);
    onApply(checked.body);
  };
  const keydown = (event) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onCancel();
    }
  };
  const hasDiscount = line.discount && compareAmounts(line.discount.amount, '0', currency) > 0;
  const shown = problem || error;

  return html`
    <div class="modal-backdrop" onKeyDown=${keydown}>
      <form class="modal card" id="discount-dialog" role="dialog" aria-modal="true" aria-labelledby="discount-title"
        onSubmit=${submit}>
        <h2 id="discount-title">Discount</h2>
        <p><strong>${line.name}</strong> · ${formatMoney(line.lineTotal)}
          ${hasDiscount && html` <span class="muted">(now −${formatMoney(line.discount)})</span>`}</p>
        <div class="two-fields">
          <label>Percent
            <input id="discount-percent" ref=${first} data-autofocus inputmode="decimal" autocomplete="off"
              placeholder="e.g. 10" value=${percent} onInput=${(e) => setPercent(e.currentTarget.value)} />
          </label>
          <label>or amount (${currency})
            <input id="discount-amount" inputmode="decimal" autocomplete="off" placeholder="e.g. 2.00"
              value=${amount} onInput=${(e) => setAmount(e.currentTarget.value)} />
          </label>
        </div>
        <label>Reason
          <input id="discount-reason" list="discount-reasons" maxlength="255" value=${reason}
            onInput=${(e) => setReason(e.currentTarget.value)} />
          <datalist id="discount-reasons">${DISCOUNT_REASONS.map((r) => html`<option value=${r} />`)}</datalist>
        </label>
        <p class="muted small">Above 10 % a supervisor approves.</p>
        ${shown && html`<p class="notice error" id="discount-error" role="alert">${shown}</p>`}
        <div class="modal-actions">
          <button type="button" id="discount-cancel" data-cancel onClick=${onCancel}>Cancel (Esc)</button>
          ${hasDiscount && html`<button type="button" id="discount-remove" disabled=${busy} onClick=${onRemove}>Remove discount</button>`}
          <button type="submit" class="primary" id="discount-apply" disabled=${busy}>${busy ? 'Applying…' : 'Apply (Enter)'}</button>
        </div>
      </form>
    </div>`;
}
