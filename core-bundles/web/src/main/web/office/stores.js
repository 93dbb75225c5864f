// The retailer's locations (GET /stores), which every back-office page filters by.
import { useEffect, useState } from 'preact/hooks';
import { api } from '../app/api.js';
import { shortNames } from './report.js';

/**
 * {stores, error}: stores is [] until loaded, and stays [] when the user may not read them
 * (catalog.read): the pages then offer "all stores" only, which the server still filters correctly.
 */
export function useStores() {
  const [state, setState] = useState({ stores: [], error: null });
  useEffect(() => {
    let current = true;
    api.get('/stores').then(
      (stores) => current && setState({ stores: stores || [], error: null }),
      (error) => current && setState({ stores: [], error }),
    );
    return () => {
      current = false;
    };
  }, []);
  return state;
}

/** Shops only: warehouses sell nothing, so they are no use as a sales filter. */
export function sellingStores(stores) {
  return stores.filter((store) => store.type !== 'WAREHOUSE');
}

export function storeLabel(stores, id) {
  return stores.find((store) => store.id === id)?.name || id || '—';
}

/** The store's name without the words all the retailer's locations share ("Berlin Mitte"), for tables. */
export function storeShortLabel(stores, id) {
  const name = storeLabel(stores, id);
  return shortNames(sellingStores(stores).map((store) => store.name)).get(name) || name;
}
