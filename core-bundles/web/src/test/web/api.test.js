import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, approvalHeader, queryString, request, sessionStore } from '../../main/web/app/api.js';

afterEach(() => {
  vi.unstubAllGlobals();
  sessionStore.clear();
});

function answer(status, body) {
  return Promise.resolve(new Response(body === undefined ? null : JSON.stringify(body), {
    status, headers: { 'Content-Type': 'application/json' },
  }));
}

describe('api', () => {
  it('sends the bearer token, approval and idempotency key', async () => {
    sessionStore.save({ token: 't0k' });
    const fetch = vi.fn(() => answer(200, { ok: true }));
    vi.stubGlobal('fetch', fetch);
    await request('POST', '/carts/1/payments', { body: { method: 'cash' }, approval: 'Basic x', idempotencyKey: 'k1' });
    const [url, init] = fetch.mock.calls[0];
    expect(url).toBe('/api/v1/carts/1/payments');
    expect(init.headers.Authorization).toBe('Bearer t0k');
    expect(init.headers['Omnitill-Approval']).toBe('Basic x');
    expect(init.headers['Idempotency-Key']).toBe('k1');
    expect(init.body).toBe('{"method":"cash"}');
  });

  it("turns the server's error body into an ApiError with its code", async () => {
    vi.stubGlobal('fetch', () => answer(409, { error: 'out_of_stock', message: 'only 1 left' }));
    const error = await request('POST', '/carts/1/checkout').catch((e) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(409);
    expect(error.code).toBe('out_of_stock');
    expect(error.message).toBe('only 1 left');
  });

  it('reports an unreachable server as offline', async () => {
    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('Failed to fetch')));
    const error = await request('GET', '/stores').catch((e) => e);
    expect(error.offline).toBe(true);
    expect(error.code).toBe('offline');
  });

  it('leaves out empty query parameters', () => {
    expect(queryString({ q: 'cof', store: '', limit: 20, from: undefined })).toBe('?q=cof&limit=20');
    expect(queryString({})).toBe('');
  });

  it('encodes approvals as the server parses them', () => {
    expect(approvalHeader('supervisor', 'supervisor')).toBe(`Basic ${btoa('supervisor:supervisor')}`);
    expect(approvalHeader('supervisor', '4711', true)).toBe(`PIN ${btoa('supervisor:4711')}`);
    expect(approvalHeader('jürgen', 'pässword')).toBe(`Basic ${Buffer.from('jürgen:pässword', 'utf8').toString('base64')}`);
  });
});
