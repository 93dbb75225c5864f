// The register against a small fake of the REST API: scanning, paying (cash, a pending card, a vanished
// plugin), the receipt and a new sale, driven by the keys a cashier (or a scanner) presses.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { html } from '../../main/web/app/html.js';
import { Register } from '../../main/web/register/register.js';

const EUR = (amount) => ({ amount, currency: 'EUR' });
const PRODUCTS = {
  '2000000010007': { sku: 'COF-001', name: 'Espresso beans 1 kg', price: '16.99' },
  '2000000010359': { sku: 'MUG-001', name: 'Coffee mug stoneware', price: '7.95' },
};

/** Cents arithmetic for the fake's own totals (the page never computes them). */
const cents = (amount) => Math.round(Number(amount) * 100);
const money = (c) => EUR((c / 100).toFixed(2));

function fakeServer({ plugins, pay } = {}) {
  const state = { carts: new Map(), orders: new Map(), calls: [], nextId: 1, plugins: plugins || [
    { id: 'cash', family: 'payment', state: 'ACTIVE' },
    { id: 'card-terminal', family: 'payment', state: 'ACTIVE' },
    { id: 'gift-card', family: 'payment', state: 'ACTIVE' },
    { id: 'receipt-printer', family: 'device', state: 'ACTIVE' },
  ] };

  const recompute = (cart) => {
    const total = cart.lines.reduce((sum, l) => sum + cents(l.lineTotal.amount), 0);
    const paid = cart.payments.filter((p) => p.status === 'CAPTURED').reduce((s, p) => s + cents(p.amount.amount), 0);
    cart.subtotal = money(total);
    cart.total = money(total);
    cart.taxTotal = money(Math.round(total * 19 / 119));
    cart.taxes = [{ name: 'MwSt 19%', tax: cart.taxTotal }];
    cart.paid = money(paid);
    cart.due = money(Math.max(0, total - paid));
    cart.updatedAt = String(state.nextId++);
    return cart;
  };

  const respond = (status, body) => Promise.resolve(new Response(body === undefined ? null : typeof body === 'string' ? body : JSON.stringify(body), {
    status, headers: { 'Content-Type': typeof body === 'string' ? 'text/plain' : 'application/json' },
  }));
  const error = (status, code, message) => respond(status, { error: code, message });

  const handle = (method, path, body, headers) => {
    state.calls.push({ method, path, body, headers });
    let m;
    if (method === 'GET' && path === '/plugins') return respond(200, state.plugins);
    if (method === 'POST' && path === '/carts') {
      const cart = recompute({ id: `cart-${state.nextId++}`, storeId: body.store, registerId: body.register, status: 'OPEN',
        currency: 'EUR', pricesIncludeTax: true, lines: [], payments: [], rounding: EUR('0.00'), changeGiven: EUR('0.00'), taxAvailable: true });
      state.carts.set(cart.id, cart);
      return respond(201, cart);
    }
    if ((m = /^\/carts\/([^/]+)$/.exec(path)) && method === 'GET') {
      const cart = state.carts.get(m[1]);
      if (!cart) return error(404, 'cart_not_found', 'there is no cart');
      for (const p of cart.payments) if (p.status === 'PENDING' && p.resolveOnRead) p.status = 'CAPTURED';
      return respond(200, recompute(cart));
    }
    if ((m = /^\/carts\/([^/]+)\/lines$/.exec(path)) && method === 'POST') {
      const cart = state.carts.get(m[1]);
      const product = PRODUCTS[body.barcode];
      if (!product) return error(404, 'product_not_found', `no article has the barcode ${body.barcode}`);
      const existing = cart.lines.find((l) => l.sku === product.sku);
      const quantity = (existing ? existing.quantity : 0) + Number(body.quantity);
      const lineTotal = money(cents(product.price) * quantity);
      if (existing) Object.assign(existing, { quantity, lineTotal });
      else {
        cart.lines.push({ id: `line-${state.nextId++}`, sku: product.sku, name: product.name, unit: 'EACH', quantity,
          unitPrice: EUR(product.price), lineTotal, discount: EUR('0.00') });
      }
      return respond(201, recompute(cart));
    }
    if ((m = /^\/carts\/([^/]+)\/payments$/.exec(path)) && method === 'POST') {
      const cart = state.carts.get(m[1]);
      const outcome = pay ? pay(body, cart) : 'CAPTURED';
      if (outcome === 'DECLINED') return error(422, 'payment_declined', 'the card was refused');
      const due = cents(cart.due.amount);
      const tendered = cents(body.amount.amount);
      const settles = Math.min(due, tendered);
      const tender = { id: `t-${state.nextId++}`, method: body.method, status: outcome === 'PENDING' ? 'PENDING' : 'CAPTURED',
        amount: money(settles), tendered: money(tendered), change: money(tendered - settles), resolveOnRead: outcome === 'PENDING',
        key: headers['Idempotency-Key'] };
      cart.payments.push(tender);
      cart.changeGiven = money(cents(cart.changeGiven.amount) + tendered - settles);
      return respond(201, { tender, cart: recompute(cart) });
    }
    if ((m = /^\/carts\/([^/]+)\/checkout$/.exec(path)) && method === 'POST') {
      const cart = state.carts.get(m[1]);
      cart.status = 'CHECKED_OUT';
      const order = { id: `order-${state.nextId++}`, orderNumber: 'berlin-mitte-000042', total: cart.total, changeGiven: cart.changeGiven };
      cart.orderId = order.id;
      state.orders.set(order.id, order);
      return respond(201, order);
    }
    if ((m = /^\/orders\/([^/]+)\/receipt$/.exec(path))) return respond(200, 'Omnitill Demo Berlin Mitte\nTOTAL EUR 16.99');
    if ((m = /^\/orders\/([^/]+)$/.exec(path))) return respond(200, state.orders.get(m[1]));
    return error(404, 'not_found', `${method} ${path}`);
  };

  const fetch = vi.fn((url, init = {}) => {
    const path = new URL(url, 'http://localhost').pathname.replace('/api/v1', '');
    return handle(init.method || 'GET', path, init.body ? JSON.parse(init.body) : undefined, init.headers || {});
  });
  return { state, fetch };
}

let root;

async function waitFor(check, timeout = 4000) {
  const start = Date.now();
  for (;;) {
    let result;
    try {
      result = check();
    } catch {
      result = null;
    }
    if (result) return result;
    if (Date.now() - start > timeout) throw new Error(`timed out waiting for ${check}`);
    await act(() => new Promise((r) => setTimeout(r, 10)));
  }
}

const $ = (selector) => root.querySelector(selector);

async function type(text) {
  const field = document.activeElement;
  await act(() => {
    field.value = text;
    field.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

async function press(key) {
  await act(() => {
    const target = document.activeElement || document.body;
    const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true });
    if (target.dispatchEvent(event) && key === 'Enter' && target.form) target.form.requestSubmit();
  });
  await act(() => new Promise((r) => setTimeout(r, 0)));
}

async function mount(server, status = { online: true }) {
  vi.stubGlobal('fetch', server.fetch);
  root = document.createElement('div');
  document.body.append(root);
  const draw = (s) => render(html`<${Register} session=${{ username: 'cashier' }} status=${s} route="/register" />`, root);
  await act(() => draw(status));
  await waitFor(() => $('#cart[data-cart-id^="cart-"]'));
  return draw;
}

beforeEach(() => {
  localStorage.clear();
  localStorage.setItem('omnitill.register.till', JSON.stringify({ storeId: 'berlin-mitte', registerId: 'till-1', storeName: 'Berlin' }));
});

afterEach(() => {
  render(null, root);
  root.remove();
  vi.unstubAllGlobals();
});

describe('register: a sale from scan to new sale', () => {
  it('scans, pays cash with F12 + amount + Enter, shows the receipt, and Enter starts a new sale', async () => {
    const server = fakeServer();
    await mount(server);
    expect(document.activeElement.id).toBe('scan-input');

    await type('2000000010007');
    await press('Enter');
    await waitFor(() => $('.cart-line[data-sku="COF-001"]'));
    expect($('#cart-total').textContent).toContain('16.99');
    expect(document.activeElement.id).toBe('scan-input');

    await press('F12');
    await waitFor(() => $('#tender-panel'));
    expect(document.activeElement.id).toBe('tender-amount');
    expect($('#amount-due').textContent).toContain('16.99');
    await type('20');
    await press('Enter');

    await waitFor(() => $('#receipt pre'));
    expect($('#receipt-order-number').textContent).toBe('berlin-mitte-000042');
    expect($('#change-due').textContent).toContain('3.01');
    expect($('svg#receipt-barcode').querySelectorAll('rect').length).toBeGreaterThan(10);
    expect($('#receipt-printed').textContent).toMatch(/receipt printer/);
    const payment = server.state.calls.find((c) => c.path.endsWith('/payments'));
    expect(payment.body).toEqual({ method: 'cash', amount: EUR('20.00') });
    expect(payment.headers['Idempotency-Key']).toBeTruthy();
    expect(server.state.calls.find((c) => c.path.endsWith('/checkout')).headers['Idempotency-Key']).toBeTruthy();

    const firstCart = server.state.calls.find((c) => c.path === '/carts' && c.method === 'POST');
    expect(firstCart.body).toEqual({ store: 'berlin-mitte', channel: 'register', register: 'till-1' });
    await waitFor(() => document.activeElement?.id === 'scan-input');
    await press('Enter');
    await waitFor(() => $('.cart-empty'));
    expect(server.state.calls.filter((c) => c.path === '/carts' && c.method === 'POST')).toHaveLength(2);
    expect(JSON.parse(localStorage.getItem('omnitill.register.receipt'))).toBeNull();
  });

  it('shows an unknown barcode as an error and leaves the cart as it was', async () => {
    await mount(fakeServer());
    await type('2000000099996');
    await press('Enter');
    await waitFor(() => $('#cart-error').textContent);
    expect($('#cart-error').textContent).toBe('no article has the barcode 2000000099996');
    expect(root.querySelectorAll('.cart-line')).toHaveLength(0);
    expect($('.scan-bar').classList.contains('flash')).toBe(true);
  });

  it('resumes the saved cart after a reload', async () => {
    const server = fakeServer();
    const draw = await mount(server);
    await type('2000000010359');
    await press('Enter');
    await waitFor(() => $('.cart-line[data-sku="MUG-001"]'));
    const id = $('#cart').dataset.cartId;
    await act(() => render(null, root));
    await act(() => draw({ online: true }));
    await waitFor(() => $('.cart-line[data-sku="MUG-001"]'));
    expect($('#cart').dataset.cartId).toBe(id);
  });
});

describe('register: tender states', () => {
  it('polls a pending card payment until the provider confirms it, then checks out', async () => {
    const server = fakeServer({ pay: (body) => (body.method === 'card-terminal' ? 'PENDING' : 'CAPTURED') });
    await mount(server);
    await type('2000000010007');
    await press('Enter');
    await waitFor(() => $('.cart-line'));
    await press('F12');
    await waitFor(() => $('#tender-panel'));
    await act(() => $('#tender-card').click());
    await act(() => $('#tender-submit').click());
    await waitFor(() => $('#tender-pending'));
    expect($('#tenders .tender').dataset.status).toBe('PENDING');
    // the poll reads the cart again (every 2.5 s); the fake confirms the tender on that read
    await waitFor(() => $('#receipt'), 6000);
    expect(server.state.calls.some((c) => c.method === 'GET' && /^\/carts\/cart-/.test(c.path))).toBe(true);
  });

  it('shows a decline and pays the rest with another method (split tender)', async () => {
    const server = fakeServer({ pay: (body) => (body.method === 'card-terminal' ? 'DECLINED' : 'CAPTURED') });
    await mount(server);
    await type('2000000010007');
    await press('Enter');
    await waitFor(() => $('.cart-line'));
    await press('F12');
    await waitFor(() => $('#tender-panel'));
    await type('10');
    await press('Enter');
    await waitFor(() => root.querySelectorAll('#tenders .tender').length === 1);
    expect($('#amount-due').textContent).toContain('6.99');
    await act(() => $('#tender-card').click());
    await act(() => $('#tender-submit').click());
    await waitFor(() => $('#tender-declined'));
    expect($('#tender-declined').textContent).toContain('the card was refused');
    await act(() => $('#tender-gift-card').click());
    await waitFor(() => document.activeElement?.id === 'gift-card-number');
    await type('9191815958622913');
    await act(() => $('#tender-submit').click());
    await waitFor(() => $('#receipt'));
    const payments = server.state.calls.filter((c) => c.path.endsWith('/payments'));
    expect(payments.map((c) => c.body.method)).toEqual(['cash', 'card-terminal', 'gift-card']);
    expect(payments[2].body).toEqual({ method: 'gift-card', amount: EUR('6.99'), data: { giftCardNumber: '9191815958622913' } });
    expect(new Set(payments.map((c) => c.headers['Idempotency-Key'])).size).toBe(3);
  });

  it('disables a method whose payment plugin is not active, with the reason', async () => {
    const server = fakeServer({ plugins: [{ id: 'cash', family: 'payment', state: 'ACTIVE' },
      { id: 'card-terminal', family: 'payment', state: 'RESOLVED' }] });
    await mount(server);
    await type('2000000010007');
    await press('Enter');
    await waitFor(() => $('.cart-line'));
    await press('F12');
    await waitFor(() => $('#tender-panel'));
    await waitFor(() => $('#tender-card').disabled);
    expect($('#tender-gift-card').disabled).toBe(true);
    expect($('#tender-cash').disabled).toBe(false);
    expect([...root.querySelectorAll('.method-unavailable')].map((p) => p.dataset.method)).toEqual(['card-terminal', 'gift-card']);
  });

  it('keeps the cart but refuses to pay while the server is unreachable', async () => {
    const server = fakeServer();
    const draw = await mount(server);
    await type('2000000010007');
    await press('Enter');
    await waitFor(() => $('.cart-line'));
    await act(() => draw({ online: false }));
    expect($('#pay').disabled).toBe(true);
    expect($('#register-offline')).not.toBeNull();
    expect($('.cart-line[data-sku="COF-001"]')).not.toBeNull();
    await press('F12');
    expect($('#tender-panel')).toBeNull();
    expect($('#cart-error').textContent).toMatch(/Offline/);
    // back online: the cart is read again
    const reads = server.state.calls.filter((c) => c.method === 'GET' && c.path.startsWith('/carts/')).length;
    await act(() => draw({ online: true }));
    await waitFor(() => server.state.calls.filter((c) => c.method === 'GET' && c.path.startsWith('/carts/')).length > reads);
    expect($('#pay').disabled).toBe(false);
  });
});

describe('register: returns', () => {
  const ORDER = {
    id: 'order-7', orderNumber: 'berlin-mitte-000007', storeId: 'berlin-mitte', registerId: 'till-1', cashier: 'cashier',
    placedAt: '2026-12-05T10:00:00Z', currency: 'EUR', total: EUR('24.94'),
    lines: [
      { id: 'ol-1', sku: 'COF-001', name: 'Espresso beans 1 kg', unit: 'EACH', quantity: 2, unitPrice: EUR('16.99') },
      { id: 'ol-2', sku: 'MUG-001', name: 'Coffee mug stoneware', unit: 'EACH', quantity: 1, unitPrice: EUR('7.95') },
    ],
  };

  function returnsServer() {
    const state = { calls: [], returns: [] };
    const respond = (status, body) => Promise.resolve(new Response(JSON.stringify(body), {
      status, headers: { 'Content-Type': 'application/json' } }));
    const fetch = vi.fn((url, init = {}) => {
      const path = new URL(url, 'http://localhost').pathname.replace('/api/v1', '');
      const method = init.method || 'GET';
      const headers = init.headers || {};
      const body = init.body ? JSON.parse(init.body) : undefined;
      state.calls.push({ method, path, body, headers });
      if (path === '/orders/berlin-mitte-000007' || path === '/orders/order-7') return respond(200, ORDER);
      if (path === '/orders/order-7/returns' && method === 'GET') return respond(200, state.returns);
      if (path === '/orders/order-7/returns' && method === 'POST') {
        if (!headers['Omnitill-Approval']) {
          return respond(403, { error: 'approval_required', message: 'this needs the approval of a supervisor (permission order.refund)' });
        }
        const ret = {
          id: 'ret-1', number: 'R-berlin-mitte-000001', orderId: 'order-7', refundTotal: EUR('16.99'), reason: body.reason,
          lines: body.lines.map((l) => ({ orderLineId: l.lineId, quantity: Number(l.quantity) })),
          refunds: [
            { id: 'rf-1', method: 'cash', status: 'REFUNDED', amount: EUR('6.99'), originalTenderId: 't-1', note: 'Paid out in cash.' },
            { id: 'rf-2', method: 'card-terminal', status: 'FAILED', amount: EUR('10.00'), originalTenderId: 't-2', note: 'terminal not reachable' },
          ],
        };
        state.returns.push(ret);
        return respond(201, ret);
      }
      if (path === '/orders/order-7/returns/ret-1/refunds/rf-2/cash' && method === 'POST') {
        if (!headers['Omnitill-Approval']) {
          return respond(403, { error: 'approval_required', message: 'this needs the approval of a supervisor (permission order.refund)' });
        }
        const ret = state.returns[0];
        ret.refunds.push({ id: 'rf-3', method: 'cash', status: 'REFUNDED', amount: EUR('10.00'), originalTenderId: 't-2', note: 'Paid in cash instead.' });
        return respond(200, ret);
      }
      return respond(404, { error: 'not_found', message: path });
    });
    return { state, fetch };
  }

  it('takes goods back with a supervisor, then pays a failed card refund in cash', async () => {
    const server = returnsServer();
    vi.stubGlobal('fetch', server.fetch);
    root = document.createElement('div');
    document.body.append(root);
    await act(() => render(html`<${Register} session=${{ username: 'cashier' }} status=${{ online: true }} route="/register/return" />`, root));
    await waitFor(() => document.activeElement?.id === 'return-lookup');

    await type('berlin-mitte-000007');
    await press('Enter');
    await waitFor(() => root.querySelectorAll('.return-line').length === 2);
    const qty = root.querySelector('.return-line[data-line-id="ol-1"] input.return-qty');
    await act(() => {
      qty.value = '3';
      qty.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(() => {
      const reason = $('#return-reason');
      reason.value = 'Damaged';
      reason.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(() => $('#return-submit').click());
    expect($('.return-line[data-line-id="ol-1"] .field-error').textContent).toMatch(/At most 2/);
    expect(server.state.calls.some((c) => c.method === 'POST')).toBe(false);

    await act(() => {
      qty.value = '1';
      qty.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(() => $('#return-submit').click());
    await waitFor(() => $('#approval-dialog'));
    await act(() => {
      for (const [id, value] of [['approval-username', 'supervisor'], ['approval-secret', 'supervisor']]) {
        $(`#${id}`).value = value;
        $(`#${id}`).dispatchEvent(new Event('input', { bubbles: true }));
      }
    });
    await act(() => $('#approval-submit').click());
    await waitFor(() => $('#return-result'));
    const posts = server.state.calls.filter((c) => c.method === 'POST' && c.path === '/orders/order-7/returns');
    expect(posts).toHaveLength(2);
    expect(posts[0].headers['Idempotency-Key']).toBe(posts[1].headers['Idempotency-Key']);
    expect(posts[1].body).toEqual({ lines: [{ lineId: 'ol-1', quantity: '1' }], reason: 'Damaged', store: 'berlin-mitte' });
    expect(root.querySelectorAll('#return-result .refund')).toHaveLength(2);
    expect($('.return-line[data-line-id="ol-1"] .return-returned').textContent).toBe('1');

    await act(() => $('#return-result button.refund-cash-fallback').click());
    await waitFor(() => $('#approval-dialog'));
    await act(() => {
      for (const [id, value] of [['approval-username', 'supervisor'], ['approval-secret', '4321']]) {
        $(`#${id}`).value = value;
        $(`#${id}`).dispatchEvent(new Event('input', { bubbles: true }));
      }
      $('#approval-pin').click();
    });
    await act(() => $('#approval-submit').click());
    await waitFor(() => root.querySelectorAll('#return-result .refund').length === 3);
    expect($('#return-result button.refund-cash-fallback')).toBeNull();
    expect($('#return-notice').textContent).toMatch(/in cash/);
  });
});
