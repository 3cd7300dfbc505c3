import { useI18n } from '../i18n/i18n';
import { intlLocale } from '../../shared/languages';

/** Languages by name in the reader's language ("インドネシア語"), codes where the browser has no name. */
export function languageNames(codes: readonly string[], locale: string): string {
  try {
    const names = new Intl.DisplayNames([intlLocale(locale)], { type: 'language' });
    return codes.map((code) => names.of(code) ?? code).join(', ');
  } catch {
    return codes.join(', ');
  }
}

/** The languages among `shownIn` that are not the reader's: the texts a page shows untranslated. */
export function untranslated(shownIn: Record<string, string | null>, locale: string): string[] {
  return [...new Set(Object.values(shownIn).filter((l): l is string => l !== null && l !== locale))];
}

/**
 * Says so when part of a product's text is shown in another language than the reader's (a
 * Japanese buyer reading an Indonesian story is told, not left to guess). Nothing when all is in
 * the reader's language.
 */
export function ShownIn({ shownIn }: { shownIn: Record<string, string | null> }) {
  const { t, locale } = useI18n();
  const others = untranslated(shownIn, locale);
  if (others.length === 0) return null;
  return (
    <p className="muted small" role="note">
      {t('product.shownIn', { languages: languageNames(others, locale) })}
    </p>
  );
}
