// What the scan field received. A barcode scanner is a keyboard that types digits and Enter, so digits are
// a barcode; anything else is a name to search for. "3*…" (or "3x…") in front sets the quantity, the way
// tills let the cashier key the count of identical items or a weight before scanning.

const QUANTITY_PREFIX = /^(\d+(?:[.,]\d{1,3})?)\s*[*xX×]\s*(.+)$/;
const DIGITS = /^\d+$/;
// The order numbers the server prints as the receipt barcode: "<store>-000123".
const ORDER_NUMBER = /^[a-z0-9][a-z0-9-]*-\d{4,}$/i;

/**
 * @param {string} raw what was typed
 * @returns {{kind: 'empty'} | {kind: 'barcode', barcode: string, quantity: string}
 *   | {kind: 'search', query: string, quantity: string} | {kind: 'order', orderNumber: string}
 *   | {kind: 'invalid', message: string}}
 */
export function classifyScan(raw) {
  const text = String(raw ?? '').trim();
  if (!text) return { kind: 'empty' };
  let quantity = '1';
  let rest = text;
  const prefixed = QUANTITY_PREFIX.exec(text);
  if (prefixed) {
    quantity = prefixed[1].replace(',', '.');
    rest = prefixed[2].trim();
    if (!/[1-9]/.test(quantity)) return { kind: 'invalid', message: 'The quantity must be more than zero.' };
  }
  // scanners and people sometimes group digits with spaces
  const compact = rest.replace(/\s+/g, '');
  if (DIGITS.test(compact)) return { kind: 'barcode', barcode: compact, quantity };
  if (!prefixed && ORDER_NUMBER.test(rest) && /\d{4,}$/.test(rest) && /[a-z]/i.test(rest)) {
    return { kind: 'order', orderNumber: rest };
  }
  if (rest.length < 2) return { kind: 'invalid', message: 'Type at least two letters to search by name.' };
  return { kind: 'search', query: rest, quantity };
}

/** The price of a product at one store, as the catalog lists it (null when the store does not sell it). */
export function priceAt(product, storeId) {
  return product?.prices?.find((p) => p.storeId === storeId)?.price ?? null;
}
