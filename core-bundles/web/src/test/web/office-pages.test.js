import { afterEach, describe, expect, it } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { html } from '../../main/web/app/html.js';
import { Office, pageOf } from '../../main/web/office/office.js';
import { PAGE_SIZE, pageInfo } from '../../main/web/office/paging.js';
import { LOW_STOCK_AT, stockLevel } from '../../main/web/office/inventory.js';
import { orderRoute, selectedOrder } from '../../main/web/office/orders.js';
import { periodProblem } from '../../main/web/office/dashboard.js';
import { amountText, dayOffset, isZeroAmount, periodText } from '../../main/web/office/format.js';

describe('paging', () => {
  it('tells the rows shown and the neighbouring pages', () => {
    expect(pageInfo(63, 25, 25)).toEqual({
      first: 26, last: 50, total: 63, page: 2, pages: 3, previousOffset: 0, nextOffset: 50,
    });
    expect(pageInfo(63, 50, 25)).toMatchObject({ first: 51, last: 63, page: 3, nextOffset: null, previousOffset: 25 });
    expect(pageInfo(10, 0, 25)).toMatchObject({ first: 1, last: 10, pages: 1, previousOffset: null, nextOffset: null });
  });

  it('copes with an empty result and an offset past the end', () => {
    expect(pageInfo(0, 0, 25)).toMatchObject({ first: 0, last: 0, page: 1, pages: 1, nextOffset: null });
    expect(pageInfo(30, 100, 25)).toMatchObject({ first: 30, last: 30, page: 2 });
    expect(pageInfo(30, 0, 0)).toMatchObject({ last: PAGE_SIZE }); // no limit given: the default page size
    expect(PAGE_SIZE).toBeGreaterThan(0);
  });
});

describe('routes', () => {
  it('finds the page of a route', () => {
    expect(pageOf('/office/dashboard').path).toBe('dashboard');
    expect(pageOf('/office/orders/abc-1').path).toBe('orders');
    expect(pageOf('/office/nothing')).toBeNull();
    expect(pageOf('/office')).toBeNull();
  });

  it('keeps the open order in the route', () => {
    expect(selectedOrder('/office/orders')).toBeNull();
    expect(selectedOrder(orderRoute('berlin mitte/1'))).toBe('berlin mitte/1');
    expect(orderRoute('a b')).toBe('/office/orders/a%20b');
  });
});

describe('small rules', () => {
  it('marks stock out, low or fine', () => {
    expect(stockLevel({ available: 0 }, false)).toBe('out');
    expect(stockLevel({ available: LOW_STOCK_AT }, false)).toBe('low');
    expect(stockLevel({ available: LOW_STOCK_AT + 1 }, false)).toBe('ok');
    expect(stockLevel({ available: 50 }, true)).toBe('low'); // the server's low-stock filter returned it
    expect(stockLevel({ available: 2, lowStock: false }, false)).toBe('ok'); // the server says best
  });

  it('checks the period before asking', () => {
    expect(periodProblem('2026-12-05', '2026-12-05')).toBeNull();
    expect(periodProblem('2026-12-06', '2026-12-05')).toMatch(/after/);
    expect(periodProblem('', '2026-12-05')).toMatch(/Choose/);
  });

  it('reads amounts in both shapes, without floats', () => {
    expect(amountText('12.30')).toBe('12.30');
    expect(amountText({ amount: '0.10', currency: 'EUR' })).toBe('0.10');
    expect(amountText(null)).toBeNull();
    expect(isZeroAmount('0.00')).toBe(true);
    expect(isZeroAmount({ amount: '-0.00' })).toBe(true);
    expect(isZeroAmount('0.01')).toBe(false);
    expect(isZeroAmount(null)).toBe(true);
  });

  it('writes dates as the API wants them', () => {
    expect(dayOffset(-1, new Date(2026, 0, 1, 10))).toBe('2025-12-31');
    expect(dayOffset(0, new Date(2026, 11, 5, 23, 59))).toBe('2026-12-05');
    expect(periodText('2026-12-05', '2026-12-05')).not.toContain('–');
    expect(periodText('2026-12-01', '2026-12-05')).toContain('–');
  });
});

describe('permissions', () => {
  let container;
  afterEach(() => {
    render(null, container);
    container.remove();
  });

  it('tells a user without the permission what is missing', async () => {
    container = document.createElement('div');
    document.body.appendChild(container);
    const cashier = { username: 'cashier', roles: ['cashier'], permissions: ['order.read', 'plugin.read'] };
    await act(() => render(html`<${Office} session=${cashier} status=${{ online: true }} route="/office/dashboard" />`, container));
    const message = container.querySelector('#office-forbidden');
    expect(message.textContent).toContain('report.read');
    expect([...message.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual(['#/office/orders', '#/office/plugins']);
    expect(container.querySelector('#dashboard')).toBeNull();
  });
});
