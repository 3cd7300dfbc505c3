import { useState, type FormEvent } from 'react';
import { useLocation } from 'wouter';
import {
  INCOTERMS,
  inquiryMessageBody,
  PAYMENT_TERMS,
  quoteBody,
  SAMPLE_POLICIES,
  SEA_ONLY_INCOTERMS,
  TRADE_CURRENCIES,
  type Incoterm,
  type InquiryAnswer,
  type PaymentTerms,
  type TradeCurrency,
} from '../../../../shared/schemas/market';
import { convertMinor, fromMinor, toMinor } from '../../../../shared/money';
import { lineTotalMinor, toMilli } from '../../../../shared/quantity';
import { INCOTERM_NAMES, PAYMENT_TERM_NAMES, SAMPLE_POLICY_NAMES } from '../../../../shared/trade-names';
import { parseDecimal } from '../../../lib/money-text';
import { TradeTermsList } from './TradeTerms';
import { Field, orNull, useFormState } from '../../../components/form';
import { Loaded } from '../../../components/Loaded';
import { useI18n } from '../../../i18n/i18n';
import { currencyName, formatDate, formatMoney, formatQuantity, formatRate, unitName } from '../../../lib/format';
import { useResource } from '../../../lib/use-resource';
import { acceptQuote, getInquiry, proformaPdfUrl, sendMessage, sendQuote } from '../api/inquiries';
import { localized } from '../../../../shared/localized';
import { MoneyInput } from '../../../components/MoneyInput';

function MessageForm({ inquiry, onSaved }: { inquiry: InquiryAnswer; onSaved: () => void }) {
  const { t } = useI18n();
  const [body, setBody] = useState('');
  const form = useFormState();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const ok = await form.submit(inquiryMessageBody, { body }, async () => {
      await sendMessage(inquiry.id, { body });
    });
    if (ok) {
      setBody('');
      onSaved();
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label={t('inquiry.reply')}>
      <Field label={t('inquiry.reply')} name="reply" error={form.errors.body}>
        {(p) => <textarea {...p} rows={3} value={body} onChange={(e) => setBody(e.target.value)} />}
      </Field>
      <button type="submit" disabled={form.busy}>
        {t('inquiry.sendReply')}
      </button>
    </form>
  );
}

/** The currency a buyer's country pays in, when it is one a quote may be in. */
const COUNTRY_CURRENCY: Record<string, TradeCurrency> = {
  ID: 'IDR',
  JP: 'JPY',
  US: 'USD',
  SG: 'SGD',
  AU: 'AUD',
  MY: 'MYR',
  CN: 'CNY',
  KR: 'KRW',
  ...Object.fromEntries(
    'AT BE CY DE EE ES FI FR GR HR IE IT LT LU LV MT NL PT SI SK'.split(' ').map((c) => [c, 'EUR' as const]),
  ),
};

/**
 * The group's quote, in the buyer's currency at a rate the group enters (there is no live rate) and
 * on trade terms; the total the books will record in the group's currency is shown as it is typed.
 */
function QuoteForm({ inquiry, onSaved }: { inquiry: InquiryAnswer; onSaved: () => void }) {
  const { t, locale } = useI18n();
  const groupCurrency = inquiry.currency;
  const [fields, setFields] = useState({
    currency: COUNTRY_CURRENCY[inquiry.buyer.country] ?? (groupCurrency as TradeCurrency),
    price: '',
    rate: '',
    quantity: inquiry.quantity ?? '',
    validUntil: '',
    note: '',
    incoterm: '' as Incoterm | '',
    namedPlace: '',
    freight: '',
    freightIncluded: false,
    paymentTerms: 'advance' as PaymentTerms,
    leadTimeDays: '',
    minimumOrder: '',
    samplePolicy: 'paid' as (typeof SAMPLE_POLICIES)[number],
  });
  const form = useFormState();
  const set = (key: keyof typeof fields) => (e: { target: { value: string } }) =>
    setFields({ ...fields, [key]: e.target.value });
  const foreign = fields.currency !== groupCurrency;
  const body = {
    unitPrice: { amount: fields.price.trim(), currency: fields.currency },
    rate: foreign ? orNull(fields.rate) : null,
    quantity: fields.quantity.trim(),
    validUntil: fields.validUntil,
    terms: fields.incoterm
      ? {
          incoterm: fields.incoterm,
          namedPlace: fields.namedPlace,
          freight: fields.freight ? { amount: fields.freight, included: fields.freightIncluded } : null,
          paymentTerms: fields.paymentTerms,
          leadTimeDays: fields.leadTimeDays.trim() === '' ? Number.NaN : Number(fields.leadTimeDays),
          minimumOrder: orNull(fields.minimumOrder),
          samplePolicy: fields.samplePolicy,
        }
      : null,
    note: orNull(fields.note),
  };
  const preview = groupTotalPreview(body, groupCurrency);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const ok = await form.submit(quoteBody, body, async () => {
      await sendQuote(inquiry.id, body);
    });
    if (ok) onSaved();
  };
  const currency = fields.currency;
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label={t('quote.form')} className="panel">
      <h2>{t('quote.form')}</h2>
      <Field label={t('quote.currency')} name="quote-currency" error={form.errors['unitPrice.currency']}>
        {(p) => (
          <select
            {...p}
            value={fields.currency}
            onChange={(e) =>
              setFields({ ...fields, currency: e.target.value as TradeCurrency, price: '', freight: '' })
            }
          >
            {TRADE_CURRENCIES.map((c) => (
              <option key={c} value={c}>
                {c} — {currencyName(c, locale)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('quote.unitPrice', { currency })} name="quote-price" error={form.errors['unitPrice.amount']}>
        {(p) => (
          <MoneyInput
            {...p}
            currency={currency}
            value={fields.price}
            onChange={(price) => setFields({ ...fields, price })}
          />
        )}
      </Field>
      {foreign ? (
        <Field
          label={t('quote.rate', { currency, groupCurrency })}
          name="quote-rate"
          error={form.errors.rate}
          hint={t('quote.rateHint')}
        >
          {(p) => (
            <input
              {...p}
              inputMode="decimal"
              autoComplete="off"
              value={fields.rate}
              onChange={(e) => setFields({ ...fields, rate: parseDecimal(e.target.value, locale, 10) })}
            />
          )}
        </Field>
      ) : null}
      <Field label={t('quote.quantity', { unit: inquiry.unit })} name="quote-quantity" error={form.errors.quantity}>
        {(p) => <input {...p} inputMode="decimal" value={fields.quantity} onChange={set('quantity')} />}
      </Field>
      <Field label={t('quote.validUntil')} name="quote-valid" error={form.errors.validUntil}>
        {(p) => <input {...p} type="date" value={fields.validUntil} onChange={set('validUntil')} />}
      </Field>
      <fieldset className="part">
        <legend>{t('terms.title')}</legend>
        <Field
          label={t('terms.incoterm')}
          name="quote-incoterm"
          error={form.errors['terms.incoterm']}
          hint={t('terms.seaOnlyHint')}
        >
          {(p) => (
            <select {...p} value={fields.incoterm} onChange={set('incoterm')}>
              <option value="">{t('terms.none')}</option>
              {INCOTERMS.map((c) => (
                <option key={c} value={c}>
                  {c} — {INCOTERM_NAMES[c]}
                  {SEA_ONLY_INCOTERMS.includes(c) ? ` (${t('terms.sea')})` : ''}
                </option>
              ))}
            </select>
          )}
        </Field>
        {fields.incoterm ? (
          <>
            <Field
              label={t('terms.namedPlace')}
              name="quote-place"
              error={form.errors['terms.namedPlace']}
              hint={t('terms.namedPlaceHint')}
            >
              {(p) => <input {...p} value={fields.namedPlace} onChange={set('namedPlace')} />}
            </Field>
            <Field label={t('terms.freight')} name="quote-freight" error={form.errors['terms.freight.amount']}>
              {(p) => (
                <MoneyInput
                  {...p}
                  currency={currency}
                  value={fields.freight}
                  onChange={(freight) => setFields({ ...fields, freight })}
                />
              )}
            </Field>
            {fields.freight ? (
              <label className="check">
                <input
                  type="checkbox"
                  checked={fields.freightIncluded}
                  onChange={(e) => setFields({ ...fields, freightIncluded: e.target.checked })}
                />{' '}
                {t('terms.freightIncluded')}
              </label>
            ) : null}
            <Field label={t('terms.payment')} name="quote-payment" error={form.errors['terms.paymentTerms']}>
              {(p) => (
                <select {...p} value={fields.paymentTerms} onChange={set('paymentTerms')}>
                  {PAYMENT_TERMS.map((c) => (
                    <option key={c} value={c}>
                      {PAYMENT_TERM_NAMES[c][locale]}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label={t('terms.leadTimeDays')} name="quote-lead" error={form.errors['terms.leadTimeDays']}>
              {(p) => <input {...p} inputMode="numeric" value={fields.leadTimeDays} onChange={set('leadTimeDays')} />}
            </Field>
            <Field
              label={t('terms.minimumOrderOf', { unit: unitName(inquiry.unit, locale) })}
              name="quote-moq"
              error={form.errors['terms.minimumOrder']}
            >
              {(p) => <input {...p} inputMode="decimal" value={fields.minimumOrder} onChange={set('minimumOrder')} />}
            </Field>
            <Field label={t('terms.samples')} name="quote-samples" error={form.errors['terms.samplePolicy']}>
              {(p) => (
                <select {...p} value={fields.samplePolicy} onChange={set('samplePolicy')}>
                  {SAMPLE_POLICIES.map((c) => (
                    <option key={c} value={c}>
                      {SAMPLE_POLICY_NAMES[c][locale]}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </>
        ) : null}
      </fieldset>
      <Field label={t('quote.note')} name="quote-note" error={form.errors.note}>
        {(p) => <input {...p} value={fields.note} onChange={set('note')} />}
      </Field>
      {preview ? (
        <p className="muted small" role="status">
          {t('quote.preview', {
            total: formatMoney(preview.total, locale),
            groupTotal: formatMoney(preview.groupTotal, locale),
          })}
        </p>
      ) : null}
      <button type="submit" disabled={form.busy}>
        {t('quote.send')}
      </button>
    </form>
  );
}

/** The total as typed and what the books will record in the group's currency; null until it can be worked out. */
function groupTotalPreview(
  body: {
    unitPrice: { amount: string; currency: string };
    rate: string | null;
    quantity: string;
    terms: { freight: { amount: string; included: boolean } | null } | null;
  },
  groupCurrency: string,
) {
  const currency = body.unitPrice.currency;
  const decimal = /^\d+(\.\d+)?$/;
  if (!decimal.test(body.unitPrice.amount) || !/^\d+(\.\d{1,3})?$/.test(body.quantity)) return null;
  const price = toMinor(body.unitPrice.amount, currency);
  if (price === undefined) return null;
  const freight = body.terms?.freight;
  const extra =
    freight && !freight.included && decimal.test(freight.amount) ? (toMinor(freight.amount, currency) ?? 0n) : 0n;
  const totalMinor = lineTotalMinor(price, toMilli(body.quantity)) + extra;
  if (currency === groupCurrency)
    return { total: fromMinor(totalMinor, currency), groupTotal: fromMinor(totalMinor, currency) };
  if (!body.rate || !decimal.test(body.rate)) return null;
  return {
    total: fromMinor(totalMinor, currency),
    groupTotal: fromMinor(convertMinor(totalMinor, currency, groupCurrency, body.rate), groupCurrency),
  };
}

/** One inquiry: the conversation, the quotes, and what the viewer may do next (the inquiry's abilities). */
export default function InquiryPage({ id }: { id: string }) {
  const { t, locale } = useI18n();
  const [, navigate] = useLocation();
  const [tick, setTick] = useState(0);
  const found = useResource(`inquiry-${id}-${tick}`, (signal) => getInquiry(id, signal));
  const reload = () => setTick((n) => n + 1);
  return (
    <Loaded resource={found}>
      {(inquiry) => {
        const open = inquiry.quotes.find((q) => q.status === 'open');
        const accept = async (quoteId: string) => {
          const order = await acceptQuote(inquiry.id, quoteId);
          navigate(`/orders/${order.id}`);
        };
        return (
          <>
            <h1>{localized(inquiry.productName, locale)}</h1>
            <p className="muted">
              {t(`inquiryKind.${inquiry.kind}`)} · {inquiry.buyer.companyName} ({inquiry.buyer.country}) →{' '}
              {inquiry.groupName}
              {inquiry.quantity ? ` · ${formatQuantity(inquiry.quantity, inquiry.unit, locale)}` : ''}
            </p>
            <p className="badge">{t(`inquiryStatus.${inquiry.status}`)}</p>
            <section className="panel" aria-labelledby="messages-title">
              <h2 id="messages-title">{t('inquiry.messages')}</h2>
              <ul className="rows">
                {inquiry.messages.map((m) => (
                  <li key={m.id} className={`row-static message ${m.side}`}>
                    <span className="muted small">
                      {m.author} · {t(`side.${m.side}`)} · {formatDate(m.createdAt, locale)}
                    </span>
                    <span>{m.body}</span>
                  </li>
                ))}
              </ul>
              {inquiry.abilities.reply ? <MessageForm inquiry={inquiry} onSaved={reload} /> : null}
            </section>
            {inquiry.quotes.length ? (
              <section className="panel" aria-labelledby="quotes-title">
                <h2 id="quotes-title">{t('quote.title')}</h2>
                <ul className="rows">
                  {inquiry.quotes.map((q) => (
                    <li key={q.id} className="row-static">
                      <strong>
                        {formatMoney(q.unitPrice, locale)} / {unitName(inquiry.unit, locale)} × {q.quantity} ={' '}
                        {formatMoney(q.total, locale)}
                      </strong>
                      <span className="muted small">
                        {t('quote.until', { date: formatDate(q.validUntil, locale) })} · {t(`quoteStatus.${q.status}`)}
                        {q.note ? ` · ${q.note}` : ''}
                      </span>
                      {q.rate ? (
                        <span className="muted small">
                          {t('quote.atRate', {
                            rate: formatRate(q.rate, locale),
                            currency: q.unitPrice.currency,
                            groupTotal: formatMoney(q.groupTotal, locale),
                          })}
                        </span>
                      ) : null}
                      {q.terms ? <TradeTermsList terms={q.terms} unit={inquiry.unit} /> : null}
                      <a href={proformaPdfUrl(inquiry.id, q.id)} target="_blank" rel="noreferrer">
                        {t('quote.proforma')}
                      </a>
                      {inquiry.abilities.accept && q.status === 'open' ? (
                        <button type="button" onClick={() => void accept(q.id)}>
                          {t('quote.accept')}
                        </button>
                      ) : null}
                    </li>
                  ))}
                </ul>
              </section>
            ) : null}
            {inquiry.abilities.quote ? <QuoteForm key={open?.id ?? 'new'} inquiry={inquiry} onSaved={reload} /> : null}
          </>
        );
      }}
    </Loaded>
  );
}
