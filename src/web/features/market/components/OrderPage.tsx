import { useState } from 'react';
import { Link } from 'wouter';
import { Loaded } from '../../../components/Loaded';
import { useI18n } from '../../../i18n/i18n';
import { formatDate, formatMoney, formatQuantity, formatRate, unitName } from '../../../lib/format';
import { ApiError } from '../../../lib/http';
import { problemText } from '../../../lib/problem-text';
import { useResource } from '../../../lib/use-resource';
import type { OrderAnswer, OrderStatus } from '../../../../shared/schemas/market';
import { proformaPdfUrl } from '../api/inquiries';
import { getOrder, moveOrder } from '../api/orders';
import { TradeTermsList } from './TradeTerms';
import { localized } from '../../../../shared/localized';

/** The ability that makes each move of the order's state machine. */
const MOVE_ABILITY = {
  confirmed: 'confirm',
  shipped: 'ship',
  delivered: 'deliver',
  cancelled: 'cancel',
} as const satisfies Partial<Record<OrderStatus, keyof OrderAnswer['abilities']>>;

/** The moves the order allows next that the viewer may make (the server's abilities). */
const movesOf = (order: OrderAnswer): OrderStatus[] =>
  order.next.filter((to) => to !== 'placed' && order.abilities[MOVE_ABILITY[to]]);

export default function OrderPage({ id }: { id: string }) {
  const { t, locale } = useI18n();
  const [tick, setTick] = useState(0);
  const [busy, setBusy] = useState(false);
  const [refused, setRefused] = useState<string | null>(null);
  const found = useResource(`order-${id}-${tick}`, (signal) => getOrder(id, signal));
  return (
    <Loaded resource={found}>
      {(order) => {
        const moves = movesOf(order);
        const move = async (to: OrderStatus) => {
          setBusy(true);
          setRefused(null);
          try {
            await moveOrder(order.id, to);
            setTick((n) => n + 1);
          } catch (error) {
            if (error instanceof ApiError) setRefused(problemText(error.problem, t));
            else throw error;
          } finally {
            setBusy(false);
          }
        };
        return (
          <>
            <h1>{localized(order.productName, locale)}</h1>
            <p className="badge">{t(`orderStatus.${order.status}`)}</p>
            <section className="panel">
              <dl>
                <dt>{t('orders.buyer')}</dt>
                <dd>
                  {order.buyer.companyName} ({order.buyer.country})
                </dd>
                <dt>{t('orders.group')}</dt>
                <dd>{order.groupName}</dd>
                <dt>{t('orders.quantity')}</dt>
                <dd>
                  {formatQuantity(order.quantity, order.unit, locale)} · {formatMoney(order.unitPrice, locale)} /{' '}
                  {unitName(order.unit, locale)}
                </dd>
                <dt>{t('orders.total')}</dt>
                <dd>
                  {formatMoney(order.total, locale)}
                  {order.rate ? (
                    <span className="muted small">
                      {' '}
                      ·{' '}
                      {t('quote.atRate', {
                        rate: formatRate(order.rate, locale),
                        currency: order.total.currency,
                        groupTotal: formatMoney(order.groupTotal, locale),
                      })}
                    </span>
                  ) : null}
                </dd>
                <dt>{t('orders.market')}</dt>
                <dd>{t(`saleMarket.${order.market}`)}</dd>
                <dt>{t('orders.placed')}</dt>
                <dd>{formatDate(order.placedAt, locale)}</dd>
                {order.allocations.length ? (
                  <>
                    <dt>{t('orders.batches')}</dt>
                    <dd>{order.allocations.map((a) => `${a.lotCode} (${a.quantity})`).join(', ')}</dd>
                  </>
                ) : null}
              </dl>
              {order.terms ? (
                <>
                  <h2>{t('terms.title')}</h2>
                  <TradeTermsList terms={order.terms} unit={order.unit} />
                </>
              ) : null}
              {order.inquiryId && order.quoteId ? (
                <a href={proformaPdfUrl(order.inquiryId, order.quoteId)} target="_blank" rel="noreferrer">
                  {t('quote.proforma')}
                </a>
              ) : null}
            </section>
            {moves.length ? (
              <div className="inline wrap" role="group" aria-label={t('orders.actions')}>
                {moves.map((to) => (
                  <button
                    key={to}
                    type="button"
                    className={to === 'cancelled' ? 'link' : undefined}
                    disabled={busy}
                    onClick={() => void move(to)}
                  >
                    {t(`orderMove.${to}`)}
                  </button>
                ))}
              </div>
            ) : null}
            {refused ? (
              <p className="error" role="alert">
                {refused}
              </p>
            ) : null}
            <p>
              <Link href="/orders">{t('orders.back')}</Link>
            </p>
          </>
        );
      }}
    </Loaded>
  );
}
