import { describe, expect, it } from 'vitest';
import { addAmounts, compareAmounts, currencyDigits, formatMoney, formatQuantity, fromMinor, isAmount,
  subtractAmounts, toMinor } from '../../main/web/app/money.js';

describe('money', () => {
  it('knows each currency its own minor units', () => {
    expect(currencyDigits('EUR')).toBe(2);
    expect(currencyDigits('JPY')).toBe(0);
    expect(currencyDigits('KWD')).toBe(3);
  });

  it('converts decimal strings to minor units and back without floating point', () => {
    expect(toMinor('12.3', 2)).toBe(1230n);
    expect(toMinor('0.10', 2)).toBe(10n);
    expect(toMinor('-4.05', 2)).toBe(-405n);
    expect(toMinor('1000', 0)).toBe(1000n);
    expect(fromMinor(1230n, 2)).toBe('12.30');
    expect(fromMinor(5n, 2)).toBe('0.05');
    expect(fromMinor(-405n, 2)).toBe('-4.05');
    expect(fromMinor(7n, 0)).toBe('7');
  });

  it('adds what floats get wrong', () => {
    expect(addAmounts('0.10', '0.20', 'EUR')).toBe('0.30');
    expect(subtractAmounts('50', '42.37', 'EUR')).toBe('7.63');
    expect(subtractAmounts('20', '21.99', 'USD')).toBe('-1.99');
  });

  it('refuses more decimals than the currency has instead of rounding them away', () => {
    expect(() => toMinor('1.234', 2)).toThrow(/more than 2 decimals/);
    expect(toMinor('1.230', 2)).toBe(123n);
    expect(isAmount('1.5', 'JPY')).toBe(false);
    expect(isAmount('abc', 'EUR')).toBe(false);
    expect(isAmount('', 'EUR')).toBe(false);
    expect(isAmount('1e3', 'EUR')).toBe(false);
  });

  it('compares', () => {
    expect(compareAmounts('10.00', '9.99', 'EUR')).toBe(1);
    expect(compareAmounts('10', '10.00', 'EUR')).toBe(0);
    expect(compareAmounts('0', '0.01', 'EUR')).toBe(-1);
  });

  it('formats with the currency and exactly its decimals', () => {
    expect(formatMoney('1234.5', 'EUR', 'en-US')).toBe('€1,234.50');
    expect(formatMoney({ amount: '315.00', currency: 'INR' }, undefined, 'en-IN')).toBe('₹315.00');
    expect(formatMoney('0.1', 'USD', 'en-US')).toBe('$0.10');
    expect(formatMoney('99999999999999999.99', 'EUR', 'en-US')).toBe('€99,999,999,999,999,999.99');
  });

  it('shows quantities without trailing zeros', () => {
    expect(formatQuantity('2')).toBe('2');
    expect(formatQuantity('0.750')).toBe('0.75');
    expect(formatQuantity('3.000')).toBe('3');
  });
});
