// Paying: the amount due, one or several tenders (split tender), and the change. Every payment attempt has
// its own Idempotency-Key, reused only to retry that same attempt after its answer was lost.
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { html } from '../app/html.js';
import { api } from '../app/api.js';
import { compareAmounts, formatMoney } from '../app/money.js';
import { AttemptKeys } from './attempts.js';
import { TENDER_METHODS, changeFor, hasPendingTender, quickCashAmounts, tenderAmount } from './tender.js';

const STATUS_LABELS = {
  PENDING: 'waiting for the provider',
  AUTHORIZED: 'authorised',
  CAPTURED: 'paid',
  VOIDED: 'voided',
  REFUNDED: 'refunded',
  FAILED: 'failed',
};

function methodLabel(method) {
  return TENDER_METHODS.find((m) => m.method === method)?.label || method;
}

function positive(money) {
  return money && compareAmounts(money.amount, '0', money.currency) > 0;
}

/** One tender row: method, what it settled, cash handed over and change, card details, state. */
function TenderRow({ tender, canVoid, onVoid }) {
  const cash = tender.method === 'cash';
  return html`
    <li class=${`tender status-${tender.status.toLowerCase()}`} data-tender-id=${tender.id} data-status=${tender.status}>
      <span class="tender-method">${methodLabel(tender.method)}
        ${tender.maskedPan && html` <span class="muted">${tender.cardBrand || ''} ${tender.maskedPan}</span>`}</span>
      <span class="tender-amount num">${formatMoney(tender.amount)}</span>
      <span class="tender-state">${STATUS_LABELS[tender.status] || tender.status}
        ${cash && positive(tender.change) && html` · given ${formatMoney(tender.tendered)}, change ${formatMoney(tender.change)}`}
        ${tender.message && html` · ${tender.message}`}</span>
      ${canVoid && html`<button type="button" class="tender-void" onClick=${() => onVoid(tender)}>Void</button>`}
    </li>`;
}

export function TenderPanel({ cart, availability, online, checkout, serialize, onCart, onVoidTender, onCheckout, onPluginsStale, onClose }) {
  const firstAvailable = TENDER_METHODS.find((m) => availability[m.method]?.available)?.method || 'cash';
  const [method, setMethod] = useState(firstAvailable);
  const [amountText, setAmountText] = useState('');
  const [giftCard, setGiftCard] = useState('');
  const [balance, setBalance] = useState(null);
  const [inFlight, setInFlight] = useState(false);
  const [declined, setDeclined] = useState(null);
  const [error, setError] = useState(null);
  const [lostAnswer, setLostAnswer] = useState(false);
  const attempts = useRef(new AttemptKeys());
  const amountField = useRef(null);
  const giftField = useRef(null);

  const currency = cart.currency;
  const due = cart.due.amount;
  const pending = hasPendingTender(cart);
  const nothingDue = compareAmounts(due, '0', currency) <= 0;
  const selectedAvailable = availability[method]?.available !== false;

  // a plugin that disappears while the panel is open: move to a method that still works
  useEffect(() => {
    if (!selectedAvailable) setMethod(firstAvailable);
  }, [selectedAvailable, firstAvailable]);

  const focusField = () => {
    const field = method === 'gift-card' && !giftCard ? giftField.current : amountField.current;
    field?.focus();
  };
  useLayoutEffect(focusField, [method]);

  const choose = (next) => {
    if (inFlight || availability[next]?.available === false) return;
    setMethod(next);
    setDeclined(null);
    setError(null);
  };

  const pay = async (typed) => {
    if (inFlight || !online || nothingDue || !selectedAvailable) return;
    const checked = tenderAmount(typed, method, due, currency);
    if (!checked.ok) {
      setError(checked.message);
      return;
    }
    const number = giftCard.replace(/\s+/g, '');
    if (method === 'gift-card' && !number) {
      setError('Scan or type the gift card number first.');
      giftField.current?.focus();
      return;
    }
    const request = { method, amount: { amount: checked.amount, currency } };
    if (method === 'gift-card') request.data = { giftCardNumber: number };
    setInFlight(true);
    setError(null);
    setDeclined(null);
    try {
      // in line with the cart's other changes, so a poll answered meanwhile cannot overwrite this payment
      const outcome = await serialize(() => attempts.current.run({ cart: cart.id, ...request },
        (key) => api.post(`/carts/${encodeURIComponent(cart.id)}/payments`, request, { idempotencyKey: key })));
      setLostAnswer(false);
      setAmountText('');
      onCart(outcome.cart);
      if (outcome.tender?.status === 'FAILED') setDeclined(outcome.tender.message || 'The payment failed.');
    } catch (e) {
      setLostAnswer(attempts.current.retryPending);
      if (e.code === 'payment_declined') setDeclined(e.message);
      else setError(e.message);
      if (e.code === 'payment_method_unavailable') onPluginsStale();
    } finally {
      setInFlight(false);
      setTimeout(focusField, 0);
    }
  };

  const checkBalance = async () => {
    const number = giftCard.replace(/\s+/g, '');
    if (!number) return;
    setBalance({ loading: true });
    try {
      const card = await api.get(`/giftcards/${encodeURIComponent(number)}`);
      setBalance({ card });
    } catch (e) {
      setBalance({ error: e.message });
    }
  };

  const submit = (event) => {
    event.preventDefault();
    if (nothingDue && !pending) onCheckout();
    else pay(amountText);
  };

  const keydown = (event) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      if (!inFlight) onClose();
      return;
    }
    // one-letter method keys in the amount and card number fields (which only take digits)
    const target = event.target;
    if ((target === amountField.current || target === giftField.current) && !event.ctrlKey && !event.altKey) {
      const picked = TENDER_METHODS.find((m) => m.hotkey === event.key.toLowerCase());
      if (picked) {
        event.preventDefault();
        choose(picked.method);
      }
    }
  };

  const unavailable = TENDER_METHODS.filter((m) => availability[m.method]?.available === false);
  const quick = method === 'cash' && !nothingDue ? quickCashAmounts(due, currency) : [];
  const changeGiven = positive(cart.changeGiven);
  // what to hand back for the amount being typed (the server's figure replaces it once paid)
  const typed = method === 'cash' && amountText.trim() && !nothingDue ? tenderAmount(amountText, method, due, currency) : null;
  const changePreview = typed?.ok ? changeFor(typed.amount, due, currency) : null;

  return html`
    <div class="modal-backdrop tender-backdrop" onKeyDown=${keydown}>
      <form class="modal card tender-panel" id="tender-panel" role="dialog" aria-modal="true"
        aria-labelledby="tender-title" onSubmit=${submit}>
        <header class="tender-head">
          <h2 id="tender-title">Payment</h2>
          <div class="due-box">
            <span class="muted">${nothingDue ? 'Paid' : compareAmounts(cart.paid.amount, '0', currency) > 0 ? 'Remaining' : 'Amount due'}</span>
            <strong id="amount-due" class="num">${formatMoney(cart.due)}</strong>
            <span class="muted small">of ${formatMoney(cart.total)}</span>
          </div>
        </header>

        ${changeGiven && html`<p class="change-due">Change <strong id="change-due">${formatMoney(cart.changeGiven)}</strong></p>`}

        <ul id="tenders" class="tenders" aria-label="Tenders">
          ${cart.payments.length === 0 && html`<li class="muted no-tenders">No payment yet.</li>`}
          ${cart.payments.map((t) => html`<${TenderRow} tender=${t} onVoid=${onVoidTender}
            canVoid=${online && !inFlight && ['CAPTURED', 'AUTHORIZED', 'PENDING'].includes(t.status)} />`)}
        </ul>

        ${pending && html`<p class="notice warning" id="tender-pending" role="status">
          Waiting for the payment provider to confirm a payment… The register asks again every few seconds.</p>`}

        ${!nothingDue && html`
          <div class="methods" role="group" aria-label="Payment method">
            ${TENDER_METHODS.map((m) => html`
              <button type="button" id=${m.buttonId} class=${`method${method === m.method ? ' chosen' : ''}`}
                aria-pressed=${method === m.method} disabled=${inFlight || availability[m.method]?.available === false}
                title=${availability[m.method]?.reason || `${m.label} (${m.hotkey})`} onClick=${() => choose(m.method)}>
                ${m.label} <kbd>${m.hotkey}</kbd></button>`)}
          </div>
          ${unavailable.map((m) => html`<p class="notice warning method-unavailable" data-method=${m.method}>${availability[m.method].reason}</p>`)}

          ${method === 'gift-card' && html`
            <div class="gift-card-row">
              <label>Gift card number
                <input id="gift-card-number" ref=${giftField} inputmode="numeric" autocomplete="off" spellcheck=${false}
                  value=${giftCard} disabled=${inFlight}
                  onInput=${(e) => { setGiftCard(e.currentTarget.value); setBalance(null); }} />
              </label>
              <button type="button" id="gift-card-balance" disabled=${!giftCard || inFlight} onClick=${checkBalance}>Balance</button>
            </div>
            ${balance?.card && html`<p class="muted" id="gift-card-balance-text">Balance ${formatMoney(balance.card.balance)} (${balance.card.status})</p>`}
            ${balance?.error && html`<p class="notice error">${balance.error}</p>`}`}

          <label>Amount ${method === 'cash' ? 'handed over' : 'to pay'}
            <input id="tender-amount" ref=${amountField} data-autofocus inputmode="decimal" autocomplete="off"
              placeholder=${`${due} (Enter = all that is due)`} value=${amountText} disabled=${inFlight}
              onInput=${(e) => setAmountText(e.currentTarget.value)} />
          </label>
          ${changePreview && compareAmounts(changePreview, '0', currency) > 0 && html`
            <p class="change-preview" id="change-preview">Change to give: <strong>${formatMoney(changePreview, currency)}</strong></p>`}
          ${quick.length > 0 && html`
            <div class="quick-cash" role="group" aria-label="Quick cash amounts">
              ${quick.map((amount, i) => html`
                <button type="button" class="quick-cash-amount" data-amount=${amount} disabled=${inFlight || !online}
                  onClick=${() => pay(amount)}>${i === 0 ? 'Exact ' : ''}${formatMoney(amount, currency)}</button>`)}
            </div>`}`}

        ${inFlight && html`<p class="notice warning" role="status" id="tender-in-flight">
          ${method === 'card-terminal' ? 'Follow the card terminal: the customer taps, inserts or swipes the card…' : 'Paying…'}</p>`}
        ${declined && html`<p class="notice error" role="alert" id="tender-declined">Declined: ${declined}</p>`}
        ${error && html`<p class="notice error" role="alert" id="tender-error">${error}</p>`}
        ${lostAnswer && html`<p class="notice warning" id="tender-retry">The answer to the last payment was lost.
          Paying the same amount again with the same method is safe: the server charges it at most once.</p>`}
        ${!online && html`<p class="notice error" role="alert">Offline: payments wait until the server is back. The cart is kept.</p>`}
        ${checkout.error && html`<p class="notice error" role="alert" id="checkout-error">Checkout failed: ${checkout.error}</p>
          <p class="muted small">The payments stay on the cart. Fix the cart (Esc), or void a payment, then complete the sale.</p>`}

        <div class="modal-actions">
          <button type="button" id="tender-close" data-cancel disabled=${inFlight} onClick=${onClose}>Back to cart (Esc)</button>
          ${nothingDue && !pending
            ? html`<button type="submit" class="primary big" id="checkout" data-autofocus disabled=${!online || checkout.busy}>
                ${checkout.busy ? 'Completing…' : 'Complete sale'}</button>`
            : html`<button type="submit" class="primary big" id="tender-submit"
                disabled=${inFlight || !online || !selectedAvailable || nothingDue}>
                ${inFlight ? 'Paying…' : `Pay ${methodLabel(method)}`}</button>`}
        </div>
      </form>
    </div>`;
}
