import { useState, type FormEvent } from 'react';
import { hppBody, type HppAnswer } from '../../../../shared/schemas/business';
import { usePrograms } from '../../programs';
import { Field, firstUnder, useFormState } from '../../../components/form';
import { useI18n } from '../../../i18n/i18n';
import { formatMoney } from '../../../lib/format';
import { useResource } from '../../../lib/use-resource';
import { computeHpp, type HppRequest } from '../api/hpp';
import { MoneyInput } from '../../../components/MoneyInput';
import { cardRows } from '../../../components/card-table';
import { intlLocale } from '../../../../shared/languages';

type Part = 'materials' | 'labour' | 'overhead';
const PARTS: Part[] = ['materials', 'labour', 'overhead'];
interface Item {
  key: number;
  name: string;
  amount: string;
}
type Basis = 'markup' | 'margin';
interface Draft {
  units: string;
  /** Whether the user gives a mark-up on cost or a margin on the selling price. */
  basis: Basis;
  markupPercent: string;
  marginPercent: string;
  roundTo: string;
  materials: Item[];
  labour: Item[];
  overhead: Item[];
}

let nextKey = 1;
const item = (name: string, amount: string): Item => ({ key: nextKey++, name, amount });

/**
 * The DOMAIN.md worked example: salak chips from a farmer group in Karangasem, Rp 1,000,000 for a
 * run of 100 packs → HPP Rp 10,000 a pack; a 29 % mark-up → Rp 12,900.
 */
const example = (t: (key: string) => string): Draft => ({
  units: '100',
  basis: 'markup',
  markupPercent: '29',
  marginPercent: '22.5',
  roundTo: '100',
  materials: [item(t('hpp.example.salak'), '600000'), item(t('hpp.example.oil'), '150000')],
  labour: [item(t('hpp.example.wages'), '150000')],
  overhead: [item(t('hpp.example.overhead'), '100000')],
});

const bodyOf = (draft: Draft, currency: string): HppRequest => {
  const items = (list: Item[]) =>
    list.filter((i) => i.name.trim() || i.amount).map((i) => ({ name: i.name.trim(), amount: i.amount }));
  return {
    currency,
    units: draft.units.trim(),
    ...(draft.basis === 'markup'
      ? { markupPercent: draft.markupPercent.trim().replace(',', '.') }
      : { marginPercent: draft.marginPercent.trim().replace(',', '.') }),
    ...(draft.roundTo ? { roundTo: draft.roundTo } : {}),
    materials: items(draft.materials),
    labour: items(draft.labour),
    overhead: items(draft.overhead),
  };
};

function ItemRows(props: {
  part: Part;
  items: Item[];
  currency: string;
  errors: Record<string, string>;
  onChange: (items: Item[]) => void;
}) {
  const { t } = useI18n();
  const { part, items, currency, errors, onChange } = props;
  const update = (key: number, fields: Partial<Item>) =>
    onChange(items.map((i) => (i.key === key ? { ...i, ...fields } : i)));
  return (
    <fieldset className="part hpp-part">
      <legend>{t(`hpp.part.${part}`)}</legend>
      <p className="muted small">{t(`hpp.partHint.${part}`)}</p>
      <ul className="hpp-items">
        {items.map((i, index) => {
          const error = firstUnder(errors, `${part}.${index}`);
          return (
            <li key={i.key}>
              <div className="hpp-row">
                <input
                  aria-label={t('hpp.itemName', { n: index + 1 })}
                  value={i.name}
                  placeholder={t('hpp.itemPlaceholder')}
                  onChange={(e) => update(i.key, { name: e.target.value })}
                />
                <MoneyInput
                  aria-label={t('hpp.itemAmount', { n: index + 1 })}
                  currency={currency}
                  value={i.amount}
                  onChange={(amount) => update(i.key, { amount })}
                />
                <button
                  type="button"
                  className="icon"
                  aria-label={t('hpp.remove', { n: index + 1 })}
                  onClick={() => onChange(items.filter((x) => x.key !== i.key))}
                >
                  ×
                </button>
              </div>
              {error ? (
                <small className="error" role="alert">
                  {t('hpp.itemError')}
                </small>
              ) : null}
            </li>
          );
        })}
      </ul>
      <button type="button" className="secondary" onClick={() => onChange([...items, item('', '')])}>
        {t(`hpp.add.${part}`)}
      </button>
    </fieldset>
  );
}

function Result({ result }: { result: HppAnswer }) {
  const { t, locale } = useI18n();
  const percent = (value: string) =>
    new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: 2 }).format(Number(value));
  return (
    <section className="panel hpp-result" aria-labelledby="hpp-result-title" data-testid="hpp-result">
      <h2 id="hpp-result-title">{t('hpp.result')}</h2>
      <table className="breakdown cards" ref={cardRows}>
        <thead>
          <tr>
            <th scope="col">{t('hpp.col.part')}</th>
            <th scope="col" className="num">
              {t('hpp.col.total')}
            </th>
            <th scope="col" className="num">
              {t('hpp.col.perUnit')}
            </th>
          </tr>
        </thead>
        <tbody>
          {PARTS.map((p) => (
            <tr key={p}>
              <th scope="row">{t(`hpp.part.${p}`)}</th>
              <td>{formatMoney(result.totals[p], locale)}</td>
              <td>{formatMoney(result.perUnit[p], locale)}</td>
            </tr>
          ))}
          <tr className="total-row">
            <th scope="row">{t('hpp.costTotal')}</th>
            <td>{formatMoney(result.totals.total, locale)}</td>
            <td data-testid="hpp-per-unit">{formatMoney(result.perUnit.total, locale)}</td>
          </tr>
        </tbody>
      </table>
      <p className="price-line">
        {t('hpp.suggested')}{' '}
        <strong className="big-amount" data-testid="hpp-price">
          {formatMoney(result.suggestedPrice, locale)}
        </strong>
      </p>
      <p data-testid="hpp-percentages">
        {t('hpp.both', { markup: percent(result.markupPercent), margin: percent(result.marginPercent) })}
      </p>
      <p className="muted">{t('hpp.margin', { amount: formatMoney(result.marginPerUnit, locale) })}</p>
    </section>
  );
}

/** Cost of production (HPP): what one unit of a production run costs, and a price from a mark-up. */
export default function HppPage() {
  const { t } = useI18n();
  const { program } = usePrograms();
  const currency = program?.currency ?? 'IDR';
  const [draft, setDraft] = useState(() => example(t));
  const [result, setResult] = useState<HppAnswer | null>(null);
  const form = useFormState();
  // The example is worked out as the screen opens, so the first thing seen is a finished answer.
  const first = useResource(`hpp-example-${currency}`, () => computeHpp(bodyOf(draft, currency)));
  const shown = result ?? first.data;

  const calculate = async (event: FormEvent) => {
    event.preventDefault();
    const body = bodyOf(draft, currency);
    await form.submit(hppBody, body, async () => setResult(await computeHpp(body)));
  };

  return (
    <>
      <h1>{t('hpp.title')}</h1>
      <p className="muted">{t('hpp.intro')}</p>
      <form className="panel" onSubmit={(e) => void calculate(e)} noValidate aria-label={t('hpp.title')}>
        <Field label={t('hpp.units')} name="units" error={form.errors.units ? t('hpp.unitsError') : undefined}>
          {(p) => (
            <input
              {...p}
              inputMode="decimal"
              value={draft.units}
              onChange={(e) => setDraft((d) => ({ ...d, units: e.target.value }))}
            />
          )}
        </Field>
        {PARTS.map((part) => (
          <ItemRows
            key={part}
            part={part}
            items={draft[part]}
            currency={currency}
            errors={form.errors}
            onChange={(items) => setDraft((d) => ({ ...d, [part]: items }))}
          />
        ))}
        <fieldset className="field">
          <legend>{t('hpp.basis')}</legend>
          <div className="segmented">
            {(['markup', 'margin'] as const).map((b) => (
              <label key={b} className="choice">
                <input
                  type="radio"
                  name="basis"
                  value={b}
                  checked={draft.basis === b}
                  onChange={() => setDraft((d) => ({ ...d, basis: b }))}
                />
                {t(`hpp.basis.${b}`)}
              </label>
            ))}
          </div>
        </fieldset>
        <div className="pair">
          {draft.basis === 'markup' ? (
            <Field
              label={t('hpp.markup')}
              name="markupPercent"
              hint={t('hpp.markupHint')}
              error={form.errors.markupPercent ? t('hpp.markupError') : undefined}
            >
              {(p) => (
                <input
                  {...p}
                  inputMode="decimal"
                  value={draft.markupPercent}
                  onChange={(e) => setDraft((d) => ({ ...d, markupPercent: e.target.value }))}
                />
              )}
            </Field>
          ) : (
            <Field
              label={t('hpp.marginInput')}
              name="marginPercent"
              hint={t('hpp.marginHint')}
              error={form.errors.marginPercent ? t('hpp.marginError') : undefined}
            >
              {(p) => (
                <input
                  {...p}
                  inputMode="decimal"
                  value={draft.marginPercent}
                  onChange={(e) => setDraft((d) => ({ ...d, marginPercent: e.target.value }))}
                />
              )}
            </Field>
          )}
          <Field
            label={t('hpp.roundTo')}
            name="roundTo"
            error={form.errors.roundTo ? t('books.error.amount') : undefined}
          >
            {(p) => (
              <MoneyInput
                {...p}
                currency={currency}
                value={draft.roundTo}
                onChange={(roundTo) => setDraft((d) => ({ ...d, roundTo }))}
              />
            )}
          </Field>
        </div>
        <button type="submit" disabled={form.busy}>
          {t('hpp.calculate')}
        </button>
      </form>
      {shown ? <Result result={shown} /> : null}
    </>
  );
}
