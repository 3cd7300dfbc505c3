import { z } from 'zod';
import { coded } from './problem-codes.js';

/**
 * Quantities of goods are exact decimals in the product's unit ("12.5" packs of 100 g, "40" kg):
 * a decimal string on the wire, numeric(18,3) in the database, thousandths (bigint) in arithmetic.
 */
export const QUANTITY_DECIMALS = 3;
const SCALE = 10n ** BigInt(QUANTITY_DECIMALS);

export const quantity = z
  .string()
  .regex(/^\d{1,12}(\.\d{1,3})?$/, coded('not_a_quantity', 'must be a decimal string such as "120" or "12.5"'))
  .refine((v) => /[1-9]/.test(v), coded('more_than_zero', 'must be more than zero'));

/** "12.5" → 12500n; the database's "12.500" reads the same. */
export function toMilli(value: string): bigint {
  const negative = value.startsWith('-');
  const [whole, fraction = ''] = (negative ? value.slice(1) : value).split('.');
  const milli =
    BigInt(whole || '0') * SCALE + BigInt(fraction.slice(0, QUANTITY_DECIMALS).padEnd(QUANTITY_DECIMALS, '0'));
  return negative ? -milli : milli;
}

/** 12500n → "12.5"; 120000n → "120" (no trailing zeros). */
export function fromMilli(milli: bigint): string {
  const negative = milli < 0n;
  const abs = negative ? -milli : milli;
  const whole = (abs / SCALE).toString();
  const fraction = (abs % SCALE).toString().padStart(QUANTITY_DECIMALS, '0').replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

/** A numeric column as the API shows it: "12.500" → "12.5". */
export const quantityText = (value: string): string => fromMilli(toMilli(value));

/** price × quantity in minor units, rounded half up to the currency's minor unit. */
export function lineTotalMinor(unitPriceMinor: bigint, quantityMilli: bigint): bigint {
  return (unitPriceMinor * quantityMilli + SCALE / 2n) / SCALE;
}
