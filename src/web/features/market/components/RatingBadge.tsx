import { Link } from 'wouter';
import type { CatalogProductAnswer } from '../../../../shared/schemas/market';
import { useI18n } from '../../../i18n/i18n';
import { formatDate } from '../../../lib/format';

/**
 * A product's public badge, named by its scheme and round ("OCOP ★★★★ 2026"), linking to what the
 * scheme's stars mean. Nothing for a product not rated in public.
 */
export function RatingBadge({ rating }: { rating: CatalogProductAnswer['rating'] }) {
  const { t, locale } = useI18n();
  if (!rating) return null;
  const label = t('rating.badge', { scheme: rating.scheme.badgeName, stars: rating.stars, year: rating.year });
  return (
    <p className="rating-badge">
      <Link href={`~/ratings/${rating.scheme.id}`} aria-label={label}>
        <span aria-hidden="true">
          {rating.scheme.badgeName} <span className="stars">{'★'.repeat(rating.stars)}</span> {rating.year}
        </span>
      </Link>{' '}
      <span className="muted small">{t('rating.validUntil', { date: formatDate(rating.validUntil, locale) })}</span>
    </p>
  );
}
