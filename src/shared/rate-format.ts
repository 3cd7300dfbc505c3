import { intlLocale } from './languages.js';

/**
 * An exchange rate (a decimal string) as the reader writes numbers: "104.5" → "104,5" in
 * Indonesian, "16250" → "16.250"; every digit it was given is kept. The web and the documents
 * (the pro-forma) both print rates with it. (Apart from money.ts: no zod in the
 * public pages' first chunk.)
 */
export function formatRate(rate: string, locale: string): string {
  const value = Number(rate);
  if (!Number.isFinite(value)) return rate;
  return new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: 20 }).format(value);
}
