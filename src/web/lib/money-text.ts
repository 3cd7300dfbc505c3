import { minorDigits } from '../../shared/money';
import { intlLocale } from '../../shared/languages';

/**
 * Amounts as people write them, and back: the one parser of every money field (price, cash book,
 * cost of production, quotes, batch costs). "15.000" in Indonesian, "15,000" in English and
 * Japanese and plain "15000" all read as 15000; exact, no floats.
 */

/** The reader's grouping and decimal marks (id: "15.000,5"; en, ja: "15,000.5"). */
function separators(locale: string) {
  const parts = new Intl.NumberFormat(intlLocale(locale)).formatToParts(1234.5);
  return {
    group: parts.find((p) => p.type === 'group')?.value ?? ',',
    decimal: parts.find((p) => p.type === 'decimal')?.value ?? '.',
  };
}

export function currencySymbol(currency: string, locale: string): string {
  try {
    const parts = new Intl.NumberFormat(intlLocale(locale), { style: 'currency', currency }).formatToParts(0);
    return parts.find((p) => p.type === 'currency')?.value ?? currency;
  } catch {
    return currency;
  }
}

/** "129000" → "129.000" in Indonesian, "129,000" in English; exact (no floats), decimals kept as typed. */
export function displayAmount(amount: string, locale: string): string {
  const { group, decimal } = separators(locale);
  const [whole = '', fraction] = amount.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  return fraction === undefined ? grouped : `${grouped}${decimal}${fraction}`;
}

/** What was typed, back to a plain decimal string: separators dropped, at most the currency's decimals. */
export function parseAmount(text: string, locale: string, currency: string): string {
  return parseDecimal(text, locale, minorDigits(currency));
}

/**
 * A decimal as the reader writes it ("104,5" in Indonesian, "15,873.25" in English), back to a plain
 * decimal string with at most `digits` decimals: exchange rates, and amounts through parseAmount.
 */
export function parseDecimal(text: string, locale: string, digits: number): string {
  const { group, decimal } = separators(locale);
  let cleaned = '';
  let seenDecimal = false;
  for (const ch of text) {
    if (/\d/.test(ch)) cleaned += ch;
    else if (ch === decimal && digits > 0 && !seenDecimal && ch !== group) {
      cleaned += '.';
      seenDecimal = true;
    }
  }
  const [whole = '', fraction] = cleaned.split('.');
  const trimmed = whole.replace(/^0+(?=\d)/, '');
  return fraction === undefined ? trimmed : `${trimmed || '0'}.${fraction.slice(0, digits)}`;
}
