import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../main/web/app/api.js';
import { buildReturnRequest, returnableLines, returnedByLine, unsettledFailedRefunds }
  from '../../main/web/register/returns.js';
import { findOrder } from '../../main/web/register/return-screen.js';

const order = {
  id: 'o1',
  lines: [
    { id: 'l1', sku: 'COF-001', unit: 'EACH', quantity: 3 },
    { id: 'l2', sku: 'CHS-001', unit: 'KILOGRAM', quantity: 0.75 },
    { id: 'l3', sku: 'MUG-001', unit: 'EACH', quantity: 1 },
  ],
};
const returns = [
  { id: 'r1', lines: [{ orderLineId: 'l1', quantity: 1 }, { orderLineId: 'l2', quantity: 0.347 }] },
  { id: 'r2', lines: [{ orderLineId: 'l1', quantity: 1 }, { orderLineId: 'l3', quantity: 1 }] },
];

describe('register: return quantities', () => {
  it('adds up what earlier returns took back, without float drift', () => {
    const returned = returnedByLine([...returns, { lines: [{ orderLineId: 'l2', quantity: 0.1 }, { orderLineId: 'l2', quantity: 0.2 }] }]);
    expect(returned.get('l1')).toBe('2');
    expect(returned.get('l2')).toBe('0.647');
  });

  it('lists sold, returned and still returnable per line', () => {
    const rows = returnableLines(order, returns);
    expect(rows.map((r) => [r.line.id, r.sold, r.returned, r.returnable])).toEqual([
      ['l1', '3', '2', '1'],
      ['l2', '0.75', '0.347', '0.403'],
      ['l3', '1', '1', '0'],
    ]);
  });

  it('refuses more than is left, fractions of pieces and too many decimals', () => {
    const rows = returnableLines(order, returns);
    const tooMany = buildReturnRequest(rows, { l1: '2' }, 'Damaged');
    expect(tooMany.ok).toBe(false);
    expect(tooMany.errors.l1).toMatch(/At most 1/);
    expect(buildReturnRequest(rows, { l1: '0.5' }, 'Damaged').errors.l1).toMatch(/whole numbers/);
    expect(buildReturnRequest(rows, { l2: '0.1234' }, 'Damaged').errors.l2).toMatch(/3 decimals/);
    expect(buildReturnRequest(rows, { l3: '1' }, 'Damaged').errors.l3).toMatch(/already/);
    expect(buildReturnRequest(rows, { l1: 'x' }, 'Damaged').errors.l1).toMatch(/not a quantity/);
  });

  it('needs at least one line and a reason', () => {
    const rows = returnableLines(order, returns);
    expect(buildReturnRequest(rows, {}, 'Damaged').message).toMatch(/at least one line/);
    expect(buildReturnRequest(rows, { l1: '0' }, 'Damaged').ok).toBe(false);
    expect(buildReturnRequest(rows, { l1: '1' }, '  ').message).toMatch(/reason/);
  });

  it('builds the request body with exact decimal quantities', () => {
    const rows = returnableLines(order, returns);
    expect(buildReturnRequest(rows, { l1: '1', l2: '0,403', l3: '' }, ' Damaged ')).toEqual({
      ok: true,
      errors: {},
      body: { lines: [{ lineId: 'l1', quantity: '1' }, { lineId: 'l2', quantity: '0.403' }], reason: 'Damaged' },
    });
  });

  it('offers the cash fallback only for failed refunds not yet paid in cash', () => {
    const amount = { amount: '4.00', currency: 'EUR' };
    const ret = {
      refunds: [
        { id: 'a', method: 'card-terminal', status: 'FAILED', amount, originalTenderId: 't1' },
        { id: 'b', method: 'cash', status: 'REFUNDED', amount, originalTenderId: 't2' },
        { id: 'c', method: 'gift-card', status: 'FAILED', amount, originalTenderId: 't3' },
        { id: 'd', method: 'cash', status: 'REFUNDED', amount, originalTenderId: 't1' }, // fallback for a
      ],
    };
    expect(unsettledFailedRefunds(ret).map((r) => r.id)).toEqual(['c']);
    expect(unsettledFailedRefunds({ refunds: [] })).toEqual([]);
  });
});

describe('register: finding the order of a receipt', () => {
  const notFound = new ApiError(404, 'order_not_found', "there is no order 'berlin-mitte-000012'");

  it('asks the server by number first', async () => {
    const request = { get: vi.fn().mockResolvedValue({ id: 'o1' }) };
    await expect(findOrder(' berlin-mitte-000012 ', request)).resolves.toEqual({ id: 'o1' });
    expect(request.get).toHaveBeenCalledWith('/orders/berlin-mitte-000012');
  });


  it("passes the server's not-found on when nothing is known", async () => {
    const request = { get: vi.fn().mockRejectedValue(notFound) };
    await expect(findOrder('berlin-mitte-000012', request)).rejects.toBe(notFound);
  });
});
