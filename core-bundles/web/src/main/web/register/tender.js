// Tender maths and rules, kept apart from the view so they can be tested. Amounts stay decimal strings and
// BigInt minor units (money.js); the server's figures (due, paid, change) are always the ones shown, these
// helpers only propose amounts and decide what the cashier may do next.
import { compareAmounts, currencyDigits, fromMinor, isAmount, toMinor } from '../app/money.js';

/** The payment methods the register offers, in button order, with the ids the browser tests use. */
export const TENDER_METHODS = [
  { method: 'cash', label: 'Cash', buttonId: 'tender-cash', hotkey: 'c' },
  { method: 'card-terminal', label: 'Card', buttonId: 'tender-card', hotkey: 'k' },
  { method: 'gift-card', label: 'Gift card', buttonId: 'tender-gift-card', hotkey: 'g' },
];

// Banknotes in common use, in major units: enough to propose "next round note" amounts.
const NOTES = {
  EUR: [5, 10, 20, 50, 100],
  USD: [1, 5, 10, 20, 50, 100],
  CAD: [5, 10, 20, 50, 100],
  INR: [10, 20, 50, 100, 200, 500],
  GBP: [5, 10, 20, 50],
  CHF: [10, 20, 50, 100],
  JPY: [1000, 5000, 10000],
};
const DEFAULT_NOTES = [5, 10, 20, 50, 100];

/**
 * Amounts to offer as quick buttons for cash: the exact amount due, then the next amounts the customer is
 * likely to hand over (rounded up to a whole unit and to each note), without duplicates, at most `count`.
 * @returns {string[]} decimal strings, ascending, the first one the exact amount
 */
export function quickCashAmounts(due, currency, count = 4) {
  const digits = currencyDigits(currency);
  const dueMinor = toMinor(due, digits);
  if (dueMinor <= 0n) return [];
  const unit = 10n ** BigInt(digits);
  const steps = [1, ...(NOTES[currency] || DEFAULT_NOTES)].map((major) => BigInt(major) * unit);
  const proposals = new Set();
  for (const step of steps) {
    const roundedUp = ((dueMinor + step - 1n) / step) * step;
    if (roundedUp > dueMinor) proposals.add(roundedUp);
  }
  const sorted = [...proposals].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return [fromMinor(dueMinor, digits), ...sorted.map((m) => fromMinor(m, digits))].slice(0, count);
}

/** What the customer gets back when handing over `tendered` for `due` (zero when not enough). */
export function changeFor(tendered, due, currency) {
  const digits = currencyDigits(currency);
  const difference = toMinor(tendered, digits) - toMinor(due, digits);
  return fromMinor(difference > 0n ? difference : 0n, digits);
}

/**
 * Checks what the cashier typed as the tender amount. An empty field means "the amount due" (Enter on an
 * empty field pays exactly what is left). Only cash may exceed the amount due: it gives change.
 * @returns {{ok: true, amount: string} | {ok: false, message: string}}
 */
export function tenderAmount(typed, method, due, currency) {
  const text = String(typed ?? '').trim().replace(',', '.');
  if (compareAmounts(due, '0', currency) <= 0) return { ok: false, message: 'Nothing is due.' };
  if (!text) return { ok: true, amount: normalise(due, currency) };
  if (!isAmount(text, currency) || text.startsWith('-')) {
    return { ok: false, message: `"${typed}" is not an amount in ${currency} (at most ${currencyDigits(currency)} decimals).` };
  }
  const amount = normalise(text, currency);
  if (compareAmounts(amount, '0', currency) <= 0) return { ok: false, message: 'The amount must be more than zero.' };
  if (method !== 'cash' && compareAmounts(amount, due, currency) > 0) {
    return { ok: false, message: 'Only cash can be more than the amount due (it gives change).' };
  }
  return { ok: true, amount };
}

function normalise(text, currency) {
  const digits = currencyDigits(currency);
  return fromMinor(toMinor(text, digits), digits);
}

/**
 * Which methods can be used now, from GET /plugins: a method is usable when its payment plugin is ACTIVE.
 * `plugins` null means the list could not be read: then every method is offered and the server decides.
 * @returns {Record<string, {available: boolean, reason: string|null}>}
 */
export function methodAvailability(plugins, methods = TENDER_METHODS) {
  const result = {};
  for (const { method, label } of methods) {
    if (!plugins) {
      result[method] = { available: true, reason: null };
      continue;
    }
    const plugin = plugins.find((p) => p.family === 'payment' && p.id === method);
    if (!plugin) result[method] = { available: false, reason: `${label}: the payment plugin is not installed.` };
    else if (plugin.state !== 'ACTIVE') {
      result[method] = { available: false, reason: `${label}: the payment plugin is ${plugin.state.toLowerCase()}, not active.` };
    } else result[method] = { available: true, reason: null };
  }
  return result;
}

/** Tenders that count or may still count: captured, authorised and pending ones (voided/failed are history). */
export function hasPendingTender(cart) {
  return !!cart?.payments?.some((p) => p.status === 'PENDING');
}

/** Whether the cart is paid in full and nothing is still waiting at a provider: time to check out. */
export function readyForCheckout(cart) {
  if (!cart || cart.status !== 'OPEN' || !cart.lines?.length) return false;
  return compareAmounts(cart.due.amount, '0', cart.currency) <= 0 && !hasPendingTender(cart);
}
