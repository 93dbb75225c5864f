// Amounts arrive from the API as decimal strings with their currency ({"amount":"12.30","currency":"EUR"}).
// The pages never turn them into floating point numbers: arithmetic is done on BigInt minor units and the
// display uses Intl with the currency's own number of decimals.

/** Minor-unit digits of a currency (EUR 2, JPY 0, KWD 3), as the browser's ICU data knows them. */
export function currencyDigits(currency) {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits;
}

const DECIMAL = /^([+-])?(\d+)(?:\.(\d+))?$/;

/**
 * "12.3" at 2 digits → 1230n. Throws on anything that is not a plain decimal, or that has more
 * decimals than the currency allows (the user typed 1.234 euros: say so rather than round silently).
 */
export function toMinor(text, digits) {
  const match = DECIMAL.exec(String(text).trim());
  if (!match) throw new RangeError(`"${text}" is not an amount`);
  const [, sign, whole, fraction = ''] = match;
  const trimmed = fraction.replace(/0+$/, '');
  if (trimmed.length > digits) throw new RangeError(`"${text}" has more than ${digits} decimals`);
  const minor = BigInt(whole + fraction.padEnd(digits, '0').slice(0, digits));
  return sign === '-' ? -minor : minor;
}

/** 1230n at 2 digits → "12.30". */
export function fromMinor(minor, digits) {
  const negative = minor < 0n;
  const text = (negative ? -minor : minor).toString().padStart(digits + 1, '0');
  const whole = digits === 0 ? text : text.slice(0, -digits);
  const fraction = digits === 0 ? '' : `.${text.slice(-digits)}`;
  return `${negative ? '-' : ''}${whole}${fraction}`;
}

/** a + b and a − b on decimal strings in one currency. */
export function addAmounts(a, b, currency) {
  const digits = currencyDigits(currency);
  return fromMinor(toMinor(a, digits) + toMinor(b, digits), digits);
}

export function subtractAmounts(a, b, currency) {
  const digits = currencyDigits(currency);
  return fromMinor(toMinor(a, digits) - toMinor(b, digits), digits);
}

/** −1, 0 or 1. */
export function compareAmounts(a, b, currency) {
  const digits = currencyDigits(currency);
  const difference = toMinor(a, digits) - toMinor(b, digits);
  return difference === 0n ? 0 : difference < 0n ? -1 : 1;
}

/** Whether a typed amount is acceptable in that currency (digits, at most its decimals). */
export function isAmount(text, currency) {
  try {
    toMinor(text, currencyDigits(currency));
    return true;
  } catch {
    return false;
  }
}

/**
 * "1234.5" EUR → "€1,234.50" in the page's locale. Formatting goes through the decimal string (Intl accepts
 * strings exactly since ES2023), so no float rounding can creep in.
 */
export function formatMoney(amount, currency, locale = undefined) {
  if (amount === null || amount === undefined || amount === '') return '';
  const value = typeof amount === 'object' ? amount.amount : amount;
  const code = typeof amount === 'object' ? amount.currency : currency;
  return new Intl.NumberFormat(locale, { style: 'currency', currency: code }).format(String(value));
}

/** Quantities are decimals too ("2", "0.750" kg); shown without trailing zeros. */
export function formatQuantity(quantity) {
  const text = String(quantity);
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}
