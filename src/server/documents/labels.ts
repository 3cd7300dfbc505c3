/** The languages every printed document and export is written in: Indonesian first, then English and Japanese. */
export type DocLang = 'id' | 'en' | 'ja';

/** A module's words: each key in the three languages; `{name}` marks a place for a value. */
type LabelTable = Record<string, Record<DocLang, string>>;

/**
 * One way to look up a module's words for its documents (the business statements, the impact exports):
 * `label` for a known key, with `{name}` places filled from `params`; `labelOr` for a key made at run time,
 * giving `fallback` when the table has no words for it.
 */
export function localizedLabels<T extends LabelTable>(table: T) {
  const words = (key: string, lang: DocLang, params: Record<string, string | number>) =>
    (table as LabelTable)[key]![lang].replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? ''));
  return {
    label: (key: keyof T & string, lang: DocLang, params: Record<string, string | number> = {}) =>
      words(key, lang, params),
    labelOr: (key: string, lang: DocLang, fallback: string) =>
      Object.hasOwn(table, key) ? words(key, lang, {}) : fallback,
  };
}

/** The Intl locale each document language writes numbers and dates in. */
export const DOC_LOCALE_TAG: Record<DocLang, string> = { id: 'id-ID', en: 'en-GB', ja: 'ja-JP' };

/** "31 Desember 2026", "31 December 2026", "2026年12月31日": a calendar day (YYYY-MM-DD), no time zone shift. */
export function printedDay(isoDate: string, lang: DocLang): string {
  return new Intl.DateTimeFormat(DOC_LOCALE_TAG[lang], { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(`${isoDate.slice(0, 10)}T00:00:00Z`),
  );
}
