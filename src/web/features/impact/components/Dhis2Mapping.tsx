import { useId, useState, type FormEvent } from 'react';
import {
  DHIS2_PERIOD_TYPES,
  dhis2MappingBody,
  type Dhis2MappingAnswer,
  type Dhis2PeriodType,
} from '../../../../shared/schemas/dhis2';
import type { IndicatorAnswer } from '../../../../shared/schemas/impact';
import { ConflictNotice, Field, firstUnder, orNull, useFormState } from '../../../components/form';
import { useI18n } from '../../../i18n/i18n';
import { putDhis2Mapping } from '../api/dhis2';

interface ElementRow {
  indicator: string;
  cell: string;
  dataElement: string;
  categoryOptionCombo: string;
}
interface UnitRow {
  area: string;
  orgUnit: string;
}

/** A cell as typed: `sex=female, age_band=25-34` (empty: the indicator's whole value). */
const cellOf = (text: string) =>
  Object.fromEntries(
    text
      .split(',')
      .map((part) => part.split('=').map((s) => s.trim()))
      .filter(([key]) => key),
  ) as Record<string, string>;
const cellText = (cell: Record<string, string>) =>
  Object.entries(cell)
    .map(([k, v]) => `${k}=${v}`)
    .join(', ');

/** The program manager's mapping: indicator cells → data elements, areas → organisation units, the period type. */
export function Dhis2Mapping({
  programId,
  mapping,
  indicators,
  onSaved,
  onReload,
}: {
  programId: string;
  mapping: Dhis2MappingAnswer;
  indicators: IndicatorAnswer[];
  onSaved: () => void;
  /** Loads the mapping as it now stands, dropping what was typed (after a conflict). */
  onReload: () => void;
}) {
  const { t, locale } = useI18n();
  const id = useId();
  const [periodType, setPeriodType] = useState<Dhis2PeriodType>(mapping.periodType);
  const [dataSet, setDataSet] = useState(mapping.dataSet ?? '');
  const [elements, setElements] = useState<ElementRow[]>(
    mapping.dataElements.map((e) => ({
      indicator: e.indicator,
      cell: cellText(e.cell),
      dataElement: e.dataElement,
      categoryOptionCombo: e.categoryOptionCombo ?? '',
    })),
  );
  const [units, setUnits] = useState<UnitRow[]>(
    mapping.orgUnits.map((u) => ({ area: u.area?.code ?? '', orgUnit: u.orgUnit ?? '' })),
  );
  const [saved, setSaved] = useState(false);
  const form = useFormState<Dhis2MappingAnswer>();
  const setElement = (i: number, change: Partial<ElementRow>) =>
    setElements(elements.map((e, j) => (j === i ? { ...e, ...change } : e)));
  const setUnit = (i: number, change: Partial<UnitRow>) =>
    setUnits(units.map((u, j) => (j === i ? { ...u, ...change } : u)));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const body = {
      version: mapping.version,
      periodType,
      dataSet: orNull(dataSet),
      attributeOptionCombo: mapping.attributeOptionCombo,
      dataElements: elements.map((e) => ({
        indicator: e.indicator,
        cell: cellOf(e.cell),
        dataElement: e.dataElement.trim(),
        categoryOptionCombo: orNull(e.categoryOptionCombo),
      })),
      orgUnits: units.map((u) => ({ area: orNull(u.area), orgUnit: orNull(u.orgUnit) })),
    };
    if (await form.submit(dhis2MappingBody, body, async () => void (await putDhis2Mapping(programId, body)))) {
      setSaved(true);
      onSaved();
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label={t('impact.dhis2.mapping')}>
      <h3>{t('impact.dhis2.mapping')}</h3>
      {form.conflict ? <ConflictNotice version={form.conflict.version} onReload={onReload} /> : null}
      <Field label={t('impact.dhis2.periodType')} name={`${id}-period-type`} error={form.errors.periodType}>
        {(p) => (
          <select {...p} value={periodType} onChange={(e) => setPeriodType(e.target.value as Dhis2PeriodType)}>
            {DHIS2_PERIOD_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`impact.dhis2.periodType.${type}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('impact.dhis2.dataSet')} name={`${id}-data-set`} error={form.errors.dataSet}>
        {(p) => <input {...p} value={dataSet} onChange={(e) => setDataSet(e.target.value)} />}
      </Field>
      <fieldset>
        <legend>{t('impact.dhis2.dataElements')}</legend>
        {elements.map((e, i) => (
          <div key={i} className="dhis2-row">
            <Field
              label={t('impact.indicator')}
              name={`${id}-de-${i}-indicator`}
              error={firstUnder(form.errors, `dataElements.${i}.indicator`)}
            >
              {(p) => (
                <select {...p} value={e.indicator} onChange={(ev) => setElement(i, { indicator: ev.target.value })}>
                  {indicators.map((x) => (
                    <option key={x.code} value={x.code}>
                      {x.name[locale] ?? x.name.id ?? x.code}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field
              label={t('impact.dhis2.cell')}
              name={`${id}-de-${i}-cell`}
              hint={t('impact.dhis2.cellHint')}
              error={firstUnder(form.errors, `dataElements.${i}.cell`) ?? form.errors[`dataElements.${i}`]}
            >
              {(p) => <input {...p} value={e.cell} onChange={(ev) => setElement(i, { cell: ev.target.value })} />}
            </Field>
            <Field
              label={t('impact.dhis2.dataElement')}
              name={`${id}-de-${i}-code`}
              error={form.errors[`dataElements.${i}.dataElement`]}
            >
              {(p) => (
                <input
                  {...p}
                  value={e.dataElement}
                  onChange={(ev) => setElement(i, { dataElement: ev.target.value })}
                />
              )}
            </Field>
            <Field
              label={t('impact.dhis2.coc')}
              name={`${id}-de-${i}-coc`}
              error={form.errors[`dataElements.${i}.categoryOptionCombo`]}
            >
              {(p) => (
                <input
                  {...p}
                  value={e.categoryOptionCombo}
                  onChange={(ev) => setElement(i, { categoryOptionCombo: ev.target.value })}
                />
              )}
            </Field>
            <button type="button" className="link" onClick={() => setElements(elements.filter((_, j) => j !== i))}>
              {t('impact.dhis2.removeRow')}
            </button>
          </div>
        ))}
        <button
          type="button"
          onClick={() =>
            setElements([
              ...elements,
              { indicator: indicators[0]?.code ?? '', cell: '', dataElement: '', categoryOptionCombo: '' },
            ])
          }
        >
          {t('impact.dhis2.addRow')}
        </button>
      </fieldset>
      <fieldset>
        <legend>{t('impact.dhis2.orgUnits')}</legend>
        {units.map((u, i) => (
          <div key={i} className="dhis2-row">
            <Field
              label={t('impact.dhis2.area')}
              name={`${id}-ou-${i}-area`}
              hint={t('impact.dhis2.areaHint')}
              error={form.errors[`orgUnits.${i}.area`]}
            >
              {(p) => <input {...p} value={u.area} onChange={(ev) => setUnit(i, { area: ev.target.value })} />}
            </Field>
            <Field
              label={t('impact.dhis2.orgUnit')}
              name={`${id}-ou-${i}-code`}
              hint={t('impact.dhis2.orgUnitHint')}
              error={form.errors[`orgUnits.${i}.orgUnit`]}
            >
              {(p) => <input {...p} value={u.orgUnit} onChange={(ev) => setUnit(i, { orgUnit: ev.target.value })} />}
            </Field>
            <button type="button" className="link" onClick={() => setUnits(units.filter((_, j) => j !== i))}>
              {t('impact.dhis2.removeRow')}
            </button>
          </div>
        ))}
        <button type="button" onClick={() => setUnits([...units, { area: '', orgUnit: '' }])}>
          {t('impact.dhis2.addRow')}
        </button>
      </fieldset>
      <button type="submit" disabled={form.busy}>
        {t('impact.dhis2.saveMapping')}
      </button>
      {saved ? (
        <p role="status" className="small">
          {t('impact.dhis2.mappingSaved')}
        </p>
      ) : null}
    </form>
  );
}
