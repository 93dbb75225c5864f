import { describe, expect, it } from 'vitest';
import { classifyScan, priceAt } from '../../main/web/register/scan.js';

describe('register: scan or search', () => {
  it('treats digits as a barcode, as a scanner types them', () => {
    expect(classifyScan('2000000010007')).toEqual({ kind: 'barcode', barcode: '2000000010007', quantity: '1' });
    expect(classifyScan('  4006381333931 ')).toEqual({ kind: 'barcode', barcode: '4006381333931', quantity: '1' });
    expect(classifyScan('4006 3813 3393 1').barcode).toBe('4006381333931');
    // short digit runs too: the server says which lengths it accepts, in its own words
    expect(classifyScan('42').kind).toBe('barcode');
  });

  it('searches by name for anything else', () => {
    expect(classifyScan('espresso')).toEqual({ kind: 'search', query: 'espresso', quantity: '1' });
    expect(classifyScan('T-shirt organic')).toEqual({ kind: 'search', query: 'T-shirt organic', quantity: '1' });
    expect(classifyScan('USB-C 1 m').kind).toBe('search');
  });

  it('reads a quantity in front: 3*barcode, 0.350*barcode, 2x name', () => {
    expect(classifyScan('3*2000000010007')).toEqual({ kind: 'barcode', barcode: '2000000010007', quantity: '3' });
    expect(classifyScan('0,350*2000000010083')).toEqual({ kind: 'barcode', barcode: '2000000010083', quantity: '0.350' });
    expect(classifyScan('2x coffee')).toEqual({ kind: 'search', query: 'coffee', quantity: '2' });
    expect(classifyScan('0*2000000010007').kind).toBe('invalid');
  });

  it('recognises a receipt barcode (order number) so it can go to returns', () => {
    expect(classifyScan('berlin-mitte-000012')).toEqual({ kind: 'order', orderNumber: 'berlin-mitte-000012' });
    expect(classifyScan('austin-downtown-000002').kind).toBe('order');
  });

  it('ignores empty input and asks for more than one letter', () => {
    expect(classifyScan('   ')).toEqual({ kind: 'empty' });
    expect(classifyScan(undefined)).toEqual({ kind: 'empty' });
    expect(classifyScan('a').kind).toBe('invalid');
  });

  it("finds a product's price at the till's store", () => {
    const product = { prices: [{ storeId: 'berlin-mitte', price: { amount: '16.99', currency: 'EUR' } }] };
    expect(priceAt(product, 'berlin-mitte')).toEqual({ amount: '16.99', currency: 'EUR' });
    expect(priceAt(product, 'austin-downtown')).toBeNull();
  });
});
