import { useState, type FormEvent } from 'react';
import { useLocation } from 'wouter';
import { inquiryMessageBody, quoteBody, type InquiryAnswer } from '../../../../shared/schemas/market';
import { Field, orNull, useFormState } from '../../../components/form';
import { Loaded } from '../../../components/Loaded';
import { useI18n } from '../../../i18n/i18n';
import { formatDate, formatMoney, formatQuantity, unitName } from '../../../lib/format';
import { useResource } from '../../../lib/use-resource';
import { acceptQuote, getInquiry, sendMessage, sendQuote } from '../api/inquiries';
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

function QuoteForm({ inquiry, currency, onSaved }: { inquiry: InquiryAnswer; currency: string; onSaved: () => void }) {
  const { t } = useI18n();
  const [fields, setFields] = useState({ price: '', quantity: inquiry.quantity ?? '', validUntil: '', note: '' });
  const form = useFormState();
  const set = (key: keyof typeof fields) => (e: { target: { value: string } }) =>
    setFields({ ...fields, [key]: e.target.value });
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = {
      unitPrice: { amount: fields.price.trim(), currency },
      quantity: fields.quantity.trim(),
      validUntil: fields.validUntil,
      note: orNull(fields.note),
    };
    const ok = await form.submit(quoteBody, body, async () => {
      await sendQuote(inquiry.id, body);
    });
    if (ok) onSaved();
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label={t('quote.form')} className="panel">
      <h2>{t('quote.form')}</h2>
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
      <Field label={t('quote.quantity', { unit: inquiry.unit })} name="quote-quantity" error={form.errors.quantity}>
        {(p) => <input {...p} inputMode="decimal" value={fields.quantity} onChange={set('quantity')} />}
      </Field>
      <Field label={t('quote.validUntil')} name="quote-valid" error={form.errors.validUntil}>
        {(p) => <input {...p} type="date" value={fields.validUntil} onChange={set('validUntil')} />}
      </Field>
      <Field label={t('quote.note')} name="quote-note" error={form.errors.note}>
        {(p) => <input {...p} value={fields.note} onChange={set('note')} />}
      </Field>
      <button type="submit" disabled={form.busy}>
        {t('quote.send')}
      </button>
    </form>
  );
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
        const currency = inquiry.currency;
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
                        {formatMoney(q.unitPrice, locale)} / {unitName(inquiry.unit, locale)} × {q.quantity}
                      </strong>
                      <span className="muted small">
                        {t('quote.until', { date: formatDate(q.validUntil, locale) })} · {t(`quoteStatus.${q.status}`)}
                        {q.note ? ` · ${q.note}` : ''}
                      </span>
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
            {inquiry.abilities.quote ? (
              <QuoteForm key={open?.id ?? 'new'} inquiry={inquiry} currency={currency} onSaved={reload} />
            ) : null}
          </>
        );
      }}
    </Loaded>
  );
}
