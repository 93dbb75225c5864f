// One idempotency key per attempt at a payment, checkout or return. The same attempt retried after the
// server could not be reached (the answer was lost: maybe it was done, maybe not) reuses its key, so the
// server answers with the first outcome instead of charging or refunding twice. Any real answer, or a
// different request, starts a new attempt with a new key.
import { newIdempotencyKey } from '../app/api.js';

export class AttemptKeys {
  /** @param {() => string} newKey */
  constructor(newKey = newIdempotencyKey) {
    this.newKey = newKey;
    this.unsettled = null; // {fingerprint, key} of the attempt whose answer was lost
  }

  /** The key to send `request` with (anything JSON-serialisable that identifies the attempt). */
  keyFor(request) {
    const fingerprint = JSON.stringify(request);
    if (this.unsettled && this.unsettled.fingerprint === fingerprint) return this.unsettled.key;
    return this.newKey();
  }

  /**
   * How the attempt sent with `key` ended. A lost answer keeps the key for the retry; so does a cancelled
   * approval (nothing was done, and trying again is the same attempt); any other answer ends the attempt.
   */
  settle(request, key, error = null) {
    const reusable = error?.offline || error?.name === 'ApprovalCancelled';
    this.unsettled = reusable ? { fingerprint: JSON.stringify(request), key, lost: !!error.offline } : null;
  }

  /** Whether the last attempt's answer was lost, so that retrying it is safe and needed. */
  get retryPending() {
    return !!this.unsettled?.lost;
  }

  /**
   * Sends `request` through `send(key)` with the right key and records the outcome.
   * @template T @param {any} request @param {(key: string) => Promise<T>} send @returns {Promise<T>}
   */
  async run(request, send) {
    const key = this.keyFor(request);
    try {
      const result = await send(key);
      this.settle(request, key);
      return result;
    } catch (e) {
      this.settle(request, key, e);
      throw e;
    }
  }
}
