import { Link } from 'wouter';
import { Loaded } from '../../../components/Loaded';
import { useI18n } from '../../../i18n/i18n';
import { formatDate, formatMoney, formatQuantity } from '../../../lib/format';
import { usePagedList } from '../../../lib/use-resource';
import { listOrders } from '../api/orders';
import { localized } from '../../../../shared/localized';

/** A group's orders, or a buyer's own — the server decides which. */
export default function OrdersPage() {
  const { t, locale } = useI18n();
  const list = usePagedList('orders', (cursor, signal) => listOrders({}, cursor, signal));
  return (
    <>
      <h1>{t('orders.title')}</h1>
      <Loaded resource={{ data: list.items, error: list.error }}>
        {(items) =>
          items.length === 0 ? (
            <p className="muted">{t('orders.none')}</p>
          ) : (
            <ul className="rows" aria-label={t('orders.title')}>
              {items.map((o) => (
                <li key={o.id}>
                  <Link href={`/orders/${o.id}`} className="row-button">
                    <span>
                      <strong>{localized(o.productName, locale)}</strong> · {formatQuantity(o.quantity, o.unit, locale)}
                    </span>
                    <span className="muted small">
                      {o.buyer.companyName} → {o.groupName} · {formatMoney(o.total, locale)} ·{' '}
                      {formatDate(o.placedAt, locale)}
                    </span>
                    <span className="badge">{t(`orderStatus.${o.status}`)}</span>
                  </Link>
                </li>
              ))}
            </ul>
          )
        }
      </Loaded>
      {list.nextCursor ? (
        <button type="button" onClick={() => void list.loadMore()}>
          {t('action.loadMore')}
        </button>
      ) : null}
    </>
  );
}
