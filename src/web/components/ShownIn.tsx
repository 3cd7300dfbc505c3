import { useI18n } from '../i18n/i18n';
import { untranslated } from '../../shared/language-names';
import { languageList } from '../lib/format';

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
      {t('product.shownIn', { languages: languageList(others, locale) })}
    </p>
  );
}
