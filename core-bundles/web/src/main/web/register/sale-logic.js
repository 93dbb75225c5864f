// Small decisions of the sale screen, kept pure so they can be tested without a browser.
import { compareQuantities, steppedQuantity } from './quantity.js';

/** The line a change touched: a new line, or one whose quantity, price or discount changed. */
export function changedLineId(before, after) {
  const old = new Map((before?.lines || []).map((l) => [l.id, l]));
  const lines = after?.lines || [];
  const added = lines.find((l) => !old.has(l.id));
  if (added) return added.id;
  const changed = lines.find((l) => {
    const was = old.get(l.id);
    return String(was.quantity) !== String(l.quantity) || was.lineTotal?.amount !== l.lineTotal?.amount;
  });
  return changed?.id ?? null;
}

/** The selection after the cart changed: the touched line, else the same line, else the last one. */
export function keptSelection(lines, selectedId, touchedId = null) {
  if (touchedId && lines.some((l) => l.id === touchedId)) return touchedId;
  if (selectedId && lines.some((l) => l.id === selectedId)) return selectedId;
  return lines.length ? lines[lines.length - 1].id : null;
}

/** ↑ (−1) and ↓ (+1) through the lines, stopping at the ends. */
export function movedSelection(lines, selectedId, delta) {
  if (!lines.length) return null;
  const index = lines.findIndex((l) => l.id === selectedId);
  if (index < 0) return delta < 0 ? lines[lines.length - 1].id : lines[0].id;
  return lines[Math.min(lines.length - 1, Math.max(0, index + delta))].id;
}

/** ↑ ↓ through search results, wrapping around. */
export function movedIndex(count, index, delta) {
  if (!count) return 0;
  return (index + delta + count) % count;
}

/**
 * What + or − does to a line: a new quantity, a removal (one fewer of the last piece), or nothing with
 * a reason (weighed articles are not counted up and down).
 * @returns {{action: 'change', quantity: string} | {action: 'remove'} | {action: 'none', message: string}}
 */
export function quantityStep(line, step) {
  if (line.unit !== 'EACH') {
    return { action: 'none', message: 'Weighed articles change by weighing again: remove the line and scan it with its weight (e.g. 0.350*barcode).' };
  }
  const next = steppedQuantity(line.quantity, step);
  if (compareQuantities(next, '0') <= 0) return { action: 'remove' };
  return { action: 'change', quantity: next };
}

/** Whether the cart may be paid now, and if not, why (shown on the disabled Pay button). */
export function payBlocker(cart, online) {
  if (!online) return 'Offline: paying waits until the server is back.';
  if (!cart) return 'No cart is open.';
  if (!cart.lines?.length) return 'The cart is empty.';
  if (cart.taxAvailable === false) return 'Tax cannot be computed for this store: its tax plugin is missing.';
  return null;
}
