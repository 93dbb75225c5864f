import { describe, expect, it, vi } from 'vitest';
import { changeFor, methodAvailability, quickCashAmounts, readyForCheckout, tenderAmount, hasPendingTender }
  from '../../main/web/register/tender.js';
import { AttemptKeys } from '../../main/web/register/attempts.js';
import { ApiError } from '../../main/web/app/api.js';

const money = (amount, currency = 'EUR') => ({ amount, currency });

describe('register: tender maths', () => {
  it('proposes the exact amount, then the next round notes', () => {
    expect(quickCashAmounts('37.72', 'USD')).toEqual(['37.72', '38.00', '40.00', '50.00']);
    expect(quickCashAmounts('16.99', 'EUR')).toEqual(['16.99', '17.00', '20.00', '50.00']);
    expect(quickCashAmounts('20.00', 'EUR')).toEqual(['20.00', '50.00', '100.00']);
    expect(quickCashAmounts('1529', 'INR')).toEqual(['1529.00', '1530.00', '1540.00', '1550.00']);
    expect(quickCashAmounts('1250', 'JPY')).toEqual(['1250', '2000', '5000', '10000']);
    expect(quickCashAmounts('0.00', 'EUR')).toEqual([]);
  });

  it('adds what floats get wrong when working out change', () => {
    expect(changeFor('50', '37.72', 'USD')).toBe('12.28');
    expect(changeFor('0.30', '0.10', 'EUR')).toBe('0.20');
    expect(changeFor('10', '17.49', 'EUR')).toBe('0.00');
  });

  it('reads the typed tender amount: empty pays what is due, only cash may exceed it', () => {
    expect(tenderAmount('', 'cash', '37.72', 'USD')).toEqual({ ok: true, amount: '37.72' });
    expect(tenderAmount('50', 'cash', '37.72', 'USD')).toEqual({ ok: true, amount: '50.00' });
    expect(tenderAmount('12,5', 'gift-card', '37.72', 'USD')).toEqual({ ok: true, amount: '12.50' });
    expect(tenderAmount('50', 'card-terminal', '37.72', 'USD').ok).toBe(false);
    expect(tenderAmount('1.234', 'cash', '37.72', 'USD').ok).toBe(false);
    expect(tenderAmount('-5', 'cash', '37.72', 'USD').ok).toBe(false);
    expect(tenderAmount('0', 'cash', '37.72', 'USD').ok).toBe(false);
    expect(tenderAmount('abc', 'cash', '37.72', 'USD').ok).toBe(false);
    expect(tenderAmount('', 'cash', '0.00', 'USD').ok).toBe(false);
    expect(tenderAmount('1000', 'cash', '999', 'JPY')).toEqual({ ok: true, amount: '1000' });
  });

  it('offers only methods whose payment plugin is active, and says why not', () => {
    const plugins = [
      { id: 'cash', family: 'payment', state: 'ACTIVE' },
      { id: 'card-terminal', family: 'payment', state: 'RESOLVED' },
      { id: 'receipt-printer', family: 'device', state: 'ACTIVE' },
    ];
    const available = methodAvailability(plugins);
    expect(available.cash).toEqual({ available: true, reason: null });
    expect(available['card-terminal'].available).toBe(false);
    expect(available['card-terminal'].reason).toMatch(/resolved/);
    expect(available['gift-card'].available).toBe(false);
    expect(available['gift-card'].reason).toMatch(/not installed/);
    // unknown (the list could not be read): offer everything, the server decides
    expect(methodAvailability(null)['gift-card'].available).toBe(true);
  });

  it('checks out only when paid in full with nothing pending', () => {
    const cart = { status: 'OPEN', currency: 'EUR', lines: [{}], due: money('0.00'), payments: [{ status: 'CAPTURED' }] };
    expect(readyForCheckout(cart)).toBe(true);
    expect(readyForCheckout({ ...cart, due: money('0.01') })).toBe(false);
    expect(readyForCheckout({ ...cart, payments: [{ status: 'PENDING' }] })).toBe(false);
    expect(hasPendingTender({ payments: [{ status: 'CAPTURED' }, { status: 'PENDING' }] })).toBe(true);
    expect(readyForCheckout({ ...cart, lines: [] })).toBe(false);
    expect(readyForCheckout({ ...cart, status: 'CHECKED_OUT' })).toBe(false);
  });
});

describe('register: idempotency keys per attempt', () => {
  const offline = () => new ApiError(0, 'offline', 'unreachable');

  it('reuses the key only to retry the same attempt after a lost answer', async () => {
    let n = 0;
    const attempts = new AttemptKeys(() => `k${++n}`);
    const request = { method: 'cash', amount: money('10.00') };
    const send = vi.fn().mockRejectedValueOnce(offline()).mockResolvedValueOnce('paid');
    await expect(attempts.run(request, send)).rejects.toThrow('unreachable');
    expect(attempts.retryPending).toBe(true);
    await expect(attempts.run(request, send)).resolves.toBe('paid');
    expect(send.mock.calls.map((c) => c[0])).toEqual(['k1', 'k1']);
    expect(attempts.retryPending).toBe(false);
    // the next payment is a new attempt
    await attempts.run(request, async (key) => expect(key).toBe('k2'));
  });

  it('starts a new attempt after a real answer or for a different request', async () => {
    let n = 0;
    const attempts = new AttemptKeys(() => `k${++n}`);
    const declined = new ApiError(422, 'payment_declined', 'declined');
    await expect(attempts.run({ amount: '5' }, () => Promise.reject(declined))).rejects.toBe(declined);
    expect(attempts.keyFor({ amount: '5' })).toBe('k2');
    await expect(attempts.run({ amount: '5' }, () => Promise.reject(offline()))).rejects.toBeTruthy();
    expect(attempts.keyFor({ amount: '6' })).toBe('k4');
    expect(attempts.keyFor({ amount: '5' })).toBe('k3');
  });
});
