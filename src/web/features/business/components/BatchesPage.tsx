import { useEffect, useState, type FormEvent } from 'react';
import { Link, useSearch } from 'wouter';
import { createBatchBody, type BatchAnswer } from '../../../../shared/schemas/batches';
import { Field, orNull, useFormState } from '../../../components/form';
import { Loaded } from '../../../components/Loaded';
import { useUnsavedValues } from '../../../components/use-unsaved-guard';
import { useI18n } from '../../../i18n/i18n';
import { formatDate, formatQuantity, stockWords, today } from '../../../lib/format';
import { usePagedList, useResource } from '../../../lib/use-resource';
import { SavedOnDevice, usePendingWrites } from '../../offline';
import { listProducts } from '../../registry';
import { createBatch, labelPdfUrl, listBatches, movementsUrl } from '../api/batches';
import { MoneyInput } from '../../../components/MoneyInput';
import { MovementForm } from './MovementForm';

const nameIn = (text: Record<string, string>, locale: string) =>
  text[locale] ?? text.id ?? Object.values(text)[0] ?? '';

/** A production run: the batch and its stock in. Through the outbox: `onSaved(true)` when kept on the phone. */
function BatchForm({
  groupId,
  onSaved,
  onCancel,
}: {
  groupId?: string;
  onSaved: (queued: boolean) => void;
  onCancel: () => void;
}) {
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
  const { markClean, confirmLeave } = useUnsavedValues(fields);
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
    const label = `${body.lotCode} · ${product ? nameIn(product.name, locale) : ''}`;
    await form.submit(createBatchBody, body, async () => {
      const saved = await createBatch(label, body);
      markClean();
      onSaved(saved.queued);
    });
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
                {b.lotCode} · {nameIn(b.productName, locale)} ({formatQuantity(b.available, b.unit, locale)})
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
        <button type="button" className="link" onClick={() => confirmLeave() && onCancel()}>
          {t('action.cancel')}
        </button>
      </div>
    </form>
  );
}

/** One batch: its stock, what it was made from, its labels, and stock out recorded by hand. */
function BatchRow({ batch: listed }: { batch: BatchAnswer }) {
  const { t, locale } = useI18n();
  const [batch, setBatch] = useState(listed);
  useEffect(() => setBatch(listed), [listed]);
  const [moving, setMoving] = useState(false);
  const [queued, setQueued] = useState(false);
  // Stock out kept on this phone, shown under the batch until it arrives.
  const pending = usePendingWrites(movementsUrl(batch.id));
  return (
    <li className="row-static">
      <span>
        <strong>{nameIn(batch.productName, locale)}</strong> · {batch.lotCode}
      </span>
      <span className="muted small">
        {t('batches.stock', stockWords(batch, locale))} ·{' '}
        {t('batches.made', { date: formatDate(batch.producedOn, locale) })}
        {batch.expiresOn ? ` · ${t('batches.expires', { date: formatDate(batch.expiresOn, locale) })}` : ''}
      </span>
      {batch.inputs.length ? (
        <span className="muted small">
          {t('batches.madeFrom', { lots: batch.inputs.map((i) => `${i.lotCode} (${i.quantity})`).join(', ') })}
        </span>
      ) : null}
      {pending.map((r) => (
        <span key={r.clientId} className="small" data-testid="pending-movement">
          {r.label} · {t(`outbox.state.${r.state}`)}
        </span>
      ))}
      {queued ? <SavedOnDevice /> : null}
      {moving ? (
        <MovementForm
          batch={batch}
          onSaved={(b) => {
            setBatch(b);
            setMoving(false);
          }}
          onQueued={() => {
            setQueued(true);
            setMoving(false);
          }}
          onCancel={() => setMoving(false)}
        />
      ) : null}
      <span className="inline wrap">
        {batch.abilities.recordMovement && !moving ? (
          <button
            type="button"
            className="secondary"
            onClick={() => {
              setQueued(false);
              setMoving(true);
            }}
            aria-label={t('movements.recordOf', { lot: batch.lotCode })}
          >
            {t('movements.record')}
          </button>
        ) : null}
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
  const [queued, setQueued] = useState(false);
  const list = usePagedList(`batches-${groupId ?? ''}-${tick}`, (cursor, signal) =>
    listBatches(groupId ? { groupId } : {}, cursor, signal),
  );
  // Batches recorded on this phone and not sent yet.
  const pending = usePendingWrites('/api/v1/batches');
  return (
    <>
      <h1>{t('batches.title')}</h1>
      {queued ? <SavedOnDevice /> : null}
      {adding ? (
        <BatchForm
          {...(groupId ? { groupId } : {})}
          onSaved={(kept) => {
            setAdding(false);
            setQueued(kept);
            setTick((n) => n + 1);
          }}
          onCancel={() => setAdding(false)}
        />
      ) : list.first?.abilities.create ? (
        <button
          type="button"
          onClick={() => {
            setQueued(false);
            setAdding(true);
          }}
        >
          {t('batches.new')}
        </button>
      ) : null}
      {pending.length ? (
        <ul className="rows" aria-label={t('batches.onDevice')}>
          {pending.map((r) => (
            <li key={r.clientId} className="row-static" data-testid="pending-batch">
              <span>{r.label}</span>
              <span className="muted small">{t(`outbox.state.${r.state}`)}</span>
            </li>
          ))}
        </ul>
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
