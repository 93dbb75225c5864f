// Quantities are decimals with at most three places (kilograms, litres, metres) and whole numbers for pieces.
// Like money, they are added and compared as BigInt thousandths, never as floats.
import { fromMinor, toMinor } from '../app/money.js';

const PLACES = 3;
const UNIT_DECIMALS = { EACH: 0, KILOGRAM: 3, LITRE: 3, METRE: 3 };
const UNIT_SYMBOLS = { EACH: '', KILOGRAM: 'kg', LITRE: 'l', METRE: 'm' };

/** The most decimals a quantity of this unit may have. */
export function unitDecimals(unit) {
  return UNIT_DECIMALS[unit] ?? PLACES;
}

export function unitSymbol(unit) {
  return UNIT_SYMBOLS[unit] ?? '';
}

/** A quantity (JSON number or decimal string) as thousandths; throws on anything that is not one. */
export function toThousandths(quantity) {
  return toMinor(String(quantity), PLACES);
}

/** Thousandths back to the shortest decimal string: 2000n → "2", 347n → "0.347". */
export function fromThousandths(thousandths) {
  const text = fromMinor(thousandths, PLACES);
  return text.replace(/\.?0+$/, '') || '0';
}

export function addQuantities(a, b) {
  return fromThousandths(toThousandths(a) + toThousandths(b));
}

export function subtractQuantities(a, b) {
  return fromThousandths(toThousandths(a) - toThousandths(b));
}

export function compareQuantities(a, b) {
  const d = toThousandths(a) - toThousandths(b);
  return d === 0n ? 0 : d < 0n ? -1 : 1;
}

/**
 * Checks a typed quantity for a unit: a non-negative decimal with no more places than the unit allows.
 * @returns {{ok: true, quantity: string} | {ok: false, message: string}}
 */
export function parseQuantity(typed, unit = 'EACH') {
  const text = String(typed ?? '').trim().replace(',', '.');
  if (!text) return { ok: true, quantity: '0' };
  const decimals = unitDecimals(unit);
  if (!/^\d+(\.\d+)?$/.test(text)) return { ok: false, message: `"${typed}" is not a quantity.` };
  const fraction = (text.split('.')[1] || '').replace(/0+$/, '');
  if (fraction.length > decimals) {
    return { ok: false, message: decimals === 0 ? 'Pieces are counted in whole numbers.' : `At most ${decimals} decimals.` };
  }
  return { ok: true, quantity: fromThousandths(toThousandths(text)) };
}

/** The quantity after pressing + or − on a line: one more or one fewer piece (or kilogram, litre…). */
export function steppedQuantity(quantity, step) {
  return addQuantities(quantity, String(step));
}
