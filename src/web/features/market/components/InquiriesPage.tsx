import { Link } from 'wouter';
import { localized } from '../../../../shared/localized';
import { Loaded } from '../../../components/Loaded';
import { useI18n } from '../../../i18n/i18n';
import { formatDate } from '../../../lib/format';
import { usePagedList } from '../../../lib/use-resource';
import { listInquiries } from '../api/inquiries';

/** The inbox: a group's inquiries from buyers, or a buyer's own inquiries — the server decides which. */
export default function InquiriesPage() {
  const { t, locale } = useI18n();
  const list = usePagedList('inquiries', (cursor, signal) => listInquiries({}, cursor, signal));
  return (
    <>
      <h1>{t('inquiries.title')}</h1>
      <Loaded resource={{ data: list.items, error: list.error }}>
        {(items) =>
          items.length === 0 ? (
            <p className="muted">{t('inquiries.none')}</p>
          ) : (
            <ul className="rows" aria-label={t('inquiries.title')}>
              {items.map((i) => (
                <li key={i.id}>
                  <Link href={`/inquiries/${i.id}`} className="row-button">
                    <span>
                      <strong>{localized(i.productName, locale)}</strong> · {t(`inquiryKind.${i.kind}`)}
                    </span>
                    <span className="muted small">
                      {i.buyer.companyName} → {i.groupName} · {formatDate(i.createdAt, locale)}
                    </span>
                    <span className="badge">{t(`inquiryStatus.${i.status}`)}</span>
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
