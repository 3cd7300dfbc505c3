import { fromMinor, minorDigits, toMinor, type Money } from '../../../shared/money.js';
import type { HppBody } from '../../../shared/schemas/business.js';
import { invalid } from '../../http/errors.js';

/**
 * Cost of production (harga pokok produksi): direct materials + direct labour + factory overhead
 * for one production run, divided by the units it made (DOMAIN.md). The suggested price adds a
 * mark-up on that cost. Exact arithmetic on integer minor units; a per-unit cost that does not
 * divide evenly rounds half up, and a price rounds up so it never falls below cost plus mark-up.
 *
 * The price comes from either a mark-up on cost (price = cost × (1 + m)) or a margin on price
 * (price = cost ÷ (1 − g)); the answer gives both, so no one mistakes a 29 % mark-up for a 29 % margin
 * (it is a 22.48 % margin).
 */
export interface HppResult {
  units: string;
  totals: { materials: Money; labour: Money; overhead: Money; total: Money };
  perUnit: { materials: Money; labour: Money; overhead: Money; total: Money };
  markupPercent: string;
  marginPercent: string;
  basis: 'markup' | 'margin';
  suggestedPrice: Money;
  /** Profit per unit at the suggested price. */
  marginPerUnit: Money;
}

/** "12.5" → [125n, 10n]: a decimal string as an exact fraction. */
function fraction(decimal: string): [bigint, bigint] {
  const [whole, part = ''] = decimal.split('.');
  const scale = 10n ** BigInt(part.length);
  return [BigInt(whole!) * scale + BigInt(part || '0'), scale];
}

/** numerator / denominator, rounded half up (both positive). */
const divideHalfUp = (n: bigint, d: bigint) => (2n * n + d) / (2n * d);
const divideUp = (n: bigint, d: bigint) => (n + d - 1n) / d;

/** part ÷ whole in percent with two decimals, rounded half up ("22.48"); "0.00" of nothing. */
function percentOf(part: bigint, whole: bigint): string {
  if (whole === 0n) return '0.00';
  const hundredths = divideHalfUp(part * 10_000n, whole);
  return `${hundredths / 100n}.${String(hundredths % 100n).padStart(2, '0')}`;
}

export function computeHpp(input: HppBody): HppResult {
  const { currency } = input;
  const sum = (field: 'materials' | 'labour' | 'overhead') =>
    input[field].reduce((total, item, i) => {
      const minor = toMinor(item.amount, currency);
      if (minor === undefined) {
        throw invalid([
          {
            path: `${field}.${i}.amount`,
            code: 'money_decimals',
            params: { currency, decimals: minorDigits(currency) },
            message: `has more decimals than ${currency} allows`,
          },
        ]);
      }
      return total + minor;
    }, 0n);
  const totals = { materials: sum('materials'), labour: sum('labour'), overhead: sum('overhead') };
  const total = totals.materials + totals.labour + totals.overhead;
  const [unitsN, unitsD] = fraction(input.units);
  const per = (minor: bigint) => divideHalfUp(minor * unitsD, unitsN);
  const perUnitTotal = per(total);

  let price: bigint;
  if (input.marginPercent !== undefined) {
    const [marginN, marginD] = fraction(input.marginPercent);
    price = divideUp(perUnitTotal * 100n * marginD, 100n * marginD - marginN);
  } else {
    const [markupN, markupD] = fraction(input.markupPercent ?? '0');
    price = divideUp(perUnitTotal * (100n * markupD + markupN), 100n * markupD);
  }
  if (input.roundTo) {
    const step = toMinor(input.roundTo, currency);
    if (!step)
      throw invalid([
        {
          path: 'roundTo',
          code: 'positive_amount',
          params: { currency },
          message: `must be a positive amount in ${currency}`,
        },
      ]);
    price = divideUp(price, step) * step;
  }
  const m = (minor: bigint) => fromMinor(minor, currency);
  return {
    units: input.units,
    totals: { materials: m(totals.materials), labour: m(totals.labour), overhead: m(totals.overhead), total: m(total) },
    perUnit: {
      materials: m(per(totals.materials)),
      labour: m(per(totals.labour)),
      overhead: m(per(totals.overhead)),
      total: m(perUnitTotal),
    },
    markupPercent: input.markupPercent ?? percentOf(price - perUnitTotal, perUnitTotal),
    marginPercent: percentOf(price - perUnitTotal, price),
    basis: input.marginPercent !== undefined ? 'margin' : 'markup',
    suggestedPrice: m(price),
    marginPerUnit: m(price - perUnitTotal),
  };
}
