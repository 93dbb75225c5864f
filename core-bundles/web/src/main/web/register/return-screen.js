// Return mode: find the order (scan the receipt barcode or type the order number), choose what comes back
// and why, and refund it to the original tenders (a cashier needs a supervisor's approval, order.refund).
// Refunds a provider refused can be paid in cash instead, again with an approval.
import { useEffect, useRef, useState } from 'preact/hooks';
import { html } from '../app/html.js';
import { api } from '../app/api.js';
import { formatMoney, formatQuantity } from '../app/money.js';
import { ApprovalCancelled } from './approval.js';
import { AttemptKeys } from './attempts.js';
import { focusHome, useRegisterKeys } from './keys.js';
import { buildReturnRequest, returnableLines, unsettledFailedRefunds } from './returns.js';
import { unitSymbol } from './quantity.js';

const REASONS = ['Damaged', 'Wrong item', 'Changed mind', 'Not as described', 'Duplicate purchase'];
const REFUND_STATES = { REFUNDED: 'refunded', PENDING: 'waiting for the payment plugin', FAILED: 'failed' };
const METHOD_LABELS = { cash: 'Cash', 'card-terminal': 'Card', 'gift-card': 'Gift card', 'store-credit': 'Store credit' };

/** GET /orders/{ref}: the server finds an order by its id or by the number printed (and barcoded) on the receipt. */
export async function findOrder(reference, request = api) {
  return request.get(`/orders/${encodeURIComponent(reference.trim())}`);
}

function RefundRows({ ret, online, onCashFallback }) {
  const open = new Set(unsettledFailedRefunds(ret).map((r) => r.id));
  return html`
    <ul class="refunds">
      ${ret.refunds.map((refund) => html`
        <li class=${`refund status-${refund.status.toLowerCase()}`} data-refund-id=${refund.id} data-status=${refund.status}>
          <span class="refund-method">${METHOD_LABELS[refund.method] || refund.method}</span>
          <span class="num">${formatMoney(refund.amount)}</span>
          <span class="refund-state">${REFUND_STATES[refund.status] || refund.status}${refund.note ? ` · ${refund.note}` : ''}</span>
          ${open.has(refund.id) && html`
            <button type="button" class="refund-cash-fallback danger-outline" disabled=${!online}
              onClick=${() => onCashFallback(ret, refund)}>Pay ${formatMoney(refund.amount)} in cash</button>`}
        </li>`)}
    </ul>`;
}

export function ReturnScreen({ till, online, approve, initialLookup, onSaleMode, onHelp }) {
  const [lookup, setLookup] = useState(initialLookup || '');
  const [order, setOrder] = useState(null);
  const [returns, setReturns] = useState([]);
  const [typed, setTyped] = useState({});
  const [reason, setReason] = useState('');
  const [fieldErrors, setFieldErrors] = useState({});
  const [error, setError] = useState(null);
  const [notice, setNotice] = useState(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState(null);
  const lookupField = useRef(null);
  const attempts = useRef(new AttemptKeys());

  // back to the lookup only when focus got lost (a quantity field the cashier is typing in keeps it)
  const refocus = () => setTimeout(() => {
    if (!document.activeElement || document.activeElement === document.body) focusHome(lookupField.current);
  }, 0);

  const load = async (reference) => {
    if (!reference.trim()) return;
    setBusy(true);
    setError(null);
    setNotice(null);
    setResult(null);
    try {
      const found = await findOrder(reference);
      const earlier = await api.get(`/orders/${encodeURIComponent(found.id)}/returns`);
      setOrder(found);
      setReturns(earlier);
      setTyped({});
      setFieldErrors({});
      setLookup('');
      // next: the quantities (Enter in them refunds); the lookup field stays one F2 away
      setTimeout(() => document.querySelector('.return-qty:not([disabled])')?.focus(), 0);
    } catch (e) {
      setError(e.status === 404
        ? `${e.message}. Scan the receipt barcode or type the order number (or its id).`
        : e.message);
    } finally {
      setBusy(false);
      refocus();
    }
  };

  useEffect(() => {
    if (initialLookup) load(initialLookup);
  }, []);

  const rows = order ? returnableLines(order, returns) : [];

  const submit = async () => {
    if (!order || busy) return;
    const checked = buildReturnRequest(rows, typed, reason);
    setFieldErrors(checked.errors);
    if (!checked.ok) {
      setError(checked.message);
      return;
    }
    if (!online) {
      setError('Offline: the return waits until the server is back.');
      return;
    }
    const body = { ...checked.body, store: till.storeId };
    setBusy(true);
    setError(null);
    try {
      const made = await attempts.current.run({ order: order.id, ...body }, (key) => approve(
        (approval) => api.post(`/orders/${encodeURIComponent(order.id)}/returns`, body, { idempotencyKey: key, approval }),
        `Return of ${body.lines.length} line(s) from order ${order.orderNumber}`));
      setResult(made);
      setTimeout(() => document.getElementById('return-result')?.scrollIntoView?.({ block: 'nearest' }), 0);
      setTyped({});
      setReturns(await api.get(`/orders/${encodeURIComponent(order.id)}/returns`).catch(() => [...returns, made]));
    } catch (e) {
      if (e instanceof ApprovalCancelled) setNotice('Not approved: nothing was returned.');
      else setError(attempts.current.retryPending
        ? `${e.message} Submitting the same return again is safe: it is made at most once.`
        : e.message);
    } finally {
      setBusy(false);
      refocus();
    }
  };

  const cashFallback = async (ret, refund) => {
    setBusy(true);
    setError(null);
    try {
      const updated = await approve((approval) => api.post(
        `/orders/${encodeURIComponent(ret.orderId)}/returns/${encodeURIComponent(ret.id)}/refunds/${encodeURIComponent(refund.id)}/cash`,
        undefined, { approval }), `Pay the failed ${refund.method} refund of ${formatMoney(refund.amount)} in cash`);
      if (result?.id === updated.id) setResult(updated);
      setReturns((list) => list.map((r) => (r.id === updated.id ? updated : r)));
      setNotice(`Pay ${formatMoney(refund.amount)} to the customer in cash.`);
    } catch (e) {
      if (e instanceof ApprovalCancelled) setNotice('Not approved: nothing was paid.');
      else setError(e.message);
    } finally {
      setBusy(false);
      refocus();
    }
  };

  const clear = () => {
    setOrder(null);
    setResult(null);
    setError(null);
    setNotice(null);
    setTyped({});
    setReason('');
    setLookup('');
  };

  useRegisterKeys((event) => {
    if (document.querySelector('[role="dialog"]')) {
      if (/^F\d+$/.test(event.key)) event.preventDefault();
      return;
    }
    const target = event.target;
    switch (event.key) {
      case 'F2':
        event.preventDefault();
        lookupField.current?.focus();
        lookupField.current?.select();
        break;
      case 'F8':
        event.preventDefault();
        onSaleMode();
        break;
      case 'F12':
      case 'F4':
        event.preventDefault();
        break;
      case 'Escape':
        event.preventDefault();
        if (lookup) setLookup('');
        else clear();
        refocus();
        break;
      case 'Enter':
        if (target === lookupField.current) {
          event.preventDefault();
          load(lookup);
        } else if (target?.classList?.contains('return-qty') || target?.id === 'return-reason') {
          event.preventDefault();
          submit();
        }
        break;
      case '?':
        if (target === lookupField.current && !lookup) {
          event.preventDefault();
          onHelp();
        }
        break;
      default:
    }
  }, lookupField);

  const earlier = returns.filter((r) => r.id !== result?.id);

  return html`
    <section class="return-screen" aria-labelledby="return-title">
      <div class="scan-bar">
        <label class="scan-label" for="return-lookup" id="return-title">Return · order number</label>
        <input id="return-lookup" ref=${lookupField} class="scan-input" autocomplete="off" spellcheck=${false}
          placeholder="Scan the receipt barcode or type the order number, Enter" value=${lookup} disabled=${busy && !order}
          onInput=${(e) => setLookup(e.currentTarget.value)} />
        <button type="button" class="primary" id="return-find" disabled=${busy || !lookup.trim()} onClick=${() => load(lookup)}>Find</button>
      </div>
      ${error && html`<p class="notice error" role="alert" id="return-error">${error}</p>`}
      ${notice && html`<p class="notice warning" role="status" id="return-notice">${notice}</p>`}

      ${order && html`
        <div class="card return-order" id="return-order" data-order-id=${order.id}>
          <h2>Order ${order.orderNumber}</h2>
          <p class="muted">${new Date(order.placedAt).toLocaleString()} · ${order.storeId} · register ${order.registerId || '–'} · cashier ${order.cashier} · total ${formatMoney(order.total)}</p>
          <table class="return-table">
            <thead><tr><th>Article</th><th class="num">Price</th><th class="num">Sold</th><th class="num">Returned</th>
              <th class="num">Take back</th></tr></thead>
            <tbody>
              ${rows.map((row) => html`
                <tr class=${`return-line${fieldErrors[row.line.id] ? ' invalid' : ''}`} data-line-id=${row.line.id} data-sku=${row.line.sku}>
                  <td><span class="name">${row.line.name}</span> <span class="muted sku">${row.line.sku}</span>
                    ${fieldErrors[row.line.id] && html`<div class="field-error">${fieldErrors[row.line.id]}</div>`}</td>
                  <td class="num">${formatMoney(row.line.unitPrice)}</td>
                  <td class="num return-sold">${formatQuantity(row.sold)} ${unitSymbol(row.line.unit)}</td>
                  <td class="num return-returned">${formatQuantity(row.returned)}</td>
                  <td class="num">
                    <input class="return-qty" inputmode="decimal" autocomplete="off" placeholder="0"
                      aria-label=${`Quantity of ${row.line.name} to take back, at most ${row.returnable}`}
                      disabled=${busy || row.returnable === '0'} value=${typed[row.line.id] || ''}
                      onInput=${(e) => setTyped({ ...typed, [row.line.id]: e.currentTarget.value })} />
                    <span class="muted small"> of ${formatQuantity(row.returnable)}</span>
                  </td>
                </tr>`)}
            </tbody>
          </table>
          <div class="return-form">
            <button type="button" id="return-all" disabled=${busy}
              onClick=${() => setTyped(Object.fromEntries(rows.filter((r) => r.returnable !== '0').map((r) => [r.line.id, r.returnable])))}>
              Everything left</button>
            <label class="grow">Reason
              <input id="return-reason" list="return-reasons" maxlength="255" value=${reason}
                onInput=${(e) => setReason(e.currentTarget.value)} />
              <datalist id="return-reasons">${REASONS.map((r) => html`<option value=${r} />`)}</datalist>
            </label>
            <button type="button" class="primary big" id="return-submit" disabled=${busy || !online} onClick=${submit}>
              ${busy ? 'Working…' : 'Refund'}</button>
          </div>
          <p class="muted small">A cashier's return needs a supervisor's approval. Refunds go back to the original tenders.</p>
        </div>`}

      ${result && html`
        <div class="card return-result" id="return-result" data-return-id=${result.id}>
          <h2>Return ${result.number}: ${formatMoney(result.refundTotal)} refunded</h2>
          <${RefundRows} ret=${result} online=${online} onCashFallback=${cashFallback} />
          ${result.receipt && html`<pre class="receipt-text">${result.receipt}</pre>`}
        </div>`}

      ${order && earlier.length > 0 && html`
        <details class="card earlier-returns" open=${earlier.some((r) => unsettledFailedRefunds(r).length > 0)}>
          <summary>Earlier returns of this order (${earlier.length})</summary>
          ${earlier.map((r) => html`
            <div class="earlier-return" data-return-id=${r.id}>
              <strong>${r.number}</strong> · ${formatMoney(r.refundTotal)} · ${r.reason}
              <${RefundRows} ret=${r} online=${online} onCashFallback=${cashFallback} />
            </div>`)}
        </details>`}

      ${!order && !error && html`<p class="muted return-hint">Scan the barcode on the customer's receipt, or type the order number and press Enter.</p>`}
    </section>`;
}
