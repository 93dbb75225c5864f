// #/office/inventory: the stock list of one location (GET /inventory?location=…), searchable, with a
// low-stock filter and low rows highlighted.
import { useEffect, useState } from 'preact/hooks';
import { html } from '../app/html.js';
import { api } from '../app/api.js';
import { problemText, quantity } from './format.js';
import { PAGE_SIZE, Pager, useDebounced, useFirstPageOnChange } from './paging.js';

/**
 * Available stock at or below this is highlighted when the server does not say itself (a row's
 * `lowStock`). The low-stock filter is the server's: what it returns is low by definition.
 */
export const LOW_STOCK_AT = 5;

export function stockLevel(row, lowFilterOn) {
  const available = Number(row.available);
  if (available <= 0) return 'out';
  if (typeof row.lowStock === 'boolean') return row.lowStock ? 'low' : 'ok';
  return lowFilterOn || available <= LOW_STOCK_AT ? 'low' : 'ok';
}

/**
 * The locations that hold stock: GET /inventory/locations, or the stores and warehouses
 * (GET /stores) on a server without that list.
 */
export async function loadLocations() {
  try {
    return await api.get('/inventory/locations');
  } catch (error) {
    if (error.status !== 404) throw error;
    const stores = await api.get('/stores');
    return stores.map((s) => ({ id: s.id, name: s.name, type: s.type }));
  }
}

function useLocations() {
  const [state, setState] = useState({ locations: null, error: null });
  useEffect(() => {
    let current = true;
    loadLocations().then(
      (locations) => current && setState({ locations: locations || [], error: null }),
      (error) => current && setState({ locations: [], error }),
    );
    return () => {
      current = false;
    };
  }, []);
  return state;
}

function useStock(filters, offset) {
  const [state, setState] = useState({ page: null, error: null, loading: false });
  useEffect(() => {
    if (!filters.location) return undefined;
    const controller = new AbortController();
    setState((s) => ({ ...s, loading: true }));
    api.get('/inventory', {
      query: { ...filters, lowStock: filters.lowStock ? 'true' : undefined, limit: PAGE_SIZE, offset },
      signal: controller.signal,
    }).then(
      (page) => setState({ page, error: null, loading: false }),
      (error) => error?.name !== 'AbortError' && setState({ page: null, error, loading: false }),
    );
    return () => controller.abort();
  }, [filters.location, filters.q, filters.lowStock, offset]);
  return state;
}

const LEVEL_TEXT = { out: 'Out of stock', low: 'Low', ok: '' };

export function Inventory() {
  const { locations, error: locationsError } = useLocations();
  const [location, setLocation] = useState('');
  const [search, setSearch] = useState('');
  const [lowStock, setLowStock] = useState(false);
  const q = useDebounced(search.trim());
  const chosen = location || locations?.[0]?.id || '';
  const filters = { location: chosen, q, lowStock };
  const [offset, setOffset] = useFirstPageOnChange(filters);
  const { page, error, loading } = useStock(filters, offset);
  const items = page?.items || [];

  return html`
    <section id="inventory" class="office-page">
      <header class="page-head"><h1>Inventory</h1></header>
      <form class="filters card" role="search" onSubmit=${(e) => e.preventDefault()} aria-label="Find stock">
        <label>Location
          <select id="inventory-location" value=${chosen} onChange=${(e) => setLocation(e.currentTarget.value)}
            disabled=${!locations?.length}>
            ${(locations || []).map((l) => html`<option key=${l.id} value=${l.id}>
              ${l.name || l.id}${l.type === 'WAREHOUSE' ? ' (warehouse)' : ''}</option>`)}
          </select>
        </label>
        <label class="grow">SKU or name
          <input id="inventory-search" type="search" placeholder="e.g. COF-001 or espresso" value=${search}
            autocomplete="off" onInput=${(e) => setSearch(e.currentTarget.value)} />
        </label>
        <label class="check">
          <input type="checkbox" id="inventory-low" checked=${lowStock}
            onChange=${(e) => setLowStock(e.currentTarget.checked)} />
          Low stock only
        </label>
      </form>
      ${locationsError && html`<p class="notice error" role="alert">${locationsError.message}</p>`}
      ${error && html`<p class="notice error" role="alert" id="inventory-error">${problemText(error, 'the stock list (GET /inventory)')}</p>`}
      <div class="card" aria-busy=${loading ? 'true' : 'false'}>
        ${!page && (loading || !locations) && html`<p class="loading">Loading stock…</p>`}
        ${page && html`
          <div class="table-scroll">
            <table id="inventory-table">
              <caption class="visually-hidden">Stock at ${chosen}</caption>
              <thead><tr><th scope="col">SKU</th><th scope="col">Name</th><th scope="col" class="num">On hand</th>
                <th scope="col" class="num">Reserved</th><th scope="col" class="num">Available</th><th scope="col">Level</th></tr></thead>
              <tbody>
                ${items.length === 0 && html`<tr><td colspan="6" class="muted" id="inventory-none">
                  ${lowStock ? 'Nothing is low on stock here.' : 'No article matches.'}</td></tr>`}
                ${items.map((row) => {
                  const level = stockLevel(row, lowStock);
                  return html`
                    <tr key=${row.sku} class=${`inventory-row level-${level}${level === 'ok' ? '' : ' low-stock'}`} data-sku=${row.sku}>
                      <td>${row.sku}</td><td>${row.name}</td>
                      <td class="num">${quantity(row.onHand)}</td>
                      <td class="num">${quantity(row.reserved)}</td>
                      <td class="num"><strong>${quantity(row.available)}</strong></td>
                      <td>${level !== 'ok' && html`<span class=${`badge ${level === 'out' ? 'bad' : 'warn'}`}>${LEVEL_TEXT[level]}</span>`}</td>
                    </tr>`;
                })}
              </tbody>
            </table>
          </div>`}
        <${Pager} id="inventory-pager" page=${page} busy=${loading} noun="Articles" onOffset=${setOffset} />
      </div>
    </section>`;
}
