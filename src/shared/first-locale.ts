import { isLanguageCode, type LanguageCode } from './languages.js';

/** The cookie that carries a visitor's chosen language to the server, so its pages come in it. */
export const LOCALE_COOKIE = 'ovop_lang';

/** The interface language a tag names by its primary subtag ('ja-JP' → 'ja'), if the app speaks it. */
function spoken(tag: string | null | undefined): LanguageCode | undefined {
  const primary = tag?.trim().toLowerCase().split('-')[0];
  return isLanguageCode(primary) ? primary : undefined;
}

/**
 * The language of a visit, the one rule of the web app and of the pages the server renders: a link's
 * or QR code's `?lang=`, else the language chosen before (stored in the browser, or its cookie), else
 * the first of the visitor's preferred languages the app speaks, else Indonesian.
 */
export function firstLocale(
  lang: string | null | undefined,
  chosen: string | null | undefined,
  preferred: readonly string[],
): LanguageCode {
  if (isLanguageCode(lang)) return lang;
  if (isLanguageCode(chosen)) return chosen;
  for (const tag of preferred) {
    const locale = spoken(tag);
    if (locale) return locale;
  }
  return 'id';
}

/**
 * An Accept-Language header as the list a browser's navigator.languages gives: its tags by
 * preference (q, then their order), those refused (q=0) left out.
 */
export function acceptedLanguages(header: string | undefined): string[] {
  return (header ?? '')
    .split(',')
    .map((part, i) => {
      const [tag = '', ...params] = part.split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { tag: tag.trim(), q: q === undefined ? 1 : Number(q), i };
    })
    .filter((t) => t.tag !== '' && t.tag !== '*' && t.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i)
    .map((t) => t.tag);
}
