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
