// Which store and register this browser is, and the sale in progress. Kept in localStorage because it belongs
// to the device, not to the signed-in cashier: a reload, or the next cashier, finds the same till and cart.
import { useEffect, useRef, useState } from 'preact/hooks';
import { html } from '../app/html.js';
import { api } from '../app/api.js';

const TILL_KEY = 'omnitill.register.till';
const CART_KEY = 'omnitill.register.cart';
const RECEIPT_KEY = 'omnitill.register.receipt';

function read(key) {
  try {
    return JSON.parse(localStorage.getItem(key) || 'null');
  } catch {
    return null;
  }
}

function write(key, value) {
  try {
    if (value === null || value === undefined) localStorage.removeItem(key);
    else localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // storage full or disabled: the till still works, it just forgets on reload
  }
}

export const tillStore = {
  /** @returns {{storeId: string, registerId: string}|null} */
  till: () => {
    const till = read(TILL_KEY);
    return till && till.storeId && till.registerId ? till : null;
  },
  setTill: (till) => write(TILL_KEY, till),
  /** The open cart's id, with the till it was opened for (a cart of another store is not resumed). */
  cart: () => read(CART_KEY),
  setCart: (cart) => write(CART_KEY, cart && { id: cart.id, storeId: cart.storeId, registerId: cart.registerId }),
  /** The order whose receipt is on screen until "New sale": a reload shows it again. */
  receipt: () => read(RECEIPT_KEY),
  setReceipt: (order) => write(RECEIPT_KEY, order && { id: order.id, orderNumber: order.orderNumber }),
};

/** Stores a register can sell in (warehouses and other locations are not). */
export function sellingStores(locations) {
  return (locations || []).filter((l) => l.type === 'STORE').sort((a, b) => a.name.localeCompare(b.name));
}

/** Choosing the store and register id: on first use, and later with "Change till". */
export function TillSetup({ current, cartOpen, onOpen, onCancel }) {
  const [stores, setStores] = useState(null);
  const [error, setError] = useState(null);
  const [storeId, setStoreId] = useState(current?.storeId || '');
  const [registerId, setRegisterId] = useState(current?.registerId || 'till-1');
  const select = useRef(null);

  const load = async () => {
    setError(null);
    try {
      const list = sellingStores(await api.get('/stores'));
      setStores(list);
      setStoreId((chosen) => (list.some((s) => s.id === chosen) ? chosen : list[0]?.id || ''));
    } catch (e) {
      setError(e.message);
    }
  };
  useEffect(() => {
    load();
  }, []);
  useEffect(() => {
    if (stores) select.current?.focus();
  }, [stores]);

  const submit = (event) => {
    event.preventDefault();
    const id = registerId.trim();
    const store = stores?.find((s) => s.id === storeId);
    if (!store || !id) return;
    onOpen({ storeId, registerId: id, storeName: store.name, currency: store.currency });
  };
  const keydown = (event) => {
    if (event.key === 'Escape' && onCancel) {
      event.preventDefault();
      onCancel();
    }
  };

  return html`
    <form class="card till-setup" id="till-setup" onSubmit=${submit} onKeyDown=${keydown} aria-labelledby="till-title">
      <h1 id="till-title">${current ? 'Change till' : 'Set up this till'}</h1>
      <p class="muted">This browser remembers the store and register id.</p>
      <label>Store
        <select id="till-store" ref=${select} value=${storeId} disabled=${!stores}
          onChange=${(e) => setStoreId(e.currentTarget.value)}>
          ${!stores && html`<option value="">Loading stores…</option>`}
          ${stores?.map((s) => html`<option value=${s.id}>${s.name} (${s.currency})</option>`)}
        </select>
      </label>
      <label>Register id
        <input id="till-register" value=${registerId} maxlength="64" autocomplete="off" spellcheck=${false}
          onInput=${(e) => setRegisterId(e.currentTarget.value)} />
      </label>
      ${current && cartOpen && html`<p class="notice warning">Another store or register id starts a new cart there; the sale in progress stays open on the server.</p>`}
      ${error && html`<div class="notice error" role="alert">${error}
        <button type="button" class="quiet" onClick=${load}>Try again</button></div>`}
      <div class="modal-actions">
        ${onCancel && html`<button type="button" onClick=${onCancel}>Cancel (Esc)</button>`}
        <button type="submit" class="primary big" id="till-open" disabled=${!storeId || !registerId.trim()}>Open till</button>
      </div>
    </form>`;
}
