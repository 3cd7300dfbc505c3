import { useState, type FormEvent } from 'react';
import {
  EXPENSE_CATEGORIES,
  simpleTransactionBody,
  type JournalEntryAnswer,
} from '../../../../shared/schemas/business';
import { localized } from '../../../../shared/localized';
import { EnumSelect } from '../../../components/EnumSelect';
import { Field, firstUnder, useFormState } from '../../../components/form';
import { useUnsavedValues } from '../../../components/use-unsaved-guard';
import { COUNTRIES, countryName } from '../../../lib/countries';
import { useI18n } from '../../../i18n/i18n';
import { formatDate, localToday } from '../../../lib/format';
import { useResource } from '../../../lib/use-resource';
import { listProducts } from '../../registry';
import { recordTransaction, type SimpleTransaction, type TransactionKind } from '../api/journal';
import { MoneyInput } from '../../../components/MoneyInput';
import { ruleKey, ruleValues } from './rule-message';
import { kindSpec } from './transaction-kinds';

type Category = (typeof EXPENSE_CATEGORIES)[number];

interface Props {
  groupId: string;
  currency: string;
  kind: TransactionKind;
  closedThrough: string | null;
  /** The group records production batches: a sale names the product and quantity sold, not a cost. */
  tracksBatches: boolean;
  onSaved: (entry: JournalEntryAnswer) => void;
  /** Kept on the phone (no network): it is posted when the network is back. */
  onQueued: () => void;
  onCancel: () => void;
}

const blank = () => ({
  date: localToday(),
  amount: '',
  memo: '',
  via: 'cash' as 'cash' | 'bank',
  market: 'local' as 'local' | 'national' | 'export',
  destination: 'JP',
  settlement: 'cash' as 'cash' | 'bank' | 'credit',
  costOfGoods: '',
  customer: '',
  category: 'other_expenses' as Category,
  interest: '',
  lifeMonths: '',
  residualValue: '',
  member: '',
  productId: '',
  quantity: '',
});

function Choices<T extends string>(props: {
  legend: string;
  name: string;
  values: readonly T[];
  value: T;
  onChange: (value: T) => void;
  label: (value: T) => string;
}) {
  return (
    <fieldset className="field">
      <legend>{props.legend}</legend>
      <div className="segmented">
        {props.values.map((v) => (
          <label key={v} className="choice">
            <input
              type="radio"
              name={props.name}
              value={v}
              checked={props.value === v}
              onChange={() => props.onChange(v)}
            />
            {props.label(v)}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/**
 * The short form behind one tap: date (today), amount, a note, and what this kind needs. Its id is
 * made once, when the form opens, so a double tap or a retry after a lost answer posts only once.
 */
export function TransactionForm({
  groupId,
  currency,
  kind,
  closedThrough,
  tracksBatches,
  onSaved,
  onQueued,
  onCancel,
}: Props) {
  const { t, locale } = useI18n();
  const [id] = useState(() => crypto.randomUUID());
  const [draft, setDraft] = useState(blank);
  const [rule, setRule] = useState<string | null>(null);
  const [ruleAmounts, setRuleAmounts] = useState({ amount: '', balance: '' });
  /** Whether the field errors came back from the server (shown as it worded them) or from the schema here. */
  const [fromServer, setFromServer] = useState(false);
  const form = useFormState();
  const { markClean, confirmLeave } = useUnsavedValues(draft);
  const spec = kindSpec(kind);
  const sale = spec.fields.includes('costOfGoods');
  // In a group that records batches the cost of goods comes from the batches the sale takes.
  const has = (field: (typeof spec.fields)[number]) =>
    spec.fields.includes(field) && !(field === 'costOfGoods' && tracksBatches);
  const withItems = sale && tracksBatches;
  const products = useResource(withItems ? `sale-products-${groupId}` : null, (signal) =>
    listProducts({ groupId }, undefined, signal),
  );
  const productList = products.data?.items ?? [];
  const product = productList.find((p) => p.id === draft.productId) ?? productList[0];
  const patch = (fields: Partial<typeof draft>) => setDraft((d) => ({ ...d, ...fields }));
  const money = (amount: string) => ({ amount, currency });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setRule(null);
    setFromServer(false);
    const body = {
      id,
      kind,
      date: draft.date,
      amount: money(draft.amount),
      memo: draft.memo,
      ...(has('market') ? { market: draft.market } : {}),
      ...(has('market') && draft.market === 'export' ? { destination: draft.destination } : {}),
      ...(has('via') ? { via: draft.via } : {}),
      ...(has('settlement') ? { settlement: draft.settlement } : {}),
      ...(has('category') ? { category: draft.category } : {}),
      ...(has('customer') && draft.customer.trim() ? { customer: draft.customer.trim() } : {}),
      ...(has('costOfGoods') && draft.costOfGoods ? { costOfGoods: money(draft.costOfGoods) } : {}),
      ...(has('interest') && draft.interest ? { interest: money(draft.interest) } : {}),
      ...(has('lifeMonths') ? { lifeMonths: Number(draft.lifeMonths) } : {}),
      ...(has('residualValue') && draft.residualValue ? { residualValue: money(draft.residualValue) } : {}),
      ...(has('member') && draft.member.trim() ? { member: draft.member.trim() } : {}),
      ...(withItems ? { items: [{ productId: product?.id ?? '', quantity: draft.quantity.trim() }] } : {}),
    } as SimpleTransaction & { id: string };
    await form.submit(simpleTransactionBody, body, async () => {
      try {
        const saved = await recordTransaction(groupId, body);
        markClean();
        if (saved.queued) onQueued();
        else onSaved(saved.data);
      } catch (error) {
        setRule(ruleKey(error));
        setRuleAmounts(ruleValues(error, locale));
        setFromServer(true);
        throw error;
      }
    });
  };

  const amountError = (path: string) => {
    const error = firstUnder(form.errors, path);
    return error && !fromServer ? t('books.error.amount') : error;
  };
  const dateError = form.errors.date
    ? rule === 'books.rule.periodClosed' && closedThrough
      ? t('books.error.dateClosed', { date: formatDate(closedThrough, locale) })
      : t('books.error.date')
    : undefined;

  return (
    <form
      className="panel tx-form"
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-label={t(`books.kind.${kind}`)}
      data-kind={kind}
    >
      <h2>{t(`books.kind.${kind}`)}</h2>
      <p className="muted small">{t(`books.kindHint.${kind}`)}</p>
      {rule ? (
        <p className="panel warning" role="alert">
          {t(rule, { date: closedThrough ? formatDate(closedThrough, locale) : '', ...ruleAmounts })}
        </p>
      ) : null}
      <Field label={t('books.field.date')} name="date" error={dateError}>
        {(p) => <input {...p} type="date" value={draft.date} onChange={(e) => patch({ date: e.target.value })} />}
      </Field>
      <Field label={t(`books.amountLabel.${kind}`)} name="amount" error={amountError('amount')}>
        {(p) => <MoneyInput {...p} currency={currency} value={draft.amount} onChange={(amount) => patch({ amount })} />}
      </Field>
      {has('member') ? (
        <Field label={t('books.field.member')} name="member" error={form.errors.member}>
          {(p) => <input {...p} value={draft.member} onChange={(e) => patch({ member: e.target.value })} />}
        </Field>
      ) : null}
      {has('customer') ? (
        <Field label={t('books.field.customer')} name="customer" error={form.errors.customer}>
          {(p) => <input {...p} value={draft.customer} onChange={(e) => patch({ customer: e.target.value })} />}
        </Field>
      ) : null}
      {has('market') ? (
        <Choices
          legend={t('books.market.legend')}
          name="market"
          values={['local', 'national', 'export'] as const}
          value={draft.market}
          onChange={(market) => patch({ market })}
          label={(v) => t(`books.market.${v}`)}
        />
      ) : null}
      {has('market') && draft.market === 'export' ? (
        <Field label={t('books.field.destination')} name="destination" error={form.errors.destination}>
          {(p) => (
            <select {...p} value={draft.destination} onChange={(e) => patch({ destination: e.target.value })}>
              {COUNTRIES.filter((c) => c !== 'ID').map((c) => (
                <option key={c} value={c}>
                  {countryName(c, locale)}
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : null}
      {has('category') ? (
        <Field label={t('books.field.category')} name="category" error={form.errors.category}>
          {(p) => (
            <EnumSelect
              {...p}
              values={EXPENSE_CATEGORIES}
              value={draft.category}
              messages="books.category"
              onChange={(category) => patch({ category })}
            />
          )}
        </Field>
      ) : null}
      {has('interest') ? (
        <Field
          label={t('books.field.interest')}
          name="interest"
          error={amountError('interest')}
          hint={t('books.hint.interest')}
        >
          {(p) => (
            <MoneyInput
              {...p}
              currency={currency}
              value={draft.interest}
              onChange={(interest) => patch({ interest })}
            />
          )}
        </Field>
      ) : null}
      {has('via') ? (
        <Choices
          legend={t(`books.viaLegend.${isIn(kind) ? 'in' : 'out'}`)}
          name="via"
          values={['cash', 'bank'] as const}
          value={draft.via}
          onChange={(via) => patch({ via })}
          label={(v) => t(`books.via.${v}`)}
        />
      ) : null}
      {has('settlement') ? (
        <Choices
          legend={t('books.viaLegend.out')}
          name="settlement"
          values={['cash', 'bank', 'credit'] as const}
          value={draft.settlement}
          onChange={(settlement) => patch({ settlement })}
          label={(v) => t(`books.via.${v}`)}
        />
      ) : null}
      {withItems ? (
        <>
          <Field
            label={t('books.field.product')}
            name="items.0.productId"
            error={firstUnder(form.errors, 'items.0.productId')}
          >
            {(p) => (
              <select {...p} value={product?.id ?? ''} onChange={(e) => patch({ productId: e.target.value })}>
                {productList.map((item) => (
                  <option key={item.id} value={item.id}>
                    {localized(item.name, locale)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field
            label={t('books.field.quantity', { unit: product?.unit ?? '' })}
            name="items.0.quantity"
            error={firstUnder(form.errors, 'items.0.quantity')}
            hint={t('books.hint.items')}
          >
            {(p) => (
              <input
                {...p}
                inputMode="decimal"
                value={draft.quantity}
                onChange={(e) => patch({ quantity: e.target.value })}
              />
            )}
          </Field>
        </>
      ) : null}
      {has('lifeMonths') ? (
        <Field
          label={t('books.field.lifeMonths')}
          name="lifeMonths"
          error={form.errors.lifeMonths}
          hint={t('books.hint.lifeMonths')}
        >
          {(p) => (
            <input
              {...p}
              type="number"
              min={1}
              max={600}
              inputMode="numeric"
              value={draft.lifeMonths}
              onChange={(e) => patch({ lifeMonths: e.target.value })}
            />
          )}
        </Field>
      ) : null}
      {has('residualValue') ? (
        <Field
          label={t('books.field.residualValue')}
          name="residualValue"
          error={amountError('residualValue')}
          hint={t('books.hint.residualValue')}
        >
          {(p) => (
            <MoneyInput
              {...p}
              currency={currency}
              value={draft.residualValue}
              onChange={(residualValue) => patch({ residualValue })}
            />
          )}
        </Field>
      ) : null}
      {has('costOfGoods') ? (
        <Field
          label={t('books.field.costOfGoods')}
          name="costOfGoods"
          error={amountError('costOfGoods')}
          hint={t('books.hint.costOfGoods')}
        >
          {(p) => (
            <MoneyInput
              {...p}
              currency={currency}
              value={draft.costOfGoods}
              onChange={(costOfGoods) => patch({ costOfGoods })}
            />
          )}
        </Field>
      ) : null}
      <Field label={t('books.field.memo')} name="memo" error={form.errors.memo} hint={t('books.hint.memo')}>
        {(p) => <input {...p} value={draft.memo} onChange={(e) => patch({ memo: e.target.value })} />}
      </Field>
      <div className="inline wrap">
        <button type="submit" disabled={form.busy}>
          {form.busy ? t('books.saving') : t('books.record')}
        </button>
        <button type="button" className="secondary" onClick={() => confirmLeave() && onCancel()}>
          {t('action.cancel')}
        </button>
      </div>
    </form>
  );
}

/** Kinds whose money comes in (the cash or bank it lands in), as opposed to going out. */
const isIn = (kind: TransactionKind) =>
  [
    'cash_sale',
    'payment_received',
    'owner_capital',
    'loan_received',
    'principal_savings_received',
    'mandatory_savings_received',
    'voluntary_savings_received',
  ].includes(kind);
