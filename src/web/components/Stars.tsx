import { useI18n } from '../i18n/i18n';

/** A rating of one to five stars, read out as a number; nothing for an unrated product. */
export function Stars({ stars }: { stars: number | null }) {
  const { t } = useI18n();
  if (stars === null) return null;
  return (
    <span className="stars" role="img" aria-label={t('catalog.stars', { stars })}>
      {'★'.repeat(stars)}
      <span aria-hidden="true" className="muted">
        {'★'.repeat(Math.max(0, 5 - stars))}
      </span>
    </span>
  );
}
