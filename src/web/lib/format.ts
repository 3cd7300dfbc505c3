import type { Money } from './http';

/** The one place dates and money become text, in the reader's language. */
export function formatMoney(money: Money, locale: string): string {
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency: money.currency }).format(Number(money.amount));
  } catch {
    return `${money.amount} ${money.currency}`;
  }
}

/** A `YYYY-MM-DD` date, read as a calendar day (no time zone shift). */
export function formatDate(isoDate: string, locale: string): string {
  const date = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return isoDate;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}

export const today = () => new Date().toISOString().slice(0, 10);

/** Today as the reader's own calendar shows it (a treasurer at 06:00 in Bali is not still on yesterday). */
export function localToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
