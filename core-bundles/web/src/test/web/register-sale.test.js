import { describe, expect, it } from 'vitest';
import { changedLineId, keptSelection, movedIndex, movedSelection, payBlocker, quantityStep }
  from '../../main/web/register/sale-logic.js';
import { addQuantities, parseQuantity, subtractQuantities } from '../../main/web/register/quantity.js';
import { discountRequest } from '../../main/web/register/discount.js';
import { sellingStores } from '../../main/web/register/till.js';

const line = (id, quantity, total = '1.00', unit = 'EACH') => ({ id, quantity, unit, lineTotal: { amount: total, currency: 'EUR' } });

describe('register: sale screen decisions', () => {
  it('selects the line a scan added or changed', () => {
    const before = { lines: [line('a', 1), line('b', 1)] };
    expect(changedLineId(before, { lines: [line('a', 1), line('b', 1), line('c', 1)] })).toBe('c');
    expect(changedLineId(before, { lines: [line('a', 2, '2.00'), line('b', 1)] })).toBe('a');
    expect(changedLineId(before, { lines: [line('a', 1)] })).toBeNull();
  });

  it('keeps a sensible selection when lines come and go', () => {
    const lines = [line('a', 1), line('b', 1)];
    expect(keptSelection(lines, 'a', 'b')).toBe('b');
    expect(keptSelection(lines, 'a')).toBe('a');
    expect(keptSelection(lines, 'gone')).toBe('b');
    expect(keptSelection([], 'a')).toBeNull();
  });

  it('moves through lines with the arrow keys and through results with wrap-around', () => {
    const lines = [line('a', 1), line('b', 1), line('c', 1)];
    expect(movedSelection(lines, 'b', -1)).toBe('a');
    expect(movedSelection(lines, 'a', -1)).toBe('a');
    expect(movedSelection(lines, 'c', 1)).toBe('c');
    expect(movedSelection(lines, null, -1)).toBe('c');
    expect(movedIndex(3, 2, 1)).toBe(0);
    expect(movedIndex(3, 0, -1)).toBe(2);
  });

  it('turns + and − into a new quantity, or a removal for the last piece', () => {
    expect(quantityStep(line('a', 2), 1)).toEqual({ action: 'change', quantity: '3' });
    expect(quantityStep(line('a', 2), -1)).toEqual({ action: 'change', quantity: '1' });
    expect(quantityStep(line('a', 1), -1)).toEqual({ action: 'remove' });
    expect(quantityStep(line('a', 0.35, '1.00', 'KILOGRAM'), 1).action).toBe('none');
  });

  it('says why Pay is not possible', () => {
    const cart = { lines: [line('a', 1)], taxAvailable: true };
    expect(payBlocker(cart, true)).toBeNull();
    expect(payBlocker(cart, false)).toMatch(/Offline/);
    expect(payBlocker({ lines: [] }, true)).toMatch(/empty/);
    expect(payBlocker(null, true)).toMatch(/No cart/);
    expect(payBlocker({ ...cart, taxAvailable: false }, true)).toMatch(/tax plugin/);
  });

  it('does quantity arithmetic in thousandths', () => {
    expect(addQuantities('0.1', '0.2')).toBe('0.3');
    expect(subtractQuantities(3, '0.347')).toBe('2.653');
    expect(parseQuantity('2', 'EACH')).toEqual({ ok: true, quantity: '2' });
    expect(parseQuantity('1.5', 'EACH').ok).toBe(false);
    expect(parseQuantity('0,250', 'KILOGRAM')).toEqual({ ok: true, quantity: '0.25' });
  });

  it('lists only stores as tills (no warehouses)', () => {
    const stores = sellingStores([
      { id: 'wh-kassel', name: 'Warehouse', type: 'WAREHOUSE' },
      { id: 'berlin-mitte', name: 'Berlin', type: 'STORE' },
      { id: 'austin-downtown', name: 'Austin', type: 'STORE' },
    ]);
    expect(stores.map((s) => s.id)).toEqual(['austin-downtown', 'berlin-mitte']);
  });
});

describe('register: discount form', () => {
  const mug = { lineTotal: { amount: '15.90', currency: 'EUR' }, discount: { amount: '0.00', currency: 'EUR' } };

  it('sends a percentage as the decimal typed', () => {
    expect(discountRequest({ percent: '12,5', reason: 'Damaged item' }, mug, 'EUR'))
      .toEqual({ ok: true, body: { percent: '12.5', reason: 'Damaged item' } });
  });

  it('sends an amount as money in the cart currency, at most the line value', () => {
    expect(discountRequest({ amount: '2', reason: 'Price match' }, mug, 'EUR'))
      .toEqual({ ok: true, body: { amount: { amount: '2.00', currency: 'EUR' }, reason: 'Price match' } });
    expect(discountRequest({ amount: '16.00', reason: 'x' }, mug, 'EUR').ok).toBe(false);
    expect(discountRequest({ amount: '1.001', reason: 'x' }, mug, 'EUR').ok).toBe(false);
  });

  it('wants exactly one of percent and amount, in range, and a reason', () => {
    expect(discountRequest({ percent: '10', amount: '1', reason: 'x' }, mug, 'EUR').ok).toBe(false);
    expect(discountRequest({ reason: 'x' }, mug, 'EUR').ok).toBe(false);
    expect(discountRequest({ percent: '101', reason: 'x' }, mug, 'EUR').ok).toBe(false);
    expect(discountRequest({ percent: '0', reason: 'x' }, mug, 'EUR').ok).toBe(false);
    expect(discountRequest({ percent: '10', reason: ' ' }, mug, 'EUR').ok).toBe(false);
  });
});
