import { intlLocale } from './languages.js';

/*
 * Money, dates, units and page titles as the reader reads them: the web app's pages and the pages the
 * server renders (src/server/pages) both write them with these, so a rendered page does not change
 * once the app takes it over. (No zod here: the public pages' first chunk imports it.)
 */

/**
 * One formatter for each kind, language and currency, made the first time it is asked for: making
 * an Intl formatter costs about 0.17 ms, using one a microsecond or two, and a catalog page writes
 * 24 prices (4 of the page's 5 ms on the server before they were kept).
 */
function kept<F>(make: (key: string) => F): (key: string) => F {
  const made = new Map<string, F>();
  return (key) => {
    let formatter = made.get(key);
    if (formatter === undefined) {
      formatter = make(key);
      made.set(key, formatter);
    }
    return formatter;
  };
}

const moneyFormat = kept((key) => {
  const [locale = '', currency = ''] = key.split(' ');
  return new Intl.NumberFormat(locale, { style: 'currency', currency });
});
const dateFormat = kept((locale) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }));
const numberFormat = kept((locale) => new Intl.NumberFormat(locale, { maximumFractionDigits: 3 }));

/** A price as the reader reads it ("Rp 25.000", "IDR 25,000"). */
export function formatMoney(money: { amount: string; currency: string }, locale: string): string {
  try {
    return moneyFormat(`${intlLocale(locale)} ${money.currency}`).format(Number(money.amount));
  } catch {
    return `${money.amount} ${money.currency}`;
  }
}

/** A `YYYY-MM-DD` date, read as a calendar day (no time zone shift). */
export function formatDate(isoDate: string, locale: string): string {
  const date = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return isoDate;
  return dateFormat(intlLocale(locale)).format(date);
}

/** A country's name in the reader's language ("Jepang", "日本"), its code where there is none. */
export function countryName(code: string, locale: string): string {
  try {
    return new Intl.DisplayNames([intlLocale(locale)], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** A page's title as the browser's tab shows it: its parts, then the site ("Keripik · OVOP"). */
export const pageTitle = (...parts: string[]): string => [...parts, 'OVOP'].join(' · ');

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
 * Volume symbols as a Japanese label writes them ("250 mL", "1 L"): the spelling the label facts'
 * net quantity uses (the public messages' netUnit.ml and netUnit.l in ja), so a page has one.
 */
const JAPANESE_SYMBOLS: Record<string, string> = { ml: 'mL', l: 'L' };

/** A size's parts as typed ("250", "ml"; "250ml") with their volume symbols in the reader's spelling. */
const spelt = (parts: string[], locale: string): string[] =>
  locale !== 'ja'
    ? parts
    : parts.map((part) => {
        const [, amount = '', symbol = ''] = /^(\d*(?:[.,]\d+)?)([a-zA-Z]+)$/.exec(part) ?? [];
        const japanese = JAPANESE_SYMBOLS[symbol.toLowerCase()];
        return japanese ? `${amount}${japanese}` : part;
      });

/**
 * A unit in the reader's language: "bungkus 150 g" → "pack (150 g)" / "袋（150 g）", the size kept
 * but written with the reader's decimal point ("lembar 2,1 m" → "枚（2.1 m）"); a size alone
 * ("100 g") as it is. A volume is written "mL" and "L" in Japanese, as its label facts write it
 * ("250 ml" → "250 mL").
 */
export function unitName(unit: string, locale: string): string {
  const [word, ...size] = unit.trim().split(/\s+/);
  const names = word ? UNIT_WORDS[word.toLowerCase()] : undefined;
  if (!names) return locale === 'ja' && word ? spelt([word, ...size], locale).join(' ') : unit;
  if (locale === 'id') return unit;
  const name = locale === 'ja' ? names.ja : names.en;
  if (!size.length) return name;
  // Sizes are typed the Indonesian way: a comma is the decimal point.
  const measure = spelt(size, locale)
    .map((part) => part.replace(/^(\d+),(\d+)$/, '$1.$2'))
    .join(' ');
  return locale === 'ja' ? `${name}（${measure}）` : `${name} (${measure})`;
}

/**
 * A quantity with its unit, in the reader's language: "1.500 buah"; a unit that is a size of its own
 * ("100 g") is counted with ×, so a number never runs into another ("1.500 × 100 g", not "1.500 100 g").
 */
export function formatQuantity(quantity: string | number, unit: string, locale: string): string {
  const n = Number(quantity);
  const shown = Number.isFinite(n) ? numberFormat(intlLocale(locale)).format(n) : String(quantity);
  const name = unitName(unit, locale);
  return /^\d/.test(unit.trim()) ? `${shown} × ${name}` : `${shown} ${name}`;
}
