// Small formatting helpers shared by the back-office pages. Amounts stay decimal strings throughout;
// only app/money.js formats them.
import { formatMoney, formatQuantity } from '../app/money.js';

/**
 * The decimal string of an amount, whether the server sent it bare ("12.30", as in reports) or as
 * money ({"amount":"12.30","currency":"EUR"}, as in orders). Null stays null.
 */
export function amountText(value) {
  if (value === null || value === undefined) return null;
  return typeof value === 'object' ? String(value.amount) : String(value);
}

/** An amount in its currency, or an em dash when there is none. */
export function money(value, currency) {
  const text = amountText(value);
  if (text === null || text === '') return '—';
  const code = typeof value === 'object' && value.currency ? value.currency : currency;
  return formatMoney(text, code);
}

/** Whether a decimal amount is zero ("0", "0.00", "-0.00"), without turning it into a float. */
export function isZeroAmount(value) {
  const text = amountText(value);
  return text === null || /^[+-]?0*(\.0*)?$/.test(text.trim());
}

/** A quantity (JSON number or decimal string) without trailing zeros; an em dash when missing. */
export function quantity(value) {
  return value === null || value === undefined ? '—' : formatQuantity(String(value));
}

/** "12.5" → "12.5 %"; null (not computable, e.g. no cost known) → an em dash. */
export function percent(value) {
  return value === null || value === undefined ? '—' : `${formatQuantity(String(value))} %`;
}

/** A calendar date in the browser's time zone as YYYY-MM-DD, what <input type=date> and the API use. */
export function isoDate(date) {
  const y = String(date.getFullYear()).padStart(4, '0');
  const m = String(date.getMonth() + 1).padStart(2, '0');
  const d = String(date.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

/** YYYY-MM-DD of today shifted by a number of days (−1 yesterday). */
export function dayOffset(days, now = new Date()) {
  const date = new Date(now.getFullYear(), now.getMonth(), now.getDate() + days);
  return isoDate(date);
}

const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const timeFormat = new Intl.DateTimeFormat(undefined, { timeStyle: 'medium' });
const dayFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

/** An ISO instant as the reader's local date and time, e.g. "5 Dec 2026, 14:03". */
export function dateTime(instant) {
  if (!instant) return '—';
  const date = new Date(instant);
  return Number.isNaN(date.getTime()) ? String(instant) : dateTimeFormat.format(date);
}

export function timeOfDay(date) {
  return timeFormat.format(date);
}

/** "2026-12-05" → "5 Dec 2026" (read as a calendar day, not shifted by the time zone). */
export function calendarDay(iso) {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || '');
  if (!match) return iso || '';
  return dayFormat.format(new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
}

/** "from … to …", or the one day when both are the same. */
export function periodText(from, to) {
  return from === to ? calendarDay(from) : `${calendarDay(from)} – ${calendarDay(to)}`;
}

/** "on 5 Dec 2026" or "between 1 Dec 2026 and 5 Dec 2026", to finish a sentence. */
export function periodPhrase(from, to) {
  return from === to ? `on ${calendarDay(from)}` : `between ${calendarDay(from)} and ${calendarDay(to)}`;
}

/**
 * What to tell the reader when a request failed: the server's own message, except for an endpoint this
 * server does not have yet (a generic 404, not e.g. "order_not_found"), which says so plainly.
 */
export function problemText(error, endpoint) {
  if (error?.status === 404 && error.code === 'not_found') {
    return `This server does not offer ${endpoint} yet: update the server, then reload the page.`;
  }
  return error?.message || String(error);
}
