import type { ImpactRow } from '../../../../shared/schemas/impact';
import { formatMoney } from '../../../lib/format';
import { displayAmount } from '../../../lib/money-text';

/** The year a dashboard shows first: this calendar year. */
export const thisYear = () => String(new Date().getFullYear());

/** The levels of the area tree below the country, in order (Indonesia: province → village). */
export const LEVELS = ['province', 'regency', 'district', 'village'] as const;

/**
 * A value as the reader writes numbers: money with its currency, counts grouped, "<5" when below the
 * threshold, "x" when hidden so that a total cannot reveal a small cell beside it.
 */
export function valueText(
  row: (Pick<ImpactRow, 'value' | 'suppressed' | 'currency'> & { complementary?: boolean }) | undefined,
  locale: string,
) {
  if (!row) return '0';
  if (row.suppressed) return row.complementary ? 'x' : '<5';
  if (row.value === null) return '—';
  if (row.currency) return formatMoney({ amount: row.value, currency: row.currency }, locale);
  return displayAmount(row.value.replace(/\.0+$/, ''), locale);
}

/** A decimal as the reader writes it, for a target or baseline with or without a currency. */
export function decimalText(value: string, currency: string | null, locale: string) {
  return valueText({ value, suppressed: false, currency }, locale);
}
