import { lazy, Suspense, useState } from 'react';
import { Loading } from '../../../components/Loaded';
import { useI18n } from '../../../i18n/i18n';

/** The sign-up and inquiry forms are their own chunk: a visitor who only reads never loads them. */
const InquiryPanel = lazy(() => import('./InquiryPanel'));

/** On the public product page: the way a buyer asks the group for information, samples or a quote. */
export function ContactGroup({ productId, unit }: { productId: string; unit: string }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  return (
    <section className="panel" aria-labelledby="contact-title">
      <h2 id="contact-title">{t('inquiry.title')}</h2>
      {open ? (
        <Suspense fallback={<Loading />}>
          <InquiryPanel productId={productId} unit={unit} />
        </Suspense>
      ) : (
        <>
          <p className="muted">{t('inquiry.intro')}</p>
          <button type="button" onClick={() => setOpen(true)}>
            {t('inquiry.open')}
          </button>
        </>
      )}
    </section>
  );
}
