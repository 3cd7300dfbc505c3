import { z } from 'zod';
import { coded } from './problem-codes.js';

/**
 * Money is exact: a decimal string on the wire ("12900.00"), integer minor units in the database.
 * Minor digits follow the ISO 4217 list (IDR 2, JPY 0, KWD 3) — not CLDR's display digits, which
 * round IDR to whole rupiah.
 */
const ISO_4217_MINOR_DIGITS: Record<string, number> = {
  ...Object.fromEntries(
    'BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV XAF XOF XPF'.split(' ').map((c) => [c, 0]),
  ),
  ...Object.fromEntries('BHD IQD JOD KWD LYD OMR TND'.split(' ').map((c) => [c, 3])),
  CLF: 4,
  UYW: 4,
};

export function minorDigits(currency: string): number {
  return ISO_4217_MINOR_DIGITS[currency] ?? 2;
}

export const decimalAmount = z
  .string()
  .regex(/^\d{1,13}(\.\d{1,4})?$/, coded('not_a_decimal', 'must be a decimal string such as "12900.00"'));

export const money = z.strictObject({
  amount: decimalAmount,
  currency: z.string().regex(/^[A-Z]{3}$/, coded('not_a_currency_code', 'must be an ISO 4217 code')),
});
export type Money = z.infer<typeof money>;

/** "12900.5" IDR → 1290050n; undefined when the amount has more decimals than the currency allows. */
export function toMinor(amount: string, currency: string): bigint | undefined {
  const digits = minorDigits(currency);
  const [whole, fraction = ''] = amount.split('.');
  if (fraction.length > digits) return undefined;
  return BigInt(whole!) * 10n ** BigInt(digits) + BigInt(fraction.padEnd(digits, '0') || '0');
}

export function fromMinor(minor: bigint | string | number, currency: string): Money {
  const digits = minorDigits(currency);
  const value = BigInt(minor);
  const negative = value < 0n;
  const abs = negative ? -value : value;
  const scale = 10n ** BigInt(digits);
  const whole = (abs / scale).toString();
  const fraction = digits > 0 ? `.${(abs % scale).toString().padStart(digits, '0')}` : '';
  return { amount: `${negative ? '-' : ''}${whole}${fraction}`, currency };
}

/**
 * An amount in minor units of `from` at `rate` (units of `to` per one unit of `from`, a decimal
 * string such as "104.5") in minor units of `to`, rounded once to `to`'s minor unit, half away from
 * zero: ¥12,000 at 104.5 IDR/JPY → 125400000n (Rp 1.254.000,00).
 */
export function convertMinor(minor: bigint, from: string, to: string, rate: string): bigint {
  const [whole, fraction = ''] = rate.split('.');
  const numerator = minor * BigInt(whole! + fraction) * 10n ** BigInt(minorDigits(to));
  const denominator = 10n ** BigInt(fraction.length + minorDigits(from));
  const abs = numerator < 0n ? -numerator : numerator;
  const rounded = (2n * abs + denominator) / (2n * denominator);
  return numerator < 0n ? -rounded : rounded;
}
