// The receipt after checkout: the server's text (GET /orders/{id}/receipt), the order number as a CODE128
// barcode to scan for a return, the change to hand back, and "New sale". The server already printed it
// through the receipt printer plugin at checkout; this page only says so.
import { useEffect, useRef } from 'preact/hooks';
import JsBarcode from 'jsbarcode';
import { html } from '../app/html.js';
import { compareAmounts, formatMoney } from '../app/money.js';

/**
 * Draws `value` as CODE128 into an <svg>. JsBarcode only sets SVG presentation attributes (no style
 * attributes), which the page's Content-Security-Policy allows; size and colour come from CSS.
 */
export function drawBarcode(svg, value) {
  JsBarcode(svg, value, {
    format: 'CODE128',
    displayValue: false, // the number is shown as text beside it, in the page's own font
    margin: 0,
    height: 60,
    width: 2,
    background: '#ffffff',
    lineColor: '#000000',
  });
}

export function OrderBarcode({ value }) {
  const svg = useRef(null);
  useEffect(() => {
    if (!svg.current || !value) return;
    try {
      drawBarcode(svg.current, value);
    } catch {
      // a value CODE128 cannot carry: the number is still shown as text
    }
  }, [value]);
  return html`<svg id="receipt-barcode" class="receipt-barcode" ref=${svg} role="img"
    aria-label=${`Barcode of order ${value}`}></svg>`;
}

export function ReceiptView({ order, text, textError, printerActive, error, busy, onRetryText, onNewSale }) {
  const change = order?.changeGiven;
  const giveChange = change && compareAmounts(change.amount, '0', change.currency) > 0;
  return html`
    <section class="receipt-view" id="receipt" aria-labelledby="receipt-title">
      <div class="receipt-summary card">
        <h2 id="receipt-title">Sale complete</h2>
        ${giveChange && html`
          <p class="change-due">Change <strong id="change-due">${formatMoney(change)}</strong></p>`}
        <p class="receipt-total">Total ${order ? formatMoney(order.total) : ''}</p>
        <p class="muted">Order <strong id="receipt-order-number">${order?.orderNumber || ''}</strong></p>
        ${order?.orderNumber && html`<${OrderBarcode} value=${order.orderNumber} />`}
        <p class=${`notice ${printerActive === false ? 'warning' : 'success'}`} id="receipt-printed">
          ${printerActive === false
            ? 'No receipt printer plugin is active: the receipt was not printed. Show it on screen or reprint later.'
            : 'The receipt was sent to the receipt printer.'}
        </p>
        ${error && html`<p class="notice error" role="alert" id="receipt-error">${error}</p>`}
        <button type="button" class="primary big" id="new-sale" disabled=${busy} onClick=${onNewSale}>
          ${busy ? 'Opening…' : 'New sale (Enter)'}</button>
      </div>
      <div class="receipt-paper card">
        ${text !== null && text !== undefined
          ? html`<pre class="receipt-text" id="receipt-text">${text}</pre>`
          : textError
            ? html`<div class="notice error" role="alert">${textError}
                <button type="button" onClick=${onRetryText}>Load the receipt again</button></div>`
            : html`<p class="loading">Loading the receipt…</p>`}
      </div>
    </section>`;
}
