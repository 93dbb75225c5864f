// #/office/dashboard: the day at a glance for a manager. One sales report (GET /reports/sales) for a
// period and a store, shown one currency at a time, refreshed every minute.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { html } from '../app/html.js';
import { api } from '../app/api.js';
import { ChartFigure } from './charts.js';
import { dayOffset, isZeroAmount, money, periodPhrase, periodText, percent, problemText, quantity,
  timeOfDay } from './format.js';
import {
  blockOf, channelChart, chooseCurrency, hasAnySale, hourChart, kpis, storeChart, topProductsChart,
} from './report.js';
import { sellingStores, storeLabel, useStores } from './stores.js';

export const REFRESH_MS = 60_000;

const RANGES = [
  { label: 'Today', from: 0, to: 0 },
  { label: 'Yesterday', from: -1, to: -1 },
  { label: 'Last 7 days', from: -6, to: 0 },
  { label: 'Last 30 days', from: -29, to: 0 },
];

/** What keeps the report from being asked for, or null when the filters are fine. */
export function periodProblem(from, to) {
  if (!from || !to) return 'Choose a start and an end date.';
  if (from > to) return 'The start date is after the end date.';
  return null;
}

function useSalesReport(from, to, store) {
  const [state, setState] = useState({ report: null, error: null, loading: false, updatedAt: null });
  const latest = useRef(0);
  const controller = useRef(null);

  const load = async () => {
    if (periodProblem(from, to)) return;
    const ticket = ++latest.current; // an older answer arriving late must not overwrite a newer one
    controller.current?.abort();
    controller.current = new AbortController();
    setState((s) => ({ ...s, loading: true }));
    try {
      const report = await api.get('/reports/sales', {
        query: { from, to, store }, signal: controller.current.signal,
      });
      if (ticket === latest.current) setState({ report, error: null, loading: false, updatedAt: new Date() });
    } catch (error) {
      if (error?.name === 'AbortError' || ticket !== latest.current) return;
      setState((s) => ({ ...s, error, loading: false }));
    }
  };

  useEffect(() => {
    load();
    const timer = setInterval(load, REFRESH_MS);
    return () => {
      clearInterval(timer);
      controller.current?.abort();
    };
  }, [from, to, store]);

  return { ...state, reload: load };
}

function Tile({ id, label, value, note }) {
  return html`
    <div class="kpi card" id=${id}>
      <span class="kpi-label">${label}</span>
      <strong class="kpi-value">${value}</strong>
      ${note && html`<span class="kpi-note muted">${note}</span>`}
    </div>`;
}

function Tiles({ block }) {
  const k = kpis(block);
  return html`
    <section class="kpis" aria-label="Key figures">
      <${Tile} id="kpi-net-sales" label="Net sales" value=${k.netSales} note=${`gross ${k.grossSales} · tax ${k.taxTotal}`} />
      <${Tile} id="kpi-orders" label="Orders" value=${k.orders} />
      <${Tile} id="kpi-average" label="Average order" value=${k.averageOrder} note="gross per order" />
      <${Tile} id="kpi-units" label="Units sold" value=${k.units} />
      <${Tile} id="kpi-refunds" label="Refunds" value=${k.refunds} note="returns processed in the period" />
      <${Tile} id="kpi-margin" label="Margin" value=${k.marginPercent}
        note=${`${k.margin} · cost known for ${k.costCoverage} of net sales`} />
    </section>`;
}

function Charts({ block }) {
  // new chart data only when the report changes, so a re-render does not redraw the canvases
  const charts = useMemo(() => ({
    hour: hourChart(block),
    store: storeChart(block),
    channel: channelChart(block),
    products: topProductsChart(block),
  }), [block]);
  return html`
    <section class="charts" aria-label="Charts">
      <${ChartFigure} id="chart-by-hour" title="Net sales by hour" kind="bar" chart=${charts.hour}
        currency=${block.currency} />
      <${ChartFigure} id="chart-by-store" title="Net sales by store" kind="hbar" chart=${charts.store}
        currency=${block.currency} />
      <${ChartFigure} id="chart-by-channel" title="Net sales by channel" kind="doughnut" chart=${charts.channel}
        currency=${block.currency} />
      <${ChartFigure} id="chart-top-products" title="Top products by net sales" kind="hbar" chart=${charts.products}
        currency=${block.currency} tall=${charts.products.labels.length > 5} />
    </section>`;
}

function SellThrough({ block }) {
  const rows = block.sellThrough || [];
  return html`
    <section class="card" aria-labelledby="sell-through-title">
      <h3 id="sell-through-title">Sell-through</h3>
      <p class="muted small">The articles sold most, against the stock now at the stores in scope:
        sold ÷ (sold + on hand).</p>
      <div class="table-scroll">
        <table id="sell-through">
          <thead><tr><th scope="col">SKU</th><th scope="col">Article</th><th scope="col" class="num">Sold</th>
            <th scope="col" class="num">On hand</th><th scope="col" class="num">Sell-through</th></tr></thead>
          <tbody>
            ${rows.length === 0 && html`<tr><td colspan="5" class="muted">No article sold.</td></tr>`}
            ${rows.map((row) => html`
              <tr key=${row.sku} data-sku=${row.sku}>
                <td>${row.sku}</td><td>${row.name}</td>
                <td class="num">${quantity(row.unitsSold)}</td>
                <td class="num">${quantity(row.onHand)}</td>
                <td class="num">
                  ${row.sellThroughPercent !== null && row.sellThroughPercent !== undefined && html`
                    <meter min="0" max="100" value=${String(row.sellThroughPercent)} aria-hidden="true"></meter>`}
                  ${' '}${percent(row.sellThroughPercent)}
                </td>
              </tr>`)}
          </tbody>
        </table>
      </div>
    </section>`;
}

function Margin({ block }) {
  const k = kpis(block);
  return html`
    <section class="card margin-card" aria-labelledby="margin-title" id="dashboard-margin">
      <h3 id="margin-title">Margin</h3>
      <dl class="facts">
        <dt>Net sales with a known cost</dt><dd class="num">${k.netSalesWithCost}</dd>
        <dt>Cost of those goods</dt><dd class="num">${k.cost}</dd>
        <dt>Margin</dt><dd class="num"><strong>${k.margin}</strong> (${k.marginPercent})</dd>
        <dt>Cost coverage</dt><dd class="num">${k.costCoverage} of net sales</dd>
      </dl>
      <p class="muted small">Margin counts only the lines whose article has a unit cost at its store, at
        today's cost. A low coverage makes the margin less telling.</p>
    </section>`;
}

function EmptyState({ report, block, storeText }) {
  const refunds = (report?.currencies || []).filter((b) => !isZeroAmount(b.refunds));
  const elsewhere = hasAnySale(report);
  return html`
    <section class="card empty-state" id="dashboard-empty" role="status">
      <h2>${elsewhere ? `No sales in ${block?.currency} in this period` : 'No sales yet'}</h2>
      <p>${elsewhere
        ? 'Other currencies had sales: choose one above.'
        : `Nothing was sold at ${storeText} ${periodPhrase(report.from, report.to)}. The figures appear here with the first sale, and this page refreshes itself every minute.`}</p>
      ${refunds.length > 0 && html`<p class="muted">Refunds processed in the period:
        ${refunds.map((b) => money(b.refunds, b.currency)).join(', ')}.</p>`}
    </section>`;
}

export function Dashboard() {
  const today = dayOffset(0);
  const [from, setFrom] = useState(today);
  const [to, setTo] = useState(today);
  const [store, setStore] = useState('');
  const [currency, setCurrency] = useState(null);
  const { stores } = useStores();
  const { report, error, loading, updatedAt, reload } = useSalesReport(from, to, store);

  const currencies = report?.currencies || [];
  const shown = chooseCurrency(currencies, currency);
  const block = blockOf(report, shown);
  const problem = periodProblem(from, to);
  const storeText = store ? storeLabel(stores, store) : 'any store';

  const pickRange = (range) => {
    setFrom(dayOffset(range.from));
    setTo(dayOffset(range.to));
  };

  return html`
    <section id="dashboard" class="office-page" aria-busy=${loading ? 'true' : 'false'}>
      <header class="page-head">
        <h1>The day at a glance</h1>
        <p class="muted" id="dashboard-period">
          ${periodText(from, to)} · ${store ? storeLabel(stores, store) : 'All stores'}
          ${updatedAt && html` · updated ${timeOfDay(updatedAt)}, refreshes every minute`}
        </p>
      </header>

      <form class="filters card" onSubmit=${(e) => { e.preventDefault(); reload(); }} aria-label="Report filters">
        <label>From <input type="date" id="dashboard-from" value=${from} max=${to || undefined}
          onChange=${(e) => setFrom(e.currentTarget.value)} /></label>
        <label>To <input type="date" id="dashboard-to" value=${to} min=${from || undefined}
          onChange=${(e) => setTo(e.currentTarget.value)} /></label>
        <label>Store
          <select id="dashboard-store" value=${store} onChange=${(e) => setStore(e.currentTarget.value)}>
            <option value="">All stores</option>
            ${sellingStores(stores).map((s) => html`<option key=${s.id} value=${s.id}>${s.name}</option>`)}
          </select>
        </label>
        ${currencies.length > 1 && html`
          <label>Currency
            <select id="dashboard-currency" value=${shown} onChange=${(e) => setCurrency(e.currentTarget.value)}>
              ${currencies.map((b) => html`<option key=${b.currency} value=${b.currency}>
                ${b.currency} · ${b.orders} ${Number(b.orders) === 1 ? 'order' : 'orders'}</option>`)}
            </select>
          </label>`}
        <div class="filter-actions">
          <div class="quick-ranges" role="group" aria-label="Quick periods">
            ${RANGES.map((range) => html`<button type="button" class="small"
              onClick=${() => pickRange(range)}>${range.label}</button>`)}
          </div>
          <button type="submit" class="primary" id="dashboard-refresh" disabled=${loading || !!problem}>
            ${loading ? 'Refreshing…' : 'Refresh'}</button>
        </div>
      </form>

      ${problem && html`<p class="notice warning" role="alert" id="dashboard-problem">${problem}</p>`}
      ${error && html`<p class="notice error" role="alert" id="dashboard-error">${problemText(error, 'the sales report (GET /reports/sales)')}</p>`}
      ${!report && !error && !problem && html`<p class="loading">Loading the sales report…</p>`}

      ${report && block && html`
        <${Tiles} block=${block} />
        ${Number(block.orders) > 0
          ? html`<${Charts} block=${block} />
                 <div class="two-columns"><${SellThrough} block=${block} /><${Margin} block=${block} /></div>`
          : html`<${EmptyState} report=${report} block=${block} storeText=${storeText} />`}`}
      ${report && !block && html`<${EmptyState} report=${report} block=${null} storeText=${storeText} />`}
    </section>`;
}
