import { Link } from 'wouter';
import { useI18n } from '../../../i18n/i18n';
import { formatMoney, unitName } from '../../../lib/format';
import type { CatalogItemAnswer } from '../../../../shared/schemas/market';
import { Stars } from '../../../components/Stars';

export function ProductCard({ item }: { item: CatalogItemAnswer }) {
  const { t, locale } = useI18n();
  const region = item.region.slice(1).reverse().join(', ');
  return (
    <li className="card product-card">
      <Link href={`~/p/${item.id}`} className="card-link">
        {item.photo ? (
          <img src={item.photo.thumbnailUrl} alt="" width="320" height="240" loading="lazy" />
        ) : (
          <div className="no-photo" aria-hidden="true">
            ◇
          </div>
        )}
        <span className="card-title">{item.name}</span>
      </Link>
      <p className="muted small">
        {item.village.name}
        {region ? ` · ${region}` : ''}
      </p>
      <p className="price">
        {formatMoney(item.price, locale)} / <span className="unit">{unitName(item.unit, locale)}</span>
      </p>
      <p className="small">
        <Stars stars={item.stars} />{' '}
        {item.exportReady ? <span className="badge">{t('catalog.exportReady')}</span> : null}
      </p>
    </li>
  );
}
