import type { Money } from './http';
import { languageNames } from '../../shared/language-names';
import { intlLocale } from '../../shared/languages';

/** The one place dates and money become text, in the reader's language. */
export function formatMoney(money: Money, locale: string): string {
  try {
    return new Intl.NumberFormat(intlLocale(locale), { style: 'currency', currency: money.currency }).format(
      Number(money.amount),
    );
  } catch {
    return `${money.amount} ${money.currency}`;
  }
}

export { formatRate } from '../../shared/rate-format';

/** "JPY" → "Japanese Yen" / "円" in the reader's language. */
export function currencyName(code: string, locale: string): string {
  try {
    return new Intl.DisplayNames([intlLocale(locale)], { type: 'currency' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** A list in the reader's language and its punctuation: "A, B, and C", "A, B, dan C", 「A、B、C」. */
export function formatList(items: readonly string[], locale: string): string {
  try {
    return new Intl.ListFormat(intlLocale(locale), { style: 'long', type: 'conjunction' }).format(items);
  } catch {
    return items.join(', ');
  }
}

/** Languages by name in the reader's language, as a list of that language ("インドネシア語、英語、日本語"). */
export function languageList(codes: readonly string[], locale: string): string {
  return formatList(
    codes.map((code) => languageNames([code], locale)),
    locale,
  );
}

/** A `YYYY-MM-DD` date, read as a calendar day (no time zone shift). */
export function formatDate(isoDate: string, locale: string): string {
  const date = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return isoDate;
  return new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}

export const today = () => new Date().toISOString().slice(0, 10);

/** Today as the reader's own calendar shows it (a treasurer at 06:00 in Bali is not still on yesterday). */
export function localToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * Indonesian unit words and their names in the other interface languages. A product's unit is what
 * its group typed ("100 g", "buah", "bungkus 150 g", "lembar 2,1 m"): the word is translated where
 * it is one of these, the size kept as written.
 */
const UNIT_WORDS: Record<string, { en: string; ja: string }> = {
  buah: { en: 'piece', ja: '個' },
  biji: { en: 'piece', ja: '個' },
  bungkus: { en: 'pack', ja: '袋' },
  kemasan: { en: 'pack', ja: 'パック' },
  pak: { en: 'pack', ja: 'パック' },
  lembar: { en: 'sheet', ja: '枚' },
  helai: { en: 'piece of cloth', ja: '枚' },
  botol: { en: 'bottle', ja: '本' },
  toples: { en: 'jar', ja: '瓶' },
  kotak: { en: 'box', ja: '箱' },
  dus: { en: 'carton', ja: 'ケース' },
  karung: { en: 'sack', ja: '袋' },
  ikat: { en: 'bundle', ja: '束' },
  pasang: { en: 'pair', ja: '組' },
  set: { en: 'set', ja: 'セット' },
  sisir: { en: 'hand (bananas)', ja: '房' },
  tandan: { en: 'bunch', ja: '房' },
};

/**
 * A unit in the reader's language: "bungkus 150 g" → "pack (150 g)" / "袋（150 g）", the size kept
 * but written with the reader's decimal point ("lembar 2,1 m" → "枚（2.1 m）"); a size alone
 * ("100 g") as it is.
 */
export function unitName(unit: string, locale: string): string {
  const [word, ...size] = unit.trim().split(/\s+/);
  const names = word ? UNIT_WORDS[word.toLowerCase()] : undefined;
  if (!names || locale === 'id') return unit;
  const name = locale === 'ja' ? names.ja : names.en;
  if (!size.length) return name;
  // Sizes are typed the Indonesian way: a comma is the decimal point.
  const measure = size.map((part) => part.replace(/^(\d+),(\d+)$/, '$1.$2')).join(' ');
  return locale === 'ja' ? `${name}（${measure}）` : `${name} (${measure})`;
}

/**
 * A quantity with its unit, in the reader's language: "1.500 buah"; a unit that is a size of its own
 * ("100 g") is counted with ×, so a number never runs into another ("1.500 × 100 g", not "1.500 100 g").
 */
export function formatQuantity(quantity: string | number, unit: string, locale: string): string {
  const n = Number(quantity);
  const shown = Number.isFinite(n)
    ? new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: 3 }).format(n)
    : String(quantity);
  const name = unitName(unit, locale);
  return /^\d/.test(unit.trim()) ? `${shown} × ${name}` : `${shown} ${name}`;
}

/** The words of a batch's stock line ("Tersedia {available} dari {stock}"): the stock with its unit. */
export function stockWords(batch: { available: string; stock: string; unit: string }, locale: string) {
  return {
    available: new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: 3 }).format(Number(batch.available)),
    stock: formatQuantity(batch.stock, batch.unit, locale),
  };
}
