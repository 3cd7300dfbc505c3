import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { minorDigits } from '../../shared/money';
import { displayAmount, parseAmount, parseDecimal } from './money-text';

const LOCALES = ['id', 'en', 'ja'] as const;

describe('amounts as people write them', () => {
  it('reads fifteen thousand the way each language writes it, and plainly', () => {
    expect(parseAmount('15.000', 'id', 'IDR')).toBe('15000');
    expect(parseAmount('15,000', 'en', 'IDR')).toBe('15000');
    expect(parseAmount('15,000', 'ja', 'JPY')).toBe('15000');
    for (const locale of LOCALES) expect(parseAmount('15000', locale, 'IDR')).toBe('15000');
    expect(parseAmount('Rp 350.000,50', 'id', 'IDR')).toBe('350000.50');
    expect(parseAmount('1,234.5', 'en', 'USD')).toBe('1234.5');
  });

  it('reads an exchange rate the way each language writes it', () => {
    expect(parseDecimal('104,5', 'id', 10)).toBe('104.5');
    expect(parseDecimal('15.873,25', 'id', 10)).toBe('15873.25');
    expect(parseDecimal('15,873.25', 'en', 10)).toBe('15873.25');
    expect(parseDecimal('0.00961', 'ja', 10)).toBe('0.00961');
  });

  it('shows an amount with the reader’s grouping', () => {
    expect(displayAmount('15000', 'id')).toBe('15.000');
    expect(displayAmount('15000', 'en')).toBe('15,000');
    expect(displayAmount('1234567.5', 'id')).toBe('1.234.567,5');
  });

  it('gives back every amount it shows, in all three languages (format → parse round-trips)', () => {
    const currency = fc.constantFrom('IDR', 'JPY', 'USD', 'KWD');
    const amount = currency.chain((c) =>
      fc
        .tuple(
          fc.bigInt({ min: 0n, max: 9_999_999_999_999n }),
          fc.option(fc.integer({ min: 0, max: 10 ** minorDigits(c) - 1 }), { nil: undefined }),
        )
        .map(([whole, fraction]) => ({
          currency: c,
          text:
            fraction === undefined || minorDigits(c) === 0
              ? whole.toString()
              : `${whole}.${String(fraction).padStart(minorDigits(c), '0')}`,
        })),
    );
    fc.assert(
      fc.property(amount, fc.constantFrom(...LOCALES), ({ currency: c, text }, locale) => {
        expect(parseAmount(displayAmount(text, locale), locale, c)).toBe(text);
      }),
      { numRuns: 500 },
    );
  });
});
