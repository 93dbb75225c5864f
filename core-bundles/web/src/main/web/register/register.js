// The register (#/register): the till set-up, the sale screen and return mode (#/register/return).
// Everything goes through the public REST API; the server's figures are shown as it returns them.
import { useEffect, useRef, useState } from 'preact/hooks';
import { html } from '../app/html.js';
import { api } from '../app/api.js';
import { formatMoney } from '../app/money.js';
import { navigate } from '../app/router.js';
import { ApprovalCancelled, useApproval } from './approval.js';
import { AttemptKeys } from './attempts.js';
import { CartTable, SearchResults, Totals } from './cart-view.js';
import { DiscountDialog } from './discount.js';
import { HelpDialog, KeyFooter, RETURN_KEYS, SALE_KEYS, focusHome, isTextEntry, useRegisterKeys } from './keys.js';
import { ReceiptView } from './receipt.js';
import { ReturnScreen } from './return-screen.js';
import { changedLineId, keptSelection, movedIndex, movedSelection, payBlocker, quantityStep } from './sale-logic.js';
import { classifyScan } from './scan.js';
import { TenderPanel } from './tender-panel.js';
import { hasPendingTender, methodAvailability, readyForCheckout } from './tender.js';
import { TillSetup, tillStore } from './till.js';
import './register.css';

const PENDING_POLL_MS = 2500;
const PLUGINS_POLL_MS = 30000;
const TENDER_PLUGINS_POLL_MS = 5000;
const FLASH_MS = 900;

export function Register({ session, status, route }) {
  const [till, setTill] = useState(() => tillStore.till());
  const [settingUp, setSettingUp] = useState(false);
  const [help, setHelp] = useState(false);
  const [returnLookup, setReturnLookup] = useState(null);
  const approval = useApproval();
  const online = status?.online !== false;
  const returnMode = route.startsWith('/register/return');

  const openTill = (next) => {
    const previous = tillStore.till();
    tillStore.setTill(next);
    if (previous && (previous.storeId !== next.storeId || previous.registerId !== next.registerId)) {
      tillStore.setReceipt(null);
    }
    setTill(next);
    setSettingUp(false);
  };

  if (!till || settingUp) {
    const saved = tillStore.cart();
    return html`
      <div class="register register-setup">
        <${TillSetup} current=${till} cartOpen=${!!saved}
          onOpen=${openTill} onCancel=${till ? () => setSettingUp(false) : null} />
      </div>`;
  }

  const toReturn = (lookup = null) => {
    setReturnLookup(lookup);
    navigate('/register/return');
  };
  const toSale = () => navigate('/register');

  return html`
    <div class=${`register${online ? '' : ' offline'}`}>
      <div class="register-bar">
        <span class="till-name" id="till-name"><strong>${till.storeName || till.storeId}</strong> · ${till.registerId}</span>
        <span class="till-user muted">${session?.username}</span>
        ${!online && html`<span class="offline-note" role="status" id="register-offline">Offline: cart kept, paying paused</span>`}
        <span class="spacer"></span>
        <button type="button" id="mode-return" class=${returnMode ? 'chosen' : ''} aria-pressed=${returnMode}
          onClick=${() => (returnMode ? toSale() : toReturn())}>${returnMode ? 'Back to sale (F8)' : 'Return (F8)'}</button>
        <button type="button" id="till-change" onClick=${() => setSettingUp(true)}>Change till</button>
        <button type="button" id="help-open" aria-label="Keyboard help" onClick=${() => setHelp(true)}>?</button>
      </div>
      ${returnMode
        ? html`<${ReturnScreen} key="return" till=${till} online=${online} approve=${approval.run}
            initialLookup=${returnLookup} onSaleMode=${toSale} onHelp=${() => setHelp(true)} />`
        : html`<${SaleScreen} key=${`${till.storeId}/${till.registerId}`} till=${till} online=${online}
            approve=${approval.run} onReturnMode=${toReturn} onHelp=${() => setHelp(true)} />`}
      <${KeyFooter} keys=${returnMode ? RETURN_KEYS : SALE_KEYS} />
      ${approval.dialog}
      ${help && html`<${HelpDialog} onClose=${() => {
        setHelp(false);
        setTimeout(() => focusHome(document.getElementById(returnMode ? 'return-lookup' : 'scan-input')), 0);
      }} />`}
    </div>`;
}

/** Reads the saved cart if it is still open for this till, else opens a new one. */
async function resumeOrOpenCart(till) {
  const saved = tillStore.cart();
  if (saved && saved.storeId === till.storeId && saved.registerId === till.registerId) {
    try {
      const cart = await api.get(`/carts/${encodeURIComponent(saved.id)}`);
      if (cart.status === 'OPEN') return cart;
    } catch (e) {
      if (e.status !== 404) throw e; // offline or failing: keep the saved id and try again later
    }
  }
  return openNewCart(till);
}

function openNewCart(till) {
  return api.post('/carts', { store: till.storeId, channel: 'register', register: till.registerId });
}

function SaleScreen({ till, online, approve, onReturnMode, onHelp }) {
  const [cart, setCart] = useState(null);
  const [loadError, setLoadError] = useState(null);
  const [error, setError] = useState(null);
  const [notice, setNotice] = useState(null);
  const [flash, setFlash] = useState(0);
  const [busy, setBusy] = useState(0);
  const [scanText, setScanText] = useState('');
  const [search, setSearch] = useState(null);
  const [selectedId, setSelectedId] = useState(null);
  const [discountFor, setDiscountFor] = useState(null);
  const [discountState, setDiscountState] = useState({ busy: false, error: null });
  const [tenderOpen, setTenderOpen] = useState(false);
  const [checkoutState, setCheckoutState] = useState({ busy: false, error: null });
  const [receipt, setReceipt] = useState(null);
  const [plugins, setPlugins] = useState(null);
  const scanField = useRef(null);
  const cartRef = useRef(null);
  const queue = useRef(Promise.resolve());
  const checkoutAttempts = useRef(new AttemptKeys());
  const autoCheckoutFor = useRef(null);
  const wasOnline = useRef(online);

  const refocus = () => setTimeout(() => focusHome(scanField.current), 0);

  // cart changes run one after another, in the order the cashier made them (a fast scanner included)
  const enqueue = (work) => {
    const run = queue.current.then(work, work);
    queue.current = run.catch(() => {});
    return run;
  };

  const showError = (message) => {
    setError(message);
    setNotice(null);
    setFlash((n) => n + 1);
  };

  const applyCart = (next, touchedId = null) => {
    cartRef.current = next;
    setCart(next);
    tillStore.setCart(next);
    setSelectedId((selected) => keptSelection(next.lines, selected, touchedId));
  };

  /** Shows the receipt of an order and keeps it on screen (and across a reload) until "New sale". */
  const showReceipt = (order) => {
    tillStore.setReceipt(order);
    cartRef.current = null;
    setTenderOpen(false);
    setCheckoutState({ busy: false, error: null });
    setDiscountFor(null);
    setSearch(null);
    setError(null);
    setReceipt({ order, text: null, textError: null });
    loadReceiptText(order.id);
  };

  const loadReceiptText = async (orderId) => {
    try {
      const text = await api.get(`/orders/${encodeURIComponent(orderId)}/receipt`, { text: true });
      setReceipt((r) => (r && r.order.id === orderId ? { ...r, text, textError: null } : r));
    } catch (e) {
      setReceipt((r) => (r && r.order.id === orderId ? { ...r, textError: e.message } : r));
    }
  };

  /** A cart that was checked out meanwhile (a lost checkout answer, another tab): show its sale. */
  const recoverClosedCart = async (cartId) => {
    try {
      const closed = await api.get(`/carts/${encodeURIComponent(cartId)}`);
      if (closed.status === 'CHECKED_OUT' && closed.orderId) {
        showReceipt(await api.get(`/orders/${encodeURIComponent(closed.orderId)}`));
        return true;
      }
    } catch {
      // fall through: the error already shown stands
    }
    return false;
  };

  /**
   * Runs one change of the cart: `work(cart)` returns the new cart. Errors are shown with the server's
   * message and leave the cart as it was; a cancelled approval is not an error.
   * @returns {Promise<{ok: boolean, cart?: object, error?: any}>}
   */
  const perform = (work, { select = 'changed' } = {}) => enqueue(async () => {
    const before = cartRef.current;
    if (!before) {
      showError(loadError || 'No cart is open yet.');
      return { ok: false };
    }
    setBusy((n) => n + 1);
    try {
      const next = await work(before);
      if (next) applyCart(next, select === 'changed' ? changedLineId(before, next) : null);
      setError(null);
      return { ok: true, cart: next };
    } catch (e) {
      if (e instanceof ApprovalCancelled) {
        setNotice(e.message);
        return { ok: false, error: e };
      }
      showError(e.message);
      if (e.code === 'cart_closed') await recoverClosedCart(before.id);
      if (e.code === 'cart_not_found') {
        tillStore.setCart(null);
        await startCart();
      }
      return { ok: false, error: e };
    } finally {
      setBusy((n) => n - 1);
      refocus();
    }
  });

  const startCart = async (fresh = false) => {
    setBusy((n) => n + 1);
    try {
      const next = fresh ? await openNewCart(till) : await resumeOrOpenCart(till);
      applyCart(next);
      setLoadError(null);
      return next;
    } catch (e) {
      setLoadError(e.message);
      showError(e.message);
      return null;
    } finally {
      setBusy((n) => n - 1);
    }
  };

  const newSale = () => enqueue(async () => {
    if (!receipt && cartRef.current && !cartRef.current.lines.length) return cartRef.current; // already fresh
    const next = await startCart(true);
    if (next) {
      tillStore.setReceipt(null);
      setReceipt(null);
      setError(null);
      setNotice(null);
    }
    refocus();
    return next;
  });

  const refreshCart = () => enqueue(async () => {
    const current = cartRef.current;
    if (!current) return;
    try {
      const next = await api.get(`/carts/${encodeURIComponent(current.id)}`);
      if (next.status === 'CHECKED_OUT') {
        await recoverClosedCart(current.id);
        return;
      }
      if (cartRef.current?.id === next.id) applyCart(next);
    } catch (e) {
      if (!e.offline) showError(e.message);
    }
  });

  const loadPlugins = async () => {
    try {
      setPlugins(await api.get('/plugins'));
    } catch {
      // keep what was known: the server refuses a method that is gone anyway
    }
  };

  /** What the till showed before a reload: the receipt still on screen, else the saved (or a new) cart. */
  const restore = () => enqueue(async () => {
    const shown = tillStore.receipt();
    if (shown) {
      try {
        showReceipt(await api.get(`/orders/${encodeURIComponent(shown.id)}`));
        return;
      } catch (e) {
        if (e.offline) {
          setLoadError(e.message);
          showError(e.message);
          return; // keep it: shown once the server is back
        }
        tillStore.setReceipt(null);
      }
    }
    await startCart();
  });

  useEffect(() => {
    restore();
    loadPlugins();
    const timer = setInterval(loadPlugins, PLUGINS_POLL_MS);
    refocus();
    return () => clearInterval(timer);
  }, []);

  // back online: read again what may have changed, and retry what could not be loaded
  useEffect(() => {
    if (online && !wasOnline.current) {
      loadPlugins();
      if (cartRef.current) refreshCart();
      else if (!receipt) restore();
    }
    wasOnline.current = online;
  }, [online]);

  // a tender the provider has not confirmed yet is settled when the cart is read again
  const pending = hasPendingTender(cart);
  useEffect(() => {
    if (!pending || !online) return undefined;
    const timer = setInterval(refreshCart, PENDING_POLL_MS);
    return () => clearInterval(timer);
  }, [pending, online, cart?.id]);

  // while paying, notice quickly when a payment plugin goes away (or comes back)
  useEffect(() => {
    if (!tenderOpen) return undefined;
    const timer = setInterval(loadPlugins, TENDER_PLUGINS_POLL_MS);
    return () => clearInterval(timer);
  }, [tenderOpen]);

  // fully paid while paying: check out straight away (once per cart state; a failure waits for the cashier)
  useEffect(() => {
    if (!tenderOpen || !online || !readyForCheckout(cart) || checkoutState.busy) return;
    if (autoCheckoutFor.current === cart.updatedAt) return;
    autoCheckoutFor.current = cart.updatedAt;
    checkout();
  }, [tenderOpen, online, cart]);

  useEffect(() => {
    if (!flash) return undefined;
    const timer = setTimeout(() => setFlash(0), FLASH_MS);
    return () => clearTimeout(timer);
  }, [flash]);

  const checkout = () => enqueue(async () => {
    const current = cartRef.current;
    if (!current) return;
    setCheckoutState({ busy: true, error: null });
    try {
      const order = await checkoutAttempts.current.run({ checkout: current.id },
        (key) => api.post(`/carts/${encodeURIComponent(current.id)}/checkout`, undefined, { idempotencyKey: key }));
      showReceipt(order);
    } catch (e) {
      setCheckoutState({ busy: false, error: e.message });
      showError(`Checkout failed: ${e.message}`);
      if (e.code === 'cart_closed') await recoverClosedCart(current.id);
    } finally {
      refocus();
    }
  });

  // ---- what the cashier does ----

  const addLine = (input) => perform((c) => api.post(`/carts/${encodeURIComponent(c.id)}/lines`, input));

  const runSearch = async (query, quantity) => {
    try {
      const page = await api.get('/products', { query: { q: query, limit: 20 } });
      setSearch({ query, quantity, items: page.items, total: page.total, index: 0 });
      if (!page.items.length) setFlash((n) => n + 1);
      setError(null);
    } catch (e) {
      showError(e.message);
    }
    refocus();
  };

  const pick = (product) => {
    const quantity = search?.quantity || '1';
    setSearch(null);
    addLine({ sku: product.sku, quantity });
  };

  const handleScan = (parsed) => {
    switch (parsed.kind) {
      case 'barcode':
        setSearch(null);
        addLine({ barcode: parsed.barcode, quantity: parsed.quantity });
        break;
      case 'search':
        runSearch(parsed.query, parsed.quantity);
        break;
      case 'order':
        onReturnMode(parsed.orderNumber);
        break;
      case 'invalid':
        showError(parsed.message);
        break;
      default:
    }
  };

  const onScanEnter = () => {
    const parsed = classifyScan(scanText);
    setScanText('');
    if (receipt) {
      // the receipt stays until the next sale starts: Enter, or scanning the next customer's first article
      newSale().then((next) => next && parsed.kind !== 'empty' && parsed.kind !== 'order' && handleScan(parsed));
      if (parsed.kind === 'order') onReturnMode(parsed.orderNumber);
      return;
    }
    if (parsed.kind === 'empty') {
      if (search?.items.length) pick(search.items[search.index]);
      return;
    }
    handleScan(parsed);
  };

  const lineById = (c, id) => c.lines.find((l) => l.id === id);
  const lineName = (id) => lineById(cartRef.current || { lines: [] }, id)?.name || 'line';

  const changeQuantity = (lineId, step) => perform(async (c) => {
    const line = lineById(c, lineId);
    if (!line) throw new Error('That line is no longer in the cart.');
    const decision = quantityStep(line, step);
    if (decision.action === 'none') throw new Error(decision.message);
    const path = `/carts/${encodeURIComponent(c.id)}/lines/${encodeURIComponent(line.id)}`;
    if (decision.action === 'remove') {
      return approve((approval) => api.del(path, { approval }), `Remove ${line.name} from the cart`);
    }
    if (step > 0) return api.patch(path, { quantity: decision.quantity });
    return approve((approval) => api.patch(path, { quantity: decision.quantity }, { approval }),
      `One fewer ${line.name} (${decision.quantity} left)`);
  });

  const removeLine = (lineId) => perform((c) => {
    const line = lineById(c, lineId);
    if (!line) throw new Error('That line is no longer in the cart.');
    return approve((approval) => api.del(`/carts/${encodeURIComponent(c.id)}/lines/${encodeURIComponent(line.id)}`, { approval }),
      `Remove ${line.name} from the cart`);
  });

  const openDiscount = (lineId) => {
    if (!lineId || !cartRef.current || !lineById(cartRef.current, lineId)) {
      showError('Select a line first (↑ ↓ or tap it).');
      return;
    }
    setSelectedId(lineId);
    setDiscountState({ busy: false, error: null });
    setDiscountFor(lineId);
  };

  const closeDiscount = () => {
    setDiscountFor(null);
    refocus();
  };

  const applyDiscount = async (body) => {
    const lineId = discountFor;
    setDiscountState({ busy: true, error: null });
    const what = body.percent ? `${body.percent} %` : formatMoney(body.amount);
    const outcome = await perform((c) => approve(
      (approval) => api.put(`/carts/${encodeURIComponent(c.id)}/lines/${encodeURIComponent(lineId)}/discount`, body, { approval }),
      `Discount of ${what} on ${lineName(lineId)} (${body.reason})`));
    if (outcome.ok) closeDiscount();
    else {
      setDiscountState({ busy: false, error: outcome.error?.message || 'The discount was not applied.' });
    }
  };

  const removeDiscount = async () => {
    const lineId = discountFor;
    setDiscountState({ busy: true, error: null });
    const outcome = await perform((c) => api.del(`/carts/${encodeURIComponent(c.id)}/lines/${encodeURIComponent(lineId)}/discount`));
    if (outcome.ok) closeDiscount();
    else setDiscountState({ busy: false, error: outcome.error?.message || 'The discount stays.' });
  };

  const openTender = () => {
    const blocker = payBlocker(cartRef.current, online);
    if (blocker) {
      showError(blocker);
      return;
    }
    setSearch(null);
    setCheckoutState({ busy: false, error: null });
    autoCheckoutFor.current = null;
    loadPlugins();
    setTenderOpen(true);
  };

  const closeTender = () => {
    setTenderOpen(false);
    refocus();
  };

  const voidTender = (tender) => perform((c) => approve(
    (approval) => api.del(`/carts/${encodeURIComponent(c.id)}/payments/${encodeURIComponent(tender.id)}`, { approval }),
    `Void the ${tender.method} payment of ${formatMoney(tender.amount)}`), { select: 'keep' });

  // ---- keys ----

  useRegisterKeys((event) => {
    const fkey = /^F\d+$/.test(event.key);
    if (document.querySelector('[role="dialog"]')) {
      if (fkey) event.preventDefault(); // keep the browser's own F-keys (devtools, search) out of the till
      return;
    }
    const target = event.target;
    const inScan = target === scanField.current;
    const scanEmpty = !scanField.current?.value;
    const shortcutAllowed = (inScan && scanEmpty) || !isTextEntry(target);
    const lines = cartRef.current?.lines || [];
    switch (event.key) {
      case 'F2':
        event.preventDefault();
        scanField.current?.focus();
        scanField.current?.select();
        break;
      case 'F4':
        event.preventDefault();
        if (!receipt) openDiscount(selectedId);
        break;
      case 'F8':
        event.preventDefault();
        onReturnMode();
        break;
      case 'F12':
        event.preventDefault();
        if (!receipt) openTender();
        break;
      case 'Enter':
        if (inScan) {
          event.preventDefault();
          onScanEnter();
        } else if (receipt && !isTextEntry(target) && target.tagName !== 'BUTTON') {
          event.preventDefault();
          newSale();
        }
        break;
      case 'Escape':
        event.preventDefault();
        if (search) setSearch(null);
        else if (scanText) setScanText('');
        else {
          setError(null);
          setNotice(null);
        }
        refocus();
        break;
      case 'ArrowUp':
      case 'ArrowDown': {
        if (!inScan && isTextEntry(target)) break;
        event.preventDefault();
        const delta = event.key === 'ArrowUp' ? -1 : 1;
        if (search?.items.length) setSearch({ ...search, index: movedIndex(search.items.length, search.index, delta) });
        else setSelectedId(movedSelection(lines, selectedId, delta));
        break;
      }
      case '+':
      case '-':
        if (!shortcutAllowed || receipt) break;
        event.preventDefault();
        if (selectedId) changeQuantity(selectedId, event.key === '+' ? 1 : -1);
        else showError('Select a line first (↑ ↓ or tap it).');
        break;
      case 'Delete':
        if (!shortcutAllowed || receipt) break;
        event.preventDefault();
        if (selectedId) removeLine(selectedId);
        break;
      case '?':
        if (!shortcutAllowed) break;
        event.preventDefault();
        onHelp();
        break;
      default:
    }
  }, scanField);

  // ---- view ----

  const availability = methodAvailability(plugins);
  const printerActive = plugins
    ? plugins.some((p) => p.family === 'device' && p.id === 'receipt-printer' && p.state === 'ACTIVE')
    : null;
  const blocker = payBlocker(cart, online);
  const discountLine = discountFor && cart ? lineById(cart, discountFor) : null;

  return html`
    <div class=${`sale-screen${receipt ? ' with-receipt' : ''}`}>
      <section class="sale-main">
        <div class=${`scan-bar${flash ? ' flash' : ''}`}>
          <label class="scan-label" for="scan-input">Scan / search</label>
          <input id="scan-input" ref=${scanField} class="scan-input" autocomplete="off"
            autocapitalize="none" spellcheck=${false} enterkeyhint="enter"
            placeholder=${receipt ? 'Scan the next article, or Enter for a new sale' : 'Barcode or name, Enter'}
            value=${scanText} onInput=${(e) => setScanText(e.currentTarget.value)} />
          <span class="busy-indicator" aria-live="polite">${busy > 0 ? 'Working…' : ''}</span>
        </div>
        <p class=${`notice error cart-error${error ? '' : ' empty'}${flash ? ' flash' : ''}`} id="cart-error"
          role="alert" aria-live="assertive">${error || ''}</p>
        ${notice && html`<p class="notice warning" id="cart-notice" role="status">${notice}</p>`}

        ${search && !receipt && html`<${SearchResults} search=${search} storeId=${till.storeId}
          onPick=${pick} onClose=${() => { setSearch(null); refocus(); }} />`}

        ${receipt
          ? html`<${ReceiptView} order=${receipt.order} text=${receipt.text} textError=${receipt.textError}
              printerActive=${printerActive} busy=${busy > 0} error=${error}
              onRetryText=${() => loadReceiptText(receipt.order.id)} onNewSale=${() => newSale()} />`
          : html`
            <div class="card cart" id="cart" data-cart-id=${cart?.id || ''} data-status=${cart?.status || ''}>
              ${cart
                ? html`<${CartTable} cart=${cart} selectedLineId=${selectedId} disabled=${!online}
                    onSelect=${(id) => { setSelectedId(id); refocus(); }}
                    onIncrease=${(l) => changeQuantity(l.id, 1)} onDecrease=${(l) => changeQuantity(l.id, -1)}
                    onRemove=${(l) => removeLine(l.id)} onDiscount=${(l) => openDiscount(l.id)} />`
                : html`<div class="cart-loading">
                    ${loadError
                      ? html`<p class="notice error">The cart could not be opened: ${loadError}</p>
                          <button type="button" onClick=${() => enqueue(() => startCart())}>Try again</button>`
                      : html`<p class="loading">Opening the cart…</p>`}
                  </div>`}
            </div>`}
      </section>

      ${!receipt && html`
        <aside class="sale-side card" aria-label="Totals">
          <${Totals} cart=${cart} />
          ${pending && html`<p class="notice warning" role="status">A payment is waiting for its provider…</p>`}
          <button type="button" class="primary pay-button" id="pay" disabled=${!!blocker}
            title=${blocker || 'Pay (F12)'} onClick=${openTender}>
            ${cart && readyForCheckout(cart) ? 'Complete sale' : `Pay ${cart ? formatMoney(cart.due) : ''}`} <kbd>F12</kbd></button>
          ${blocker && cart && html`<p class="muted small pay-blocker">${blocker}</p>`}
          <div class="side-actions">
            <button type="button" id="discount-open" disabled=${!selectedId || !online}
              onClick=${() => openDiscount(selectedId)}>Discount <kbd>F4</kbd></button>
          </div>
        </aside>`}

      ${discountLine && html`<${DiscountDialog} line=${discountLine} currency=${cart.currency}
        busy=${discountState.busy} error=${discountState.error}
        onApply=${applyDiscount} onRemove=${removeDiscount} onCancel=${closeDiscount} />`}

      ${tenderOpen && cart && !receipt && html`<${TenderPanel} cart=${cart} availability=${availability} online=${online}
        checkout=${checkoutState} serialize=${enqueue} onCart=${(next) => applyCart(next)} onVoidTender=${voidTender}
        onCheckout=${checkout} onPluginsStale=${loadPlugins} onClose=${closeTender} />`}
    </div>`;
}
