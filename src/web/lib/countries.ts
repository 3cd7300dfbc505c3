import { intlLocale } from '../../shared/languages';

/** Countries buyers most often come from and groups most often sell to; the API accepts any ISO code. */
export const COUNTRIES = [
  'ID',
  'JP',
  'SG',
  'MY',
  'TH',
  'VN',
  'KR',
  'CN',
  'TW',
  'AU',
  'NL',
  'DE',
  'FR',
  'GB',
  'US',
  'AE',
  'SA',
];

/** A country's name in the reader's language ("Jepang", "日本"), its code where the browser has none. */
export function countryName(code: string, locale: string): string {
  try {
    return new Intl.DisplayNames([intlLocale(locale)], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}
