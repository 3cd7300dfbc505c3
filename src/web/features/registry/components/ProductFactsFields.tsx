import { ALLERGENS, NET_QUANTITY_UNITS, type Allergen, type ProductAnswer } from '../../../../shared/schemas/registry';
import { Field } from '../../../components/form';
import { useI18n } from '../../../i18n/i18n';

/** The label facts that are not text: shelf life, net quantity and the allergens declared. */
export interface FactValues {
  shelfLife: string;
  netAmount: string;
  netUnit: (typeof NET_QUANTITY_UNITS)[number];
  /** Null: not declared yet; []: declared free of every listed allergen. */
  allergens: Allergen[] | null;
}

export const factsOf = (p: ProductAnswer | null): FactValues => ({
  shelfLife: p?.shelfLifeDays?.toString() ?? '',
  netAmount: p?.netQuantity?.amount.toString() ?? '',
  netUnit: p?.netQuantity?.unit ?? 'g',
  allergens: p?.allergens ?? null,
});

/** The facts as the API takes them (a number typed with a comma is read as a decimal point). */
export function factsBody(f: FactValues) {
  const amount = f.netAmount.trim() ? Number(f.netAmount.trim().replace(',', '.')) : null;
  return {
    shelfLifeDays: f.shelfLife.trim() ? Number(f.shelfLife.trim()) : null,
    netQuantity: amount === null ? null : { amount, unit: f.netUnit },
    allergens: f.allergens,
  };
}

export function ProductFactsFields({
  facts,
  onChange,
  errors,
}: {
  facts: FactValues;
  onChange: (facts: FactValues) => void;
  errors: Record<string, string | undefined>;
}) {
  const { t } = useI18n();
  const declared = facts.allergens !== null;
  const toggle = (a: Allergen, on: boolean) => {
    const list = facts.allergens ?? [];
    onChange({ ...facts, allergens: on ? [...list, a] : list.filter((x) => x !== a) });
  };
  return (
    <fieldset className="part">
      <legend>{t('products.facts')}</legend>
      <Field label={t('products.shelfLifeDays')} name="shelfLife" error={errors.shelfLifeDays}>
        {(p) => (
          <input
            {...p}
            inputMode="numeric"
            value={facts.shelfLife}
            onChange={(e) => onChange({ ...facts, shelfLife: e.target.value })}
          />
        )}
      </Field>
      <Field
        label={t('products.netQuantity')}
        name="netAmount"
        error={errors['netQuantity.amount'] ?? errors['netQuantity.unit'] ?? errors.netQuantity}
      >
        {(p) => (
          <div className="inline compact">
            <input
              {...p}
              inputMode="decimal"
              value={facts.netAmount}
              onChange={(e) => onChange({ ...facts, netAmount: e.target.value })}
            />
            <select
              aria-label={t('products.netUnit')}
              value={facts.netUnit}
              onChange={(e) => onChange({ ...facts, netUnit: e.target.value as FactValues['netUnit'] })}
            >
              {NET_QUANTITY_UNITS.map((u) => (
                <option key={u} value={u}>
                  {t(`netUnit.${u}`)}
                </option>
              ))}
            </select>
          </div>
        )}
      </Field>
      <fieldset className="plain" aria-describedby="allergens-hint">
        <legend>{t('products.allergens')}</legend>
        <label className="check">
          <input
            type="checkbox"
            checked={declared}
            onChange={(e) => onChange({ ...facts, allergens: e.target.checked ? [] : null })}
          />{' '}
          {t('products.allergensDeclared')}
        </label>
        <small id="allergens-hint" className="muted">
          {t('products.allergensHint')}
        </small>
        {declared
          ? ALLERGENS.map((a) => (
              <label key={a} className="check">
                <input
                  type="checkbox"
                  checked={facts.allergens!.includes(a)}
                  onChange={(e) => toggle(a, e.target.checked)}
                />{' '}
                {t(`allergen.${a}`)}
              </label>
            ))
          : null}
        {errors.allergens ? (
          <small className="error" role="alert">
            {errors.allergens}
          </small>
        ) : null}
      </fieldset>
    </fieldset>
  );
}
