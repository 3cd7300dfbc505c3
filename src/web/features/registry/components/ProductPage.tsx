import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { Link, useLocation } from 'wouter';
import {
  createProductBody,
  patchProductBody,
  PRODUCT_STATUSES,
  type ProductAnswer,
} from '../../../../shared/schemas/registry';
import { usePrograms } from '../../programs';
import { ConflictNotice, Field, numberOrNull, orNull, useFormState } from '../../../components/form';
import { useConfirm } from '../../../components/ConfirmDialog';
import { useUnsavedValues } from '../../../components/use-unsaved-guard';
import { Loaded } from '../../../components/Loaded';
import { LOCALES, useI18n, type Locale } from '../../../i18n/i18n';
import { useResource } from '../../../lib/use-resource';
import { createProduct, getProduct, patchProduct, productUrl } from '../api/products';
import { SavedOnDevice, usePendingRecord, usePendingWrites } from '../../offline';
import { PhotoUpload } from './PhotoUpload';
import { HsCodePicker } from './HsCodePicker';
import { factsBody, factsOf, ProductFactsFields } from './ProductFactsFields';
import { MoneyInput } from '../../../components/MoneyInput';

const TEXT_KEYS = ['name', 'description', 'story', 'ingredients', 'storage'] as const;
type TextKey = (typeof TEXT_KEYS)[number];
type Texts = Record<Locale, Record<TextKey, string>>;

const textsOf = (p: ProductAnswer | null): Texts =>
  Object.fromEntries(LOCALES.map((l) => [l, Object.fromEntries(TEXT_KEYS.map((k) => [k, p?.[k][l] ?? '']))])) as Texts;

/** Only the languages filled in: `{"id":"…","en":"…"}`. */
const localized = (texts: Texts, key: TextKey): Record<string, string> =>
  Object.fromEntries(LOCALES.flatMap((l) => (texts[l][key].trim() ? [[l, texts[l][key].trim()]] : [])));

function ProductForm({
  product,
  groupId,
  onSaved,
  onQueued,
}: {
  product: ProductAnswer | null;
  groupId: string;
  onSaved: (p: ProductAnswer) => void;
  onQueued?: (id: string) => void;
}) {
  const { t, locale } = useI18n();
  const { program } = usePrograms();
  const [tab, setTab] = useState<Locale>('id');
  const [texts, setTexts] = useState(() => textsOf(product));
  const [base, setBase] = useState(product);
  const [fields, setFields] = useState(() => ({
    category: product?.category ?? program?.categories[0]?.code ?? '',
    unit: product?.unit ?? '',
    amount: product?.price.amount ?? '',
    capacity: product?.capacityPerMonth?.toString() ?? '',
    hsCode: product?.hsCode ?? '',
    status: product?.status ?? ('draft' as ProductAnswer['status']),
  }));
  const [facts, setFacts] = useState(() => factsOf(product));
  const form = useFormState<ProductAnswer>();
  const set = (key: keyof typeof fields) => (e: { target: { value: string } }) =>
    setFields({ ...fields, [key]: e.target.value });
  const setText = (key: TextKey) => (e: { target: { value: string } }) =>
    setTexts({ ...texts, [tab]: { ...texts[tab], [key]: e.target.value } });
  const currency = base?.price.currency ?? program?.currency ?? 'IDR';
  const editable = base === null || base.abilities.update;

  const confirm = useConfirm();
  const { markClean } = useUnsavedValues([texts, fields, facts], editable && !form.busy);
  const [queued, setQueued] = useState(false);
  // An edit kept on this phone, from now or before a reload, is still to be sent.
  const waiting = usePendingWrites(base ? productUrl(base.id) : null).length > 0;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    // Ready and export-ready products show in the public catalog: publishing is reviewed first.
    if (fields.status !== 'draft' && fields.status !== (base?.status ?? 'draft')) {
      const name = localized(texts, 'name');
      const sure = await confirm.ask({
        title: t('products.publishConfirm.title', { status: t(`status.${fields.status}`) }),
        body: (
          <>
            <p>{t('products.publishConfirm.body')}</p>
            <ul>
              <li>
                {t('products.name')}: <strong>{name[locale] ?? Object.values(name)[0] ?? '…'}</strong>
              </li>
              <li>
                {t('products.price', { currency })}: <strong>{fields.amount.trim() || '…'}</strong>
                {fields.unit.trim() ? ` / ${fields.unit.trim()}` : ''}
              </li>
              <li>
                {t('products.photos')}: <strong>{base?.photos.length ?? 0}</strong>
              </li>
            </ul>
          </>
        ),
        confirm: t('products.publishConfirm.action'),
      });
      if (!sure) return;
    }
    const description = localized(texts, 'description');
    const story = localized(texts, 'story');
    const ingredients = localized(texts, 'ingredients');
    const storage = localized(texts, 'storage');
    const common = {
      ...factsBody(facts),
      name: localized(texts, 'name'),
      category: fields.category,
      unit: fields.unit,
      price: { amount: fields.amount.trim(), currency },
      capacityPerMonth: numberOrNull(fields.capacity),
      hsCode: orNull(fields.hsCode),
      status: fields.status,
    };
    const label = common.name.id ?? Object.values(common.name)[0] ?? '';
    if (base) {
      const body = {
        version: base.version,
        ...common,
        description,
        story,
        ingredients: Object.keys(ingredients).length ? ingredients : null,
        storage: Object.keys(storage).length ? storage : null,
      };
      await form.submit(patchProductBody, body, async () => {
        const saved = await patchProduct(base.id, label, body);
        markClean();
        setQueued(saved.queued);
        if (saved.queued) return;
        setBase(saved.data);
        onSaved(saved.data);
      });
    } else {
      const body = {
        id: crypto.randomUUID(),
        groupId,
        ...common,
        ...(Object.keys(description).length ? { description } : {}),
        ...(Object.keys(story).length ? { story } : {}),
        ...(Object.keys(ingredients).length ? { ingredients } : {}),
        ...(Object.keys(storage).length ? { storage } : {}),
      };
      await form.submit(createProductBody, body, async () => {
        const created = await createProduct(body);
        markClean();
        if (created.queued) onQueued?.(body.id);
        else onSaved(created.data);
      });
    }
  };
  const textError = (key: string) =>
    Object.entries(form.errors).find(([path]) => path === key || path.startsWith(`${key}.`))?.[1];

  return (
    <form className="panel" onSubmit={(e) => void submit(e)} noValidate aria-label={t('products.form')}>
      {form.conflict ? (
        <ConflictNotice
          version={form.conflict.version}
          onReload={() => {
            const current = form.conflict!;
            setBase(current);
            setTexts(textsOf(current));
            setFields({
              category: current.category,
              unit: current.unit,
              amount: current.price.amount,
              capacity: current.capacityPerMonth?.toString() ?? '',
              hsCode: current.hsCode ?? '',
              status: current.status,
            });
            setFacts(factsOf(current));
            form.clearConflict();
            markClean();
          }}
        />
      ) : null}
      <fieldset className="plain" disabled={!editable}>
        <div role="tablist" aria-label={t('products.languages')} className="tabs">
          {LOCALES.map((l) => (
            <button
              key={l}
              type="button"
              role="tab"
              id={`tab-${l}`}
              aria-selected={tab === l}
              aria-controls="text-panel"
              onClick={() => setTab(l)}
            >
              {t(`language.${l}`)}
            </button>
          ))}
        </div>
        <div role="tabpanel" id="text-panel" aria-labelledby={`tab-${tab}`} lang={tab}>
          <Field label={t('products.name')} name={`name-${tab}`} error={textError('name')}>
            {(p) => <input {...p} value={texts[tab].name} onChange={setText('name')} />}
          </Field>
          <Field label={t('products.description')} name={`description-${tab}`} error={textError('description')}>
            {(p) => <textarea {...p} rows={3} value={texts[tab].description} onChange={setText('description')} />}
          </Field>
          <Field label={t('products.story')} name={`story-${tab}`} error={textError('story')}>
            {(p) => <textarea {...p} rows={6} value={texts[tab].story} onChange={setText('story')} />}
          </Field>
          <Field label={t('products.ingredients')} name={`ingredients-${tab}`} error={textError('ingredients')}>
            {(p) => <textarea {...p} rows={2} value={texts[tab].ingredients} onChange={setText('ingredients')} />}
          </Field>
          <Field label={t('products.storage')} name={`storage-${tab}`} error={textError('storage')}>
            {(p) => <input {...p} value={texts[tab].storage} onChange={setText('storage')} />}
          </Field>
        </div>
        <Field label={t('products.category')} name="category" error={form.errors.category}>
          {(p) => (
            <select {...p} value={fields.category} onChange={set('category')}>
              {program?.categories.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.name[locale] ?? c.name.id ?? c.code}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('products.unit')} name="unit" error={form.errors.unit}>
          {(p) => <input {...p} value={fields.unit} onChange={set('unit')} placeholder={t('products.unitHint')} />}
        </Field>
        <Field
          label={t('products.price', { currency })}
          name="amount"
          error={form.errors['price.amount'] ?? form.errors.price}
        >
          {(p) => (
            <MoneyInput
              {...p}
              currency={currency}
              value={fields.amount}
              onChange={(amount) => setFields({ ...fields, amount })}
            />
          )}
        </Field>
        <Field label={t('products.capacity')} name="capacity" error={form.errors.capacityPerMonth}>
          {(p) => <input {...p} inputMode="numeric" value={fields.capacity} onChange={set('capacity')} />}
        </Field>
        <Field label={t('products.hsCode')} name="hsCode" error={form.errors.hsCode}>
          {(p) => (
            <HsCodePicker
              id={p.id}
              value={fields.hsCode}
              onChange={(hsCode) => setFields({ ...fields, hsCode })}
              invalid={p['aria-invalid']}
              describedBy={p['aria-describedby']}
            />
          )}
        </Field>
        <ProductFactsFields facts={facts} onChange={setFacts} errors={form.errors} />
        <Field label={t('products.status')} name="status" error={form.errors.status}>
          {(p) => (
            <select {...p} value={fields.status} onChange={set('status')}>
              {PRODUCT_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`status.${s}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </fieldset>
      {editable ? (
        <button type="submit" disabled={form.busy}>
          {base ? t('action.save') : t('products.create')}
        </button>
      ) : null}
      {queued || waiting ? <SavedOnDevice /> : null}
      {confirm.dialog}
    </form>
  );
}

/** What other features add to a product's page; app/ProductScreen.tsx fills them in. */
interface ProductSlots {
  /** Sections after the product's form (its assessments, certificates, export readiness). */
  sections?: (product: ProductAnswer) => ReactNode;
}

export default function ProductPage({ id, sections }: { id: string | null } & ProductSlots) {
  const { t } = useI18n();
  const [, navigate] = useLocation();
  const product = useResource(id, (signal) => getProduct(id!, signal));
  const pending = usePendingRecord(id);
  const [current, setCurrent] = useState<ProductAnswer | null>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => setCurrent(null), [id]);
  const groupParam = new URLSearchParams(location.search).get('group') ?? '';
  if (id === null) {
    return (
      <>
        <h1>{t('products.new')}</h1>
        <ProductForm
          product={null}
          groupId={groupParam}
          onSaved={(p) => navigate(`/products/${p.id}`, { replace: true })}
          onQueued={(productId) => navigate(`/products/${productId}`, { replace: true })}
        />
      </>
    );
  }
  // Created on this phone and not yet sent: its photos can be taken meanwhile and wait after it.
  if (pending?.kind === 'product' && !product.data) {
    return (
      <>
        <h1>{pending.label}</h1>
        <p className="panel warning" role="status">
          {t('offline.pendingRecord')}
        </p>
        <PhotoUpload productId={pending.clientId} stored={[]} mayAdd onUploaded={() => product.reload()} />
      </>
    );
  }
  return (
    <Loaded resource={{ data: current ?? product.data, error: product.error }}>
      {(record) => (
        <>
          <p>
            <Link href={`/groups/${record.groupId}`}>← {t('groups.back')}</Link>
          </p>
          <h1>{record.name.id ?? Object.values(record.name)[0]}</h1>
          <p>
            {t('products.status')}: <strong data-testid="product-status">{t(`status.${record.status}`)}</strong>
            {record.status !== 'draft' ? (
              <>
                {' · '}
                <Link href={`~/p/${record.id}`}>{t('products.publicPage')}</Link>
              </>
            ) : null}
          </p>
          <PhotoUpload
            productId={record.id}
            stored={record.photos}
            mayAdd={record.abilities.addPhoto}
            onUploaded={() => product.reload()}
          />
          <ProductForm
            key={record.version}
            product={record}
            groupId={record.groupId}
            onSaved={(p) => {
              setCurrent(p);
              setSaved(true);
            }}
          />
          {saved ? <p role="status">{t('form.saved')}</p> : null}
          {sections?.(record)}
        </>
      )}
    </Loaded>
  );
}
