// The sales report (GET /reports/sales) turned into what the dashboard shows. Pure functions, so they
// are unit-tested without a browser.
//
// The report has one block per currency and the dashboard never adds amounts of different currencies:
// it shows one block at a time. Chart.js needs numbers for bar heights, so each chart carries two
// parallel arrays: `values` (numbers, for drawing only) and `texts` (the server's decimal strings,
// formatted, for labels, tooltips and the text summaries read by screen readers).
import { formatMoney } from '../app/money.js';
import { amountText, percent, quantity } from './format.js';

/** The currency to show first: the one with the most orders; on a tie, the first in the report's order. */
export function defaultCurrency(currencies) {
  let best = null;
  for (const block of currencies || []) {
    if (best === null || Number(block.orders) > Number(best.orders)) best = block;
  }
  return best ? best.currency : null;
}

/** Keeps the reader's choice across refreshes while the report still has it, else the default. */
export function chooseCurrency(currencies, current) {
  if (current && (currencies || []).some((block) => block.currency === current)) return current;
  return defaultCurrency(currencies);
}

export function blockOf(report, currency) {
  return report?.currencies?.find((block) => block.currency === currency) || null;
}

/** Whether any order was placed in the period, in any currency. */
export function hasAnySale(report) {
  return (report?.currencies || []).some((block) => Number(block.orders) > 0);
}

/** A decimal amount as a number: for bar heights and nothing else. */
export function chartNumber(amount) {
  const text = amountText(amount);
  const value = text === null ? 0 : Number(text);
  return Number.isFinite(value) ? value : 0;
}

function plural(count, one, many = `${one}s`) {
  return `${count} ${Number(count) === 1 ? one : many}`;
}

function hourLabel(hour) {
  return `${String(hour).padStart(2, '0')}:00`;
}

/** 24 bars of net sales per store-local hour. */
export function hourChart(block) {
  const hours = [...(block?.byHour || [])].sort((a, b) => a.hour - b.hour);
  const currency = block?.currency;
  const busiest = hours.reduce((best, h) => (Number(h.orders) > Number(best?.orders ?? 0) ? h : best), null);
  const active = hours.filter((h) => Number(h.orders) > 0).length;
  return {
    labels: hours.map((h) => hourLabel(h.hour)),
    values: hours.map((h) => chartNumber(h.netSales)),
    texts: hours.map((h) => `${formatMoney(amountText(h.netSales), currency)} · ${plural(h.orders, 'order')}`),
    summary: busiest
      ? `Busiest hour ${hourLabel(busiest.hour)}–${hourLabel((busiest.hour + 1) % 24)}: `
        + `${formatMoney(amountText(busiest.netSales), currency)} net in ${plural(busiest.orders, 'order')}; `
        + `sales in ${active} of 24 hours.`
      : 'No sales in any hour.',
  };
}

/** A chart of named parts (stores, channels), keeping the server's order (highest net sales first). */
function partsChart(parts, currency, nameOf, noun) {
  const list = parts || [];
  return {
    labels: list.map(nameOf),
    values: list.map((p) => chartNumber(p.netSales)),
    texts: list.map((p) => `${formatMoney(amountText(p.netSales), currency)} · ${plural(p.orders, 'order')}`),
    summary: list.length
      ? list.map((p) => `${nameOf(p)}: ${formatMoney(amountText(p.netSales), currency)} in ${plural(p.orders, 'order')}`)
        .join('; ') + '.'
      : `No ${noun} sold.`,
  };
}

export function storeChart(block) {
  const names = shortNames((block?.byStore || []).map((s) => s.storeName || s.storeId));
  const nameOf = (s) => names.get(s.storeName || s.storeId);
  return partsChart(block?.byStore, block?.currency, nameOf, 'store');
}

/**
 * Store names without the words they all start with ("Omnitill Demo Berlin Mitte", "Omnitill Demo
 * Hamburg Altona" → "Berlin Mitte", "Hamburg Altona"), so chart labels fit. A map from full to short.
 */
export function shortNames(names) {
  const split = names.map((name) => String(name).split(' '));
  let common = 0;
  if (split.length > 1) {
    const shortest = Math.min(...split.map((words) => words.length));
    while (common < shortest - 1 && split.every((words) => words[common] === split[0][common])) common++;
  }
  return new Map(names.map((name, i) => [name, split[i].slice(common).join(' ')]));
}

export function channelChart(block) {
  return partsChart(block?.byChannel, block?.currency, (c) => channelName(c.channel), 'channel');
}

/** "register" → "Register", "web-shop" → "Web shop". */
export function channelName(channel) {
  const text = String(channel || 'unknown').replace(/[-_]+/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The best-selling articles by net sales, as horizontal bars. */
export function topProductsChart(block) {
  const products = block?.topProducts || [];
  const currency = block?.currency;
  return {
    labels: products.map((p) => p.name || p.sku),
    values: products.map((p) => chartNumber(p.netSales)),
    texts: products.map((p) => `${formatMoney(amountText(p.netSales), currency)} · ${quantity(p.units)} sold`),
    summary: products.length
      ? products.slice(0, 5).map((p, i) => `${i + 1}. ${p.name || p.sku}, ${formatMoney(amountText(p.netSales), currency)}`)
        .join('; ') + '.'
      : 'No article sold.',
  };
}

/** The KPI tiles' texts for one currency block. */
export function kpis(block) {
  const currency = block.currency;
  const show = (value) => formatMoney(amountText(value), currency);
  const margin = block.margin || {};
  return {
    netSales: show(block.netSales),
    grossSales: show(block.grossSales),
    taxTotal: show(block.taxTotal),
    orders: String(block.orders),
    averageOrder: show(block.averageOrder),
    units: quantity(block.units),
    refunds: show(block.refunds),
    marginPercent: percent(margin.marginPercent),
    margin: margin.margin === undefined || margin.margin === null ? '—' : show(margin.margin),
    cost: margin.cost === undefined || margin.cost === null ? '—' : show(margin.cost),
    netSalesWithCost: margin.netSalesWithCost === undefined || margin.netSalesWithCost === null
      ? '—' : show(margin.netSalesWithCost),
    costCoverage: percent(margin.costCoveragePercent),
  };
}
