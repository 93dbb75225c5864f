// #/office/orders and #/office/orders/{id}: find orders, and read one with its lines, tenders, taxes,
// returns and receipt. The open order is in the route, so a reload or a shared link shows it again.
import { useEffect, useRef, useState } from 'preact/hooks';
import { html } from '../app/html.js';
import { api } from '../app/api.js';
import { navigate } from '../app/router.js';
import { dateTime, isZeroAmount, money, problemText, quantity } from './format.js';
import { PAGE_SIZE, Pager, useDebounced, useFirstPageOnChange } from './paging.js';
import { channelName } from './report.js';
import { sellingStores, storeLabel, storeShortLabel, useStores } from './stores.js';

const BASE_ROUTE = '/office/orders';

/** The order id or number in "#/office/orders/{id}", or null for the list alone. */
export function selectedOrder(route) {
  const rest = route.startsWith(`${BASE_ROUTE}/`) ? route.slice(BASE_ROUTE.length + 1) : '';
  return rest ? decodeURIComponent(rest.split(/[?#]/)[0]) : null;
}

export function orderRoute(id) {
  return `${BASE_ROUTE}/${encodeURIComponent(id)}`;
}

/** The sales channels to filter by: the channel plugins running (GET /plugins, family "channel"). */
function useChannels() {
  const [channels, setChannels] = useState([]);
  useEffect(() => {
    let current = true;
    api.get('/plugins').then(
      (plugins) => current && setChannels((plugins || []).filter((p) => p.family === 'channel').map((p) => p.id)),
      () => {}, // without plugin.read the filter offers "all channels" only
    );
    return () => {
      current = false;
    };
  }, []);
  return channels;
}

function useOrders(filters, offset) {
  const [state, setState] = useState({ page: null, error: null, loading: true });
  useEffect(() => {
    const controller = new AbortController();
    setState((s) => ({ ...s, loading: true }));
    api.get('/orders', { query: { ...filters, limit: PAGE_SIZE, offset }, signal: controller.signal }).then(
      (page) => setState({ page, error: null, loading: false }),
      (error) => error?.name !== 'AbortError' && setState({ page: null, error, loading: false }),
    );
    return () => controller.abort();
  }, [filters.q, filters.store, filters.channel, filters.from, filters.to, offset]);
  return state;
}

function OrderTable({ page, stores, selected }) {
  const open = (order) => navigate(orderRoute(order.id));
  const items = page?.items || [];
  return html`
    <div class="table-scroll">
      <table id="orders-table" class="compact" aria-describedby="orders-hint">
        <thead><tr>
          <th scope="col">Order</th><th scope="col">Placed</th><th scope="col">Store</th><th scope="col" class="optional">Channel</th>
          <th scope="col" class="optional">Cashier</th><th scope="col" class="num">Total</th><th scope="col" class="num">Refunded</th>
        </tr></thead>
        <tbody>
          ${page && items.length === 0 && html`<tr><td colspan="7" class="muted" id="orders-none">No order matches.</td></tr>`}
          ${items.map((order) => {
            const current = selected === order.id || selected === order.orderNumber;
            return html`
            <tr key=${order.id} class=${current ? 'order-row clickable selected' : 'order-row clickable'}
              data-order-number=${order.orderNumber} data-order-id=${order.id}
              aria-current=${current ? 'true' : undefined} onClick=${() => open(order)}>
              <td class="nowrap"><a href=${`#${orderRoute(order.id)}`} onClick=${(e) => e.stopPropagation()}>${order.orderNumber}</a></td>
              <td class="nowrap">${dateTime(order.placedAt)}</td>
              <td>${storeShortLabel(stores, order.storeId)}</td>
              <td class="optional">${channelName(order.channel)}</td>
              <td class="optional">${order.cashier || '—'}</td>
              <td class="num">${money(order.total, order.currency)}</td>
              <td class="num">${isZeroAmount(order.refunded) ? '—' : html`<span class="badge warn">${money(order.refunded, order.currency)}</span>`}</td>
            </tr>`;
          })}
        </tbody>
      </table>
    </div>`;
}

function Lines({ order }) {
  const discounted = order.lines.some((line) => !isZeroAmount(line.discount));
  return html`
    <h3>Lines</h3>
    <div class="table-scroll"><table class="compact" id="order-lines">
      <thead><tr><th scope="col">#</th><th scope="col">Article</th><th scope="col" class="num">Qty</th>
        <th scope="col" class="num">Unit price</th>${discounted && html`<th scope="col" class="num">Discount</th>`}
        <th scope="col" class="num">Total</th><th scope="col" class="num">Tax</th></tr></thead>
      <tbody>${order.lines.map((line) => html`
        <tr key=${line.id}>
          <td>${line.lineNo}</td>
          <td>${line.name}<br /><span class="muted small">${line.sku}${line.taxCode ? ` · ${line.taxCode}` : ''}</span>
            ${line.priceOverrideReason && html`<br /><span class="small">Price overridden: ${line.priceOverrideReason}</span>`}
            ${line.discountReason && html`<br /><span class="small">Discount: ${line.discountReason}</span>`}</td>
          <td class="num">${quantity(line.quantity)}${line.unit && line.unit !== 'EACH' ? ` ${line.unit.toLowerCase()}` : ''}</td>
          <td class="num">${money(line.unitPrice)}</td>
          ${discounted && html`<td class="num">${isZeroAmount(line.discount) ? '—' : money(line.discount)}</td>`}
          <td class="num">${money(line.lineTotal)}</td>
          <td class="num">${money(line.tax)}</td>
        </tr>`)}
      </tbody>
    </table></div>`;
}

function tenderDetails(tender) {
  return [tender.cardBrand, tender.maskedPan, tender.authorisationCode && `auth ${tender.authorisationCode}`, tender.message]
    .filter(Boolean).join(' · ');
}

function Tenders({ order }) {
  const payments = order.payments || [];
  const detailed = payments.some((tender) => tenderDetails(tender));
  return html`
    <h3>Tenders</h3>
    <div class="table-scroll"><table class="compact" id="order-tenders">
      <thead><tr><th scope="col">Method</th><th scope="col">Status</th><th scope="col" class="num">Amount</th>
        <th scope="col" class="num">Tendered</th><th scope="col" class="num">Change</th>${detailed && html`<th scope="col">Details</th>`}</tr></thead>
      <tbody>${payments.map((tender) => html`
        <tr key=${tender.id}>
          <td>${channelName(tender.method)}</td>
          <td><span class=${`badge ${tender.status === 'CAPTURED' ? 'good' : 'warn'}`}>${tender.status}</span></td>
          <td class="num">${money(tender.amount)}</td>
          <td class="num">${money(tender.tendered)}</td>
          <td class="num">${isZeroAmount(tender.change) ? '—' : money(tender.change)}</td>
          ${detailed && html`<td class="small">${tenderDetails(tender) || '—'}</td>`}
        </tr>`)}
      </tbody>
    </table></div>`;
}

function Taxes({ order }) {
  return html`
    <h3>Tax</h3>
    <div class="table-scroll"><table class="compact" id="order-taxes">
      <thead><tr><th scope="col">Rate</th><th scope="col" class="num">Net</th><th scope="col" class="num">Tax</th>
        <th scope="col" class="num">Gross</th></tr></thead>
      <tbody>
        ${(order.taxes || []).length === 0 && html`<tr><td colspan="4" class="muted">No tax.</td></tr>`}
        ${(order.taxes || []).map((tax) => html`
          <tr key=${tax.code}>
            <td>${tax.name} <span class="muted small">${tax.jurisdiction} · ${quantity(tax.rate)} %</span></td>
            <td class="num">${money(tax.taxableAmount)}</td><td class="num">${money(tax.tax)}</td>
            <td class="num">${money(tax.grossAmount)}</td>
          </tr>`)}
      </tbody>
    </table></div>
    <dl class="facts totals">
      <dt>Subtotal</dt><dd class="num">${money(order.subtotal)}</dd>
      <dt>Tax${order.pricesIncludeTax ? ' (included)' : ''}</dt><dd class="num">${money(order.taxTotal)}</dd>
      ${!isZeroAmount(order.rounding) && html`<dt>Cash rounding</dt><dd class="num">${money(order.rounding)}</dd>`}
      <dt>Total</dt><dd class="num"><strong>${money(order.total)}</strong></dd>
    </dl>`;
}

function Returns({ returns }) {
  if (returns === null) return html`<h3>Returns</h3><p class="muted">The returns could not be read.</p>`;
  return html`
    <h3>Returns</h3>
    ${returns.length === 0 && html`<p class="muted" id="order-no-returns">No goods returned.</p>`}
    ${returns.map((ret) => html`
      <div class="return card inset" key=${ret.id} data-return=${ret.number}>
        <p><strong>${ret.number}</strong> · ${dateTime(ret.createdAt)} · refunded <strong>${money(ret.refundTotal)}</strong>
          <br /><span class="muted small">Reason: ${ret.reason} · by ${ret.processedBy}${ret.approvedBy && ret.approvedBy !== ret.processedBy ? `, approved by ${ret.approvedBy}` : ''}</span></p>
        <ul class="plain small">
          ${ret.lines.map((line) => html`<li key=${line.id}>${quantity(line.quantity)} × ${line.name} — ${money(line.refund)}</li>`)}
        </ul>
        <ul class="plain small">
          ${ret.refunds.map((refund) => html`<li key=${refund.id}>${channelName(refund.method)}
            <span class=${`badge ${refund.status === 'REFUNDED' ? 'good' : 'warn'}`}>${refund.status}</span>
            ${money(refund.amount)}${refund.note ? ` — ${refund.note}` : ''}</li>`)}
        </ul>
      </div>`)}`;
}

function OrderDetail({ id, stores }) {
  const [state, setState] = useState({ order: null, receipt: null, returns: null, error: null });
  const heading = useRef(null);

  useEffect(() => {
    let current = true;
    setState({ order: null, receipt: null, returns: null, error: null });
    const path = `/orders/${encodeURIComponent(id)}`;
    // the receipt and the returns are extras: the order shows even when one of them cannot be read
    Promise.allSettled([api.get(path), api.get(`${path}/receipt`, { text: true }), api.get(`${path}/returns`)])
      .then(([order, receipt, returns]) => {
        if (!current) return;
        setState({
          order: order.status === 'fulfilled' ? order.value : null,
          error: order.status === 'rejected' ? order.reason : null,
          receipt: receipt.status === 'fulfilled' ? receipt.value : null,
          returns: returns.status === 'fulfilled' ? returns.value || [] : null,
        });
      });
    return () => {
      current = false;
    };
  }, [id]);

  useEffect(() => {
    if (state.order) heading.current?.focus(); // a keyboard or screen-reader user lands on what opened
  }, [state.order]);

  const close = () => navigate(BASE_ROUTE);
  const { order, receipt, returns, error } = state;
  return html`
    <aside class="card order-detail" id="order-detail" aria-labelledby="order-detail-title">
      <div class="detail-head">
        <h2 id="order-detail-title" tabindex="-1" ref=${heading}>Order ${order ? order.orderNumber : id}</h2>
        <button type="button" class="quiet" id="order-detail-close" onClick=${close} aria-label="Close the order">✕</button>
      </div>
      ${error && html`<p class="notice error" role="alert">${error.message}</p>`}
      ${!order && !error && html`<p class="loading">Loading the order…</p>`}
      ${order && html`
        <p class="muted">${dateTime(order.placedAt)} · ${storeLabel(stores, order.storeId)} · ${channelName(order.channel)}
          ${order.registerId ? ` · register ${order.registerId}` : ''} · cashier ${order.cashier || '—'}</p>
        <${Lines} order=${order} />
        <${Tenders} order=${order} />
        <${Taxes} order=${order} />
        <${Returns} returns=${returns} />
        <h3>Receipt</h3>
        ${receipt === null
          ? html`<p class="muted">The receipt could not be read.</p>`
          : html`<pre id="order-receipt" class="receipt" tabindex="0" aria-label="Receipt text">${receipt}</pre>`}`}
    </aside>`;
}

export function Orders({ route }) {
  const selected = selectedOrder(route);
  const { stores } = useStores();
  const [search, setSearch] = useState('');
  const [store, setStore] = useState('');
  const [channel, setChannel] = useState('');
  const channels = useChannels();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const q = useDebounced(search.trim());
  const filters = { q, store, channel, from, to };
  const [offset, setOffset] = useFirstPageOnChange(filters);
  const { page, error, loading } = useOrders(filters, offset);

  return html`
    <section id="orders" class="office-page">
      <header class="page-head"><h1>Orders</h1></header>
      <form class="filters card" role="search" onSubmit=${(e) => e.preventDefault()} aria-label="Find orders">
        <label class="grow">Order number
          <input id="orders-search" type="search" placeholder="e.g. berlin-mitte-000042" value=${search}
            autocomplete="off" onInput=${(e) => setSearch(e.currentTarget.value)} />
        </label>
        <label>Store
          <select id="orders-store" value=${store} onChange=${(e) => setStore(e.currentTarget.value)}>
            <option value="">All stores</option>
            ${sellingStores(stores).map((s) => html`<option key=${s.id} value=${s.id}>${s.name}</option>`)}
          </select>
        </label>
        ${channels.length > 1 && html`
          <label>Channel
            <select id="orders-channel" value=${channel} onChange=${(e) => setChannel(e.currentTarget.value)}>
              <option value="">All channels</option>
              ${channels.map((c) => html`<option key=${c} value=${c}>${channelName(c)}</option>`)}
            </select>
          </label>`}
        <label>From <input type="date" id="orders-from" value=${from} onChange=${(e) => setFrom(e.currentTarget.value)} /></label>
        <label>To <input type="date" id="orders-to" value=${to} onChange=${(e) => setTo(e.currentTarget.value)} /></label>
      </form>
      ${error && html`<p class="notice error" role="alert" id="orders-error">${problemText(error, 'the order list (GET /orders)')}</p>`}
      <div class=${selected ? 'master-detail open' : 'master-detail'}>
        <div class="card master" aria-busy=${loading ? 'true' : 'false'}>
          <p class="muted small" id="orders-hint">Newest first. Choose an order to see its lines, tenders, returns and
            receipt. Dates are the chosen store's days, or UTC days for all stores; times are shown in your time zone.</p>
          ${!page && loading && html`<p class="loading">Loading orders…</p>`}
          ${page && html`<${OrderTable} page=${page} stores=${stores} selected=${selected} />`}
          <${Pager} id="orders-pager" page=${page} busy=${loading} noun="Orders" onOffset=${setOffset} />
        </div>
        ${selected && html`<${OrderDetail} key=${selected} id=${selected} stores=${stores} />`}
      </div>
    </section>`;
}
