// Returns logic: what can still come back of each order line, and the request to send. The server checks
// all of it again (return_exceeds_sold); checking here first lets the cashier fix the form before a
// supervisor is called over.
import { addQuantities, compareQuantities, parseQuantity, subtractQuantities } from './quantity.js';

/** How much of each order line earlier returns took back: orderLineId → quantity (decimal string). */
export function returnedByLine(returns) {
  const returned = new Map();
  for (const ret of returns || []) {
    for (const line of ret.lines || []) {
      returned.set(line.orderLineId, addQuantities(returned.get(line.orderLineId) || '0', line.quantity));
    }
  }
  return returned;
}

/**
 * The order's lines with sold, already returned and still returnable quantities.
 * @returns {{line: object, sold: string, returned: string, returnable: string}[]}
 */
export function returnableLines(order, returns) {
  const returned = returnedByLine(returns);
  return (order?.lines || []).map((line) => {
    const sold = addQuantities(line.quantity, '0');
    const back = returned.get(line.id) || '0';
    const left = subtractQuantities(sold, back);
    return { line, sold, returned: back, returnable: compareQuantities(left, '0') > 0 ? left : '0' };
  });
}

/**
 * Turns the typed quantities (lineId → text) and the reason into the POST /orders/{id}/returns body.
 * @returns {{ok: true, body: {lines: {lineId: string, quantity: string}[], reason: string}, errors: {}}
 *   | {ok: false, errors: Record<string, string>, message: string}}
 */
export function buildReturnRequest(rows, typed, reason) {
  const errors = {};
  const lines = [];
  for (const row of rows) {
    const parsed = parseQuantity(typed[row.line.id], row.line.unit);
    if (!parsed.ok) {
      errors[row.line.id] = parsed.message;
      continue;
    }
    if (compareQuantities(parsed.quantity, '0') === 0) continue;
    if (compareQuantities(parsed.quantity, row.returnable) > 0) {
      errors[row.line.id] = compareQuantities(row.returnable, '0') === 0
        ? 'Everything of this line has come back already.'
        : `At most ${row.returnable} can come back (sold ${row.sold}, returned ${row.returned}).`;
      continue;
    }
    lines.push({ lineId: row.line.id, quantity: parsed.quantity });
  }
  if (Object.keys(errors).length) return { ok: false, errors, message: 'Check the quantities marked in red.' };
  if (!lines.length) return { ok: false, errors, message: 'Enter the quantity of at least one line to take back.' };
  const why = String(reason ?? '').trim();
  if (!why) return { ok: false, errors, message: 'Give a reason for the return.' };
  if (why.length > 255) return { ok: false, errors, message: 'The reason is at most 255 characters.' };
  return { ok: true, errors, body: { lines, reason: why } };
}

/**
 * Refunds a payment method could not make and nobody has paid in cash yet: a supervisor can pay them in
 * cash instead. A paid fallback stays FAILED on record, followed by a cash refund of the same amount
 * against the same original tender, so that pair counts as settled.
 */
export function unsettledFailedRefunds(ret) {
  const refunds = ret?.refunds || [];
  const used = new Set();
  return refunds.filter((refund, index) => {
    if (refund.status !== 'FAILED') return false;
    const fallback = refunds.findIndex((other, j) => j > index && !used.has(j) && other.method === 'cash'
      && other.status === 'REFUNDED' && other.originalTenderId === refund.originalTenderId
      && other.amount?.amount === refund.amount?.amount);
    if (fallback < 0) return true;
    used.add(fallback);
    return false;
  });
}
