import { describe, expect, it } from 'vitest';
import {
  blockOf, channelChart, channelName, chartNumber, chooseCurrency, defaultCurrency, hasAnySale, hourChart, kpis,
  shortNames, storeChart, topProductsChart,
} from '../../main/web/office/report.js';
import { formatMoney } from '../../main/web/app/money.js';

const hours = (sales = {}) => Array.from({ length: 24 }, (_, hour) => ({
  hour, orders: sales[hour]?.[0] ?? 0, netSales: sales[hour]?.[1] ?? '0.00',
}));

const eur = {
  currency: 'EUR', orders: 12, units: '31.500', grossSales: '412.30', taxTotal: '65.80', netSales: '346.50',
  refunds: '12.99', averageOrder: '34.36',
  byHour: hours({ 9: [2, '0.10'], 14: [5, '0.20'] }),
  byStore: [
    { storeId: 'berlin-mitte', storeName: 'Omnitill Demo Berlin Mitte', orders: 8, netSales: '300.10' },
    { storeId: 'hamburg-altona', storeName: 'Omnitill Demo Hamburg Altona', orders: 4, netSales: '46.40' },
  ],
  byChannel: [{ channel: 'register', orders: 11, netSales: '340.00' }, { channel: 'web-shop', orders: 1, netSales: '6.50' }],
  topProducts: [{ sku: 'COF-001', name: 'Espresso beans 1 kg', units: '3', netSales: '50.97' }],
  sellThrough: [],
  margin: { netSalesWithCost: '300.00', cost: '180.00', margin: '120.00', marginPercent: 40.0, costCoveragePercent: 86.6 },
};

describe('choosing the currency', () => {
  it('defaults to the currency with the most orders', () => {
    const currencies = [{ currency: 'CAD', orders: 0 }, { currency: 'EUR', orders: 12 }, { currency: 'USD', orders: 30 }];
    expect(defaultCurrency(currencies)).toBe('USD');
  });

  it("takes the report's first on a tie, and none without a block", () => {
    expect(defaultCurrency([{ currency: 'CAD', orders: 0 }, { currency: 'EUR', orders: 0 }])).toBe('CAD');
    expect(defaultCurrency([])).toBeNull();
    expect(defaultCurrency(undefined)).toBeNull();
  });

  it("keeps the reader's choice while the report has it", () => {
    const currencies = [{ currency: 'EUR', orders: 12 }, { currency: 'USD', orders: 1 }];
    expect(chooseCurrency(currencies, 'USD')).toBe('USD');
    expect(chooseCurrency(currencies, 'INR')).toBe('EUR');
    expect(chooseCurrency(currencies, null)).toBe('EUR');
  });

  it('finds the block and tells whether anything sold', () => {
    const report = { currencies: [{ currency: 'CAD', orders: 0 }, eur] };
    expect(blockOf(report, 'EUR')).toBe(eur);
    expect(blockOf(report, 'USD')).toBeNull();
    expect(hasAnySale(report)).toBe(true);
    expect(hasAnySale({ currencies: [{ currency: 'CAD', orders: 0 }] })).toBe(false);
    expect(hasAnySale(null)).toBe(false);
  });
});

describe('chart data', () => {
  it('draws numbers but labels with the decimal strings', () => {
    const chart = hourChart(eur);
    expect(chart.labels).toHaveLength(24);
    expect(chart.labels[9]).toBe('09:00');
    expect(chart.values[9]).toBe(0.1);
    expect(chart.values[14]).toBe(0.2);
    expect(chart.values.every((v) => typeof v === 'number')).toBe(true);
    // texts come from the server's strings, never from the floats drawn
    expect(chart.texts[9]).toBe(`${formatMoney('0.10', 'EUR')} · 2 orders`);
    expect(chart.texts.join(' ')).not.toMatch(/0\.30000000000000004|0\.1[^0]/);
    expect(chart.summary).toBe(`Busiest hour 14:00–15:00: ${formatMoney('0.20', 'EUR')} net in 5 orders; sales in 2 of 24 hours.`);
  });

  it('sorts hours and says so when none sold', () => {
    const chart = hourChart({ currency: 'EUR', byHour: [...hours()].reverse() });
    expect(chart.labels[0]).toBe('00:00');
    expect(chart.summary).toBe('No sales in any hour.');
  });

  it('accepts amounts as money objects too', () => {
    const usd = {
      currency: 'USD',
      byStore: [{ storeId: 'austin-downtown', storeName: 'Austin', orders: 1, netSales: { amount: '9.99', currency: 'USD' } }],
    };
    const chart = storeChart(usd);
    expect(chart.values).toEqual([9.99]);
    expect(chart.texts[0]).toBe(`${formatMoney('9.99', 'USD')} · 1 order`);
    expect(chartNumber({ amount: '1.50', currency: 'EUR' })).toBe(1.5);
    expect(chartNumber(null)).toBe(0);
    expect(chartNumber('not a number')).toBe(0);
  });

  it('shortens store names to what tells them apart', () => {
    const chart = storeChart(eur);
    expect(chart.labels).toEqual(['Berlin Mitte', 'Hamburg Altona']);
    expect(chart.summary).toContain('Berlin Mitte: ');
    expect(shortNames(['Omnitill Demo Berlin Mitte'])).toEqual(new Map([['Omnitill Demo Berlin Mitte', 'Omnitill Demo Berlin Mitte']]));
    expect(shortNames(['Shop', 'Shop North']).get('Shop')).toBe('Shop');
  });

  it('names channels and products readably', () => {
    expect(channelChart(eur).labels).toEqual(['Register', 'Web shop']);
    expect(channelName('click_and_collect')).toBe('Click and collect');
    const products = topProductsChart(eur);
    expect(products.labels).toEqual(['Espresso beans 1 kg']);
    expect(products.texts[0]).toBe(`${formatMoney('50.97', 'EUR')} · 3 sold`);
    expect(topProductsChart({ currency: 'EUR', topProducts: [] }).summary).toBe('No article sold.');
  });
});

describe('key figures', () => {
  it('formats the strings of one currency', () => {
    const k = kpis(eur);
    expect(k.netSales).toBe(formatMoney('346.50', 'EUR'));
    expect(k.units).toBe('31.5');
    expect(k.orders).toBe('12');
    expect(k.marginPercent).toBe('40 %');
    expect(k.costCoverage).toBe('86.6 %');
  });

  it('shows a dash for a margin that cannot be computed', () => {
    const k = kpis({ ...eur, margin: { netSalesWithCost: '0.00', cost: '0.00', margin: '0.00', marginPercent: null, costCoveragePercent: 0 } });
    expect(k.marginPercent).toBe('—');
    expect(k.costCoverage).toBe('0 %');
  });
});
