import { DOC_LOCALE_TAG, printedDay } from '../../documents/index.js';
import type { Money } from '../../../shared/money.js';
import type { ReportLocale } from './report-labels.js';

/** How each language writes money and dates on the printed statements (Intl, each locale's own way). */
export const LOCALE_TAG: Record<ReportLocale, string> = DOC_LOCALE_TAG;

/**
 * "Rp 15.210.000" in Indonesian, "IDR 15,210,000" in English, the currency's own sign where a
 * language has one. Rupiah are printed whole when they have no sen; other amounts keep their digits.
 * Spaces are plain so a reader that copies the text gets what it sees.
 */
export function formatMoney(m: Money, locale: ReportLocale): string {
  const [, fraction = ''] = m.amount.split('.');
  const digits = m.currency === 'IDR' && /^0*$/.test(fraction) ? 0 : fraction.length;
  const negative = m.amount.startsWith('-') && /[1-9]/.test(m.amount);
  const magnitude = new Intl.NumberFormat(LOCALE_TAG[locale], {
    style: 'currency',
    currency: m.currency,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  })
    .format(Math.abs(Number(m.amount)))
    .replace(/\u00a0|\u202f/g, ' ');
  if (!negative) return magnitude;
  // A printed statement marks a negative amount the way its readers' accountants do: in brackets in
  // Indonesian and English, with a leading triangle in Japanese (△).
  return locale === 'ja' ? `△${magnitude}` : `(${magnitude})`;
}

/** "31 Desember 2026", "31 December 2026", "2026年12月31日": a calendar day, no time zone shift. */
export const formatDay = (isoDate: string, locale: ReportLocale): string => printedDay(isoDate, locale);

/** A column heading for a period: its year when it is one whole calendar year, else its first and last day. */
export function periodHeading(from: string, to: string, locale: ReportLocale): string {
  if (from.slice(5) === '01-01' && to.slice(5) === '12-31' && from.slice(0, 4) === to.slice(0, 4)) {
    return from.slice(0, 4);
  }
  return new Intl.DateTimeFormat(LOCALE_TAG[locale], { dateStyle: 'medium', timeZone: 'UTC' })
    .formatRange(new Date(`${from}T00:00:00Z`), new Date(`${to}T00:00:00Z`))
    .replace(/\u00a0|\u202f|\u2009/g, ' ');
}
