// The one way the pages talk to the server: the public REST API under /api/v1, with the signed-in user's
// bearer token. Every failure becomes an ApiError with the server's error code and message, so a view can
// show what went wrong in the server's own words.

const BASE = '/api/v1';
const TOKEN_KEY = 'omnitill.session';

export class ApiError extends Error {
  /**
   * @param {number} status HTTP status, 0 when the server could not be reached
   * @param {string} code the server's error code ("out_of_stock", "approval_required", …) or "offline"
   * @param {string} message what the server said
   */
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }

  get offline() {
    return this.status === 0;
  }
}

/** A session kept for the browser tab only: closing the tab signs the cashier out. */
export const sessionStore = {
  load() {
    try {
      return JSON.parse(sessionStorage.getItem(TOKEN_KEY) || 'null');
    } catch {
      return null;
    }
  },
  save(session) {
    sessionStorage.setItem(TOKEN_KEY, JSON.stringify(session));
  },
  clear() {
    sessionStorage.removeItem(TOKEN_KEY);
  },
};

let unauthorizedListener = () => {};

/** Called when the server no longer accepts the token (expired, revoked): the app goes back to sign-in. */
export function onUnauthorized(listener) {
  unauthorizedListener = listener;
}

/** A fresh idempotency key, so that a retried payment or return is made once. */
export function newIdempotencyKey() {
  return crypto.randomUUID();
}

/**
 * @param {string} method
 * @param {string} path below /api/v1, e.g. "/carts"
 * @param {{body?: any, query?: Record<string, any>, approval?: string, idempotencyKey?: string,
 *          token?: string|null, text?: boolean, signal?: AbortSignal}} [options]
 */
export async function request(method, path, options = {}) {
  const headers = { Accept: options.text ? 'text/plain' : 'application/json' };
  const token = options.token !== undefined ? options.token : sessionStore.load()?.token;
  if (token) headers.Authorization = `Bearer ${token}`;
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (options.approval) headers['Omnitill-Approval'] = options.approval;
  if (options.idempotencyKey) headers['Idempotency-Key'] = options.idempotencyKey;
  let response;
  try {
    response = await fetch(BASE + path + queryString(options.query), {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
      cache: 'no-store',
    });
  } catch (e) {
    if (e?.name === 'AbortError') throw e;
    throw new ApiError(0, 'offline', 'The server cannot be reached. Check the network; nothing was changed.');
  }
  if (response.status === 401 && token) unauthorizedListener();
  if (!response.ok) throw await errorOf(response);
  if (response.status === 204) return null;
  return options.text ? response.text() : response.json();
}

async function errorOf(response) {
  let code = `http_${response.status}`;
  let message = response.statusText || `The server answered ${response.status}.`;
  try {
    const body = await response.json();
    code = body.error || code;
    message = body.message || message;
  } catch {
    // not JSON (a proxy's error page, say): keep the status line
  }
  if (response.status === 502 || response.status === 503 || response.status === 504) {
    return new ApiError(0, 'offline', 'The server is not answering right now; nothing was changed.');
  }
  return new ApiError(response.status, code, message);
}

export function queryString(query) {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

export const api = {
  get: (path, options) => request('GET', path, options),
  post: (path, body, options = {}) => request('POST', path, { ...options, body }),
  put: (path, body, options = {}) => request('PUT', path, { ...options, body }),
  patch: (path, body, options = {}) => request('PATCH', path, { ...options, body }),
  del: (path, options) => request('DELETE', path, options),
};

/**
 * The Omnitill-Approval header value for a supervisor approving an act in the same request:
 * "Basic base64(user:password)" or, with a PIN, "PIN base64(user:pin)".
 */
export function approvalHeader(username, secret, withPin = false) {
  const bytes = new TextEncoder().encode(`${username}:${secret}`);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return `${withPin ? 'PIN' : 'Basic'} ${btoa(binary)}`;
}
