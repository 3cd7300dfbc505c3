import { useState, type FormEvent } from 'react';
import { Link, useSearch } from 'wouter';
import { createBatchBody, type BatchAnswer } from '../../../../shared/schemas/batches';
import { Field, orNull, useFormState } from '../../../components/form';
import { Loaded } from '../../../components/Loaded';
import { useI18n } from '../../../i18n/i18n';
import { formatDate, today } from '../../../lib/format';
import { usePagedList, useResource } from '../../../lib/use-resource';
import { listProducts } from '../../registry';
import { createBatch, labelPdfUrl, listBatches } from '../api/batches';
import { MoneyInput } from '../../../components/MoneyInput';

const nameIn = (text: Record<string, string>, locale: string) =>
  text[locale] ?? text.id ?? Object.values(text)[0] ?? '';

function BatchForm({ groupId, onSaved, onCancel }: { groupId?: string; onSaved: () => void; onCancel: () => void }) {
  const { t, locale } = useI18n();
  const products = useResource(`batch-products-${groupId ?? ''}`, (signal) =>
    listProducts(groupId ? { groupId } : {}, undefined, signal),
  );
  const inputs = useResource(`batch-inputs-${groupId ?? ''}`, (signal) =>
    listBatches({ ...(groupId ? { groupId } : {}), available: 'true' }, undefined, signal),
  );
  const [fields, setFields] = useState({
    productId: '',
    lotCode: '',
    quantity: '',
    producedOn: today(),
    expiresOn: '',
    cost: '',
    inputId: '',
    inputQuantity: '',
  });
  const form = useFormState();
  const set = (key: keyof typeof fields) => (e: { target: { value: string } }) =>
    setFields({ ...fields, [key]: e.target.value });
  const items = products.data?.items ?? [];
  const product = items.find((p) => p.id === fields.productId) ?? items[0];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = {
      id: crypto.randomUUID(),
      productId: product?.id ?? '',
      lotCode: fields.lotCode.trim(),
      quantity: fields.quantity.trim(),
      producedOn: fields.producedOn,
      expiresOn: orNull(fields.expiresOn),
      costPerUnit:
        fields.cost.trim() && product ? { amount: fields.cost.trim(), currency: product.price.currency } : null,
      inputs: fields.inputId ? [{ batchId: fields.inputId, quantity: fields.inputQuantity.trim() }] : [],
    };
    const ok = await form.submit(createBatchBody, body, async () => {
      await createBatch(body);
    });
    if (ok) onSaved();
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label={t('batches.new')} className="panel">
      <Field label={t('batches.product')} name="batch-product" error={form.errors.productId}>
        {(p) => (
          <select {...p} value={product?.id ?? ''} onChange={set('productId')}>
            {items.map((item) => (
              <option key={item.id} value={item.id}>
                {nameIn(item.name, locale)} ({item.unit})
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('batches.lotCode')} name="batch-lot" error={form.errors.lotCode} hint={t('batches.lotHint')}>
        {(p) => <input {...p} value={fields.lotCode} onChange={set('lotCode')} autoCapitalize="characters" />}
      </Field>
      <Field
        label={t('batches.quantity', { unit: product?.unit ?? '' })}
        name="batch-quantity"
        error={form.errors.quantity}
      >
        {(p) => <input {...p} inputMode="decimal" value={fields.quantity} onChange={set('quantity')} />}
      </Field>
      <Field label={t('batches.producedOn')} name="batch-produced" error={form.errors.producedOn}>
        {(p) => <input {...p} type="date" value={fields.producedOn} onChange={set('producedOn')} />}
      </Field>
      <Field label={t('batches.expiresOn')} name="batch-expires" error={form.errors.expiresOn}>
        {(p) => <input {...p} type="date" value={fields.expiresOn} onChange={set('expiresOn')} />}
      </Field>
      <Field
        label={t('batches.costPerUnit', { currency: product?.price.currency ?? '' })}
        name="batch-cost"
        error={form.errors['costPerUnit.amount'] ?? form.errors['costPerUnit.currency']}
        hint={t('batches.costHint')}
      >
        {(p) => (
          <MoneyInput
            {...p}
            currency={product?.price.currency ?? 'IDR'}
            value={fields.cost}
            onChange={(cost) => setFields({ ...fields, cost })}
          />
        )}
      </Field>
      <Field label={t('batches.input')} name="batch-input" error={form.errors['inputs.0.batchId']}>
        {(p) => (
          <select {...p} value={fields.inputId} onChange={set('inputId')}>
            <option value="">{t('batches.noInput')}</option>
            {inputs.data?.items.map((b) => (
              <option key={b.id} value={b.id}>
                {b.lotCode} · {nameIn(b.productName, locale)} ({b.available} {b.unit})
              </option>
            ))}
          </select>
        )}
      </Field>
      {fields.inputId ? (
        <Field label={t('batches.inputQuantity')} name="batch-input-quantity" error={form.errors['inputs.0.quantity']}>
          {(p) => <input {...p} inputMode="decimal" value={fields.inputQuantity} onChange={set('inputQuantity')} />}
        </Field>
      ) : null}
      <div className="inline wrap">
        <button type="submit" disabled={form.busy || !product}>
          {t('batches.save')}
        </button>
        <button type="button" className="link" onClick={onCancel}>
          {t('action.cancel')}
        </button>
      </div>
    </form>
  );
}

function BatchRow({ batch }: { batch: BatchAnswer }) {
  const { t, locale } = useI18n();
  return (
    <li className="row-static">
      <span>
        <strong>{nameIn(batch.productName, locale)}</strong> · {batch.lotCode}
      </span>
      <span className="muted small">
        {t('batches.stock', { available: batch.available, stock: batch.stock, unit: batch.unit })} ·{' '}
        {t('batches.made', { date: formatDate(batch.producedOn, locale) })}
        {batch.expiresOn ? ` · ${t('batches.expires', { date: formatDate(batch.expiresOn, locale) })}` : ''}
      </span>
      {batch.inputs.length ? (
        <span className="muted small">
          {t('batches.madeFrom', { lots: batch.inputs.map((i) => `${i.lotCode} (${i.quantity})`).join(', ') })}
        </span>
      ) : null}
      <span className="inline wrap">
        <a
          className="button secondary"
          href={labelPdfUrl(batch.id, locale)}
          target="_blank"
          rel="noopener"
          aria-label={t('batches.printLabelsOf', { lot: batch.lotCode })}
        >
          {t('batches.printLabels')}
        </a>
        <Link href={`~${batch.provenancePath}`} className="link">
          {t('batches.provenance')}
        </Link>
      </span>
    </li>
  );
}

/** The group's production batches: stock at a glance, a new batch, and labels to print. */
export default function BatchesPage() {
  const { t } = useI18n();
  const groupId = new URLSearchParams(useSearch()).get('group') ?? undefined;
  const [tick, setTick] = useState(0);
  const [adding, setAdding] = useState(false);
  const list = usePagedList(`batches-${groupId ?? ''}-${tick}`, (cursor, signal) =>
    listBatches(groupId ? { groupId } : {}, cursor, signal),
  );
  return (
    <>
      <h1>{t('batches.title')}</h1>
      {adding ? (
        <BatchForm
          {...(groupId ? { groupId } : {})}
          onSaved={() => {
            setAdding(false);
            setTick((n) => n + 1);
          }}
          onCancel={() => setAdding(false)}
        />
      ) : list.first?.abilities.create ? (
        <button type="button" onClick={() => setAdding(true)}>
          {t('batches.new')}
        </button>
      ) : null}
      <Loaded resource={{ data: list.items, error: list.error }}>
        {(items) =>
          items.length === 0 ? (
            <p className="muted">{t('batches.none')}</p>
          ) : (
            <ul className="rows" aria-label={t('batches.title')}>
              {items.map((b) => (
                <BatchRow key={b.id} batch={b} />
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
