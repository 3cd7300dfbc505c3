import { intlLocale } from '../../shared/languages';
import { formatQuantity } from '../../shared/formats';

/** The one place dates and money become text, in the reader's language (shared with the pages the server renders). */
export { formatDate, formatMoney, formatQuantity, pageTitle, unitName } from '../../shared/formats';
export { formatRate } from '../../shared/rate-format';

/** "JPY" → "Japanese Yen" / "円" in the reader's language. */
export function currencyName(code: string, locale: string): string {
  try {
    return new Intl.DisplayNames([intlLocale(locale)], { type: 'currency' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** Lists and language names in the reader's language (shared with the pages the server renders). */
export { formatList, languageNames as languageList } from '../../shared/language-names';

export const today = () => new Date().toISOString().slice(0, 10);

/** Today as the reader's own calendar shows it (a treasurer at 06:00 in Bali is not still on yesterday). */
export function localToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The words of a batch's stock line ("Tersedia {available} dari {stock}"): the stock with its unit. */
export function stockWords(batch: { available: string; stock: string; unit: string }, locale: string) {
  return {
    available: new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: 3 }).format(Number(batch.available)),
    stock: formatQuantity(batch.stock, batch.unit, locale),
  };
}
