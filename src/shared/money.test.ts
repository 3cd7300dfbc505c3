import { describe, expect, it } from 'vitest';
import { fromMinor, minorDigits, toMinor } from './money.js';

describe('money', () => {
  it('knows each currency’s minor digits', () => {
    expect(minorDigits('IDR')).toBe(2);
    expect(minorDigits('JPY')).toBe(0);
    expect(minorDigits('USD')).toBe(2);
  });

  it('round-trips decimal strings through integer minor units exactly', () => {
    expect(toMinor('12900', 'IDR')).toBe(1_290_000n);
    expect(toMinor('12900.5', 'IDR')).toBe(1_290_050n);
    expect(fromMinor(1_290_050n, 'IDR')).toEqual({ amount: '12900.50', currency: 'IDR' });
    expect(fromMinor('1500', 'JPY')).toEqual({ amount: '1500', currency: 'JPY' });
    expect(fromMinor(-5n, 'USD')).toEqual({ amount: '-0.05', currency: 'USD' });
    expect(toMinor('9999999999999.99', 'IDR')).toBe(999_999_999_999_999n);
  });

  it('refuses more decimals than the currency has', () => {
    expect(toMinor('1.5', 'JPY')).toBeUndefined();
    expect(toMinor('0.001', 'IDR')).toBeUndefined();
  });
});
