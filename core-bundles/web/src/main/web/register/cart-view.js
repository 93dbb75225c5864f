// The cart as the cashier and the customer see it: lines, and the totals exactly as the server computed them.
import { useEffect, useRef } from 'preact/hooks';
import { html } from '../app/html.js';
import { compareAmounts, formatMoney, formatQuantity } from '../app/money.js';
import { priceAt } from './scan.js';
import { unitSymbol } from './quantity.js';

function hasDiscount(line) {
  return line.discount && compareAmounts(line.discount.amount, '0', line.discount.currency) > 0;
}

function nonZero(money) {
  return money && compareAmounts(money.amount, '0', money.currency) !== 0;
}

/** Products found by name; ↑ ↓ move the highlight, Enter or a tap adds one. */
export function SearchResults({ search, storeId, onPick, onClose }) {
  const list = useRef(null);
  useEffect(() => {
    list.current?.querySelector('.search-result.highlighted')?.scrollIntoView?.({ block: 'nearest' });
  }, [search.index]);
  return html`
    <section class="search-results card" id="search-results" aria-label="Search results">
      <header class="search-head">
        <span>${search.items.length ? `${search.total} found for “${search.query}”` : `Nothing found for “${search.query}”`}
          ${search.quantity !== '1' && html` · quantity ${search.quantity}`}</span>
        <button class="quiet" type="button" onClick=${onClose}>Close (Esc)</button>
      </header>
      <div class="search-list" ref=${list} role="listbox">
        ${search.items.map((product, i) => {
          const price = priceAt(product, storeId);
          return html`
            <button type="button" role="option" aria-selected=${i === search.index}
              class=${`search-result${i === search.index ? ' highlighted' : ''}`} data-sku=${product.sku}
              disabled=${!price} onClick=${() => onPick(product)}>
              <span class="result-name">${product.name}</span>
              <span class="result-sku muted">${product.sku}</span>
              <span class="result-price num">${price ? formatMoney(price) : 'not sold here'}${product.unit !== 'EACH' ? ` / ${unitSymbol(product.unit)}` : ''}</span>
            </button>`;
        })}
      </div>
    </section>`;
}

/** The lines; a tap selects one, and the selected line has its own buttons. */
export function CartTable({ cart, selectedLineId, onSelect, onIncrease, onDecrease, onRemove, onDiscount, disabled }) {
  const body = useRef(null);
  useEffect(() => {
    body.current?.querySelector('.cart-line.selected')?.scrollIntoView?.({ block: 'nearest' });
  }, [selectedLineId, cart?.lines?.length]);
  const lines = cart?.lines || [];
  return html`
    <div class="cart-lines" id="cart-lines">
      <table class="cart-table">
        <thead>
          <tr><th>Article</th><th class="num">Price</th><th class="num">Qty</th>
            <th class="num">Total</th><th><span class="visually-hidden">Actions</span></th></tr>
        </thead>
        <tbody ref=${body}>
          ${lines.length === 0 && html`<tr class="cart-empty"><td colspan="5">Scan an article or type its name.</td></tr>`}
          ${lines.map((line) => {
            const selected = line.id === selectedLineId;
            const each = line.unit === 'EACH';
            return html`
              <tr class=${`cart-line${selected ? ' selected' : ''}`} data-sku=${line.sku} data-line-id=${line.id}
                aria-selected=${selected} onClick=${() => onSelect(line.id)}>
                <td class="line-name">
                  <span class="name">${line.name}</span>
                  <span class="muted sku">${line.sku}</span>
                  ${hasDiscount(line) && html`<span class="line-discount-amount">Discount −${formatMoney(line.discount)}${
                    line.discountPercent != null ? ` (${formatQuantity(line.discountPercent)} %)` : ''}${
                    line.discountReason ? ` · ${line.discountReason}` : ''}</span>`}
                </td>
                <td class="num line-price">${formatMoney(line.unitPrice)}${each ? '' : ` / ${unitSymbol(line.unit)}`}</td>
                <td class="num"><span class="line-qty">${formatQuantity(line.quantity)}</span>${each ? '' : html` <span class="muted">${unitSymbol(line.unit)}</span>`}</td>
                <td class="num line-total">${formatMoney(line.lineTotal)}</td>
                <td class="line-actions">
                  <button type="button" class="line-decrease" aria-label=${`One fewer ${line.name}`} disabled=${disabled}
                    onClick=${(e) => { e.stopPropagation(); onDecrease(line); }}>−</button>
                  <button type="button" class="line-increase" aria-label=${`One more ${line.name}`} disabled=${disabled}
                    onClick=${(e) => { e.stopPropagation(); onIncrease(line); }}>+</button>
                  <button type="button" class="line-discount" aria-label=${`Discount on ${line.name}`} disabled=${disabled}
                    onClick=${(e) => { e.stopPropagation(); onDiscount(line); }}>%</button>
                  <button type="button" class="line-remove danger-outline" aria-label=${`Remove ${line.name}`} disabled=${disabled}
                    onClick=${(e) => { e.stopPropagation(); onRemove(line); }}>✕</button>
                </td>
              </tr>`;
          })}
        </tbody>
      </table>
    </div>`;
}

/** Subtotal, the tax per rate, rounding, total, paid and due: the server's figures, formatted only. */
export function Totals({ cart }) {
  if (!cart) return null;
  const included = cart.pricesIncludeTax;
  return html`
    <dl class="totals" id="cart-totals">
      <div class="row"><dt>Subtotal</dt><dd class="num" id="cart-subtotal">${formatMoney(cart.subtotal)}</dd></div>
      ${cart.taxes?.map((tax) => html`
        <div class="row tax"><dt>${included ? 'incl. ' : ''}${tax.name}</dt><dd class="num">${formatMoney(tax.tax)}</dd></div>`)}
      ${(!cart.taxes || cart.taxes.length === 0) && html`
        <div class="row tax"><dt>Tax${included ? ' (included)' : ''}</dt><dd class="num">${formatMoney(cart.taxTotal)}</dd></div>`}
      ${cart.taxAvailable === false && html`<div class="row warn"><dt>Tax cannot be computed: the store's tax plugin is missing</dt><dd></dd></div>`}
      ${nonZero(cart.rounding) && html`<div class="row"><dt>Rounding</dt><dd class="num">${formatMoney(cart.rounding)}</dd></div>`}
      <div class="row total"><dt>Total</dt><dd class="num" id="cart-total">${formatMoney(cart.total)}</dd></div>
      ${nonZero(cart.paid) && html`
        <div class="row"><dt>Paid</dt><dd class="num" id="cart-paid">${formatMoney(cart.paid)}</dd></div>
        <div class="row due"><dt>Due</dt><dd class="num" id="cart-due">${formatMoney(cart.due)}</dd></div>`}
    </dl>`;
}
