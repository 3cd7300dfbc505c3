import type { TradeTermsAnswer } from '../../../../shared/schemas/market';
import { SEA_ONLY_INCOTERMS } from '../../../../shared/schemas/market';
import { INCOTERM_NAMES, PAYMENT_TERM_NAMES, SAMPLE_POLICY_NAMES } from '../../../../shared/trade-names';
import { useI18n } from '../../../i18n/i18n';
import { formatMoney, formatQuantity } from '../../../lib/format';

/** A quote's or an order's trade terms, as the buyer and the group read them. */
export function TradeTermsList({ terms, unit }: { terms: TradeTermsAnswer; unit: string }) {
  const { t, locale } = useI18n();
  return (
    <dl className="small">
      <dt>{t('terms.incoterm')}</dt>
      <dd>
        {terms.incoterm} {terms.namedPlace} <span className="muted">({INCOTERM_NAMES[terms.incoterm]})</span>
        {SEA_ONLY_INCOTERMS.includes(terms.incoterm) ? <span className="muted"> · {t('terms.seaOnly')}</span> : null}
      </dd>
      {terms.freight ? (
        <>
          <dt>{t('terms.freight')}</dt>
          <dd>
            {formatMoney(terms.freight.amount, locale)} ·{' '}
            {terms.freight.included ? t('terms.freightIncluded') : t('terms.freightAdded')}
          </dd>
        </>
      ) : null}
      <dt>{t('terms.payment')}</dt>
      <dd>{PAYMENT_TERM_NAMES[terms.paymentTerms][locale]}</dd>
      <dt>{t('terms.leadTime')}</dt>
      <dd>{t('terms.days', { days: terms.leadTimeDays })}</dd>
      {terms.minimumOrder ? (
        <>
          <dt>{t('terms.minimumOrder')}</dt>
          <dd>{formatQuantity(terms.minimumOrder, unit, locale)}</dd>
        </>
      ) : null}
      <dt>{t('terms.samples')}</dt>
      <dd>{SAMPLE_POLICY_NAMES[terms.samplePolicy][locale]}</dd>
    </dl>
  );
}
