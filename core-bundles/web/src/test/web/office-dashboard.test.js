import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { html } from '../../main/web/app/html.js';
import { Dashboard, REFRESH_MS } from '../../main/web/office/dashboard.js';

const hours = () => Array.from({ length: 24 }, (_, hour) => ({ hour, orders: hour === 10 ? 2 : 0, netSales: hour === 10 ? '20.00' : '0.00' }));
const block = (currency, orders) => ({
  currency, orders, units: String(orders), grossSales: orders ? '23.80' : '0.00', taxTotal: orders ? '3.80' : '0.00',
  netSales: orders ? '20.00' : '0.00', refunds: '0.00', averageOrder: orders ? '11.90' : '0.00', byHour: hours(),
  byStore: [], byChannel: [], topProducts: [], sellThrough: [],
  margin: { netSalesWithCost: '0.00', cost: '0.00', margin: '0.00', marginPercent: null, costCoveragePercent: 0 },
});

describe('the dashboard', () => {
  let container;
  let reports;
  let asked;

  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'setTimeout', 'clearTimeout', 'Date'] });
    vi.setSystemTime(new Date(2026, 11, 5, 15, 0));
    // jsdom draws nothing: the charts skip drawing and keep their text summaries
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
    container = document.createElement('div');
    document.body.appendChild(container);
    asked = [];
    reports = [];
    vi.stubGlobal('fetch', vi.fn(async (url) => {
      asked.push(url);
      const body = url.startsWith('/api/v1/stores') ? [] : reports.shift();
      return new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });
    }));
  });

  afterEach(() => {
    render(null, container);
    container.remove();
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
    vi.useRealTimers();
  });

  const flush = () => act(async () => {
    for (let i = 0; i < 5; i++) await Promise.resolve();
    await vi.advanceTimersByTimeAsync(0);
  });
  const report = (...currencies) => ({ from: '2026-12-05', to: '2026-12-05', store: null, currencies });

  it("asks for today's report, shows the currency with most orders and refreshes every minute", async () => {
    reports.push(report(block('CAD', 0), block('EUR', 2), block('USD', 1)), report(block('EUR', 3), block('USD', 1)));
    await act(() => render(html`<${Dashboard} />`, container));
    await flush();
    expect(asked.find((u) => u.startsWith('/api/v1/reports/sales'))).toBe('/api/v1/reports/sales?from=2026-12-05&to=2026-12-05');
    expect(container.querySelector('#dashboard-currency').value).toBe('EUR');
    expect(container.querySelector('#kpi-orders').textContent).toContain('2');
    expect(container.querySelector('#chart-by-hour').getAttribute('aria-label')).toContain('Busiest hour 10:00–11:00');
    expect(container.querySelector('#dashboard-empty')).toBeNull();

    await act(() => vi.advanceTimersByTimeAsync(REFRESH_MS));
    await flush();
    expect(asked.filter((u) => u.startsWith('/api/v1/reports/sales'))).toHaveLength(2);
    expect(container.querySelector('#kpi-orders').textContent).toContain('3');
  });

  it('shows an empty state, not charts, when nothing sold', async () => {
    reports.push(report(block('EUR', 0)));
    await act(() => render(html`<${Dashboard} />`, container));
    await flush();
    expect(container.querySelector('#dashboard-empty').textContent).toContain('No sales yet');
    expect(container.querySelector('canvas')).toBeNull();
    expect(container.querySelector('#dashboard-currency')).toBeNull(); // one currency: no selector
  });
});
