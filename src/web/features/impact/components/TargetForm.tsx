import { useId, useState, type FormEvent } from 'react';
import {
  createTargetBody,
  patchTargetBody,
  type IndicatorAnswer,
  type TargetAnswer,
} from '../../../../shared/schemas/impact';
import { ConflictNotice, Field, useFormState } from '../../../components/form';
import { useI18n } from '../../../i18n/i18n';
import { ApiError } from '../../../lib/http';
import { parseAmount } from '../../../lib/money-text';
import { problemText } from '../../../lib/problem-text';
import { createTarget, patchTarget } from '../api/impact';

interface TargetFormProps {
  programId: string;
  currency: string;
  indicators: IndicatorAnswer[];
  /** The targets already set at this area for this year, one per indicator at most. */
  existing: TargetAnswer[];
  area: { code: string | undefined; name: string };
  year: string;
  onSaved: () => void;
}

/**
 * A program manager's target for one indicator at the area looked at, for the year: baseline and
 * target. A target already set there is changed instead of added. The server's refusals show beside
 * the fields, in the reader's language.
 */
export function TargetForm({ programId, currency, indicators, existing, area, year, onSaved }: TargetFormProps) {
  const { t, locale } = useI18n();
  const id = useId();
  const [indicator, setIndicator] = useState(indicators[0]?.code ?? '');
  const [baseline, setBaseline] = useState('');
  const [target, setTarget] = useState('');
  const [saved, setSaved] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const form = useFormState<TargetAnswer>();
  const current = existing.find((x) => x.indicator === indicator);
  const amount = (text: string) => (text.trim() === '' ? '' : parseAmount(text, locale, currency));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    setRefusal(null);
    const values = { baseline: amount(baseline), target: amount(target) };
    // A refusal that names no field (a target the program may not set) shows below the fields.
    const refused = async (send: () => Promise<unknown>) => {
      try {
        await send();
      } catch (error) {
        if (error instanceof ApiError && !error.problem.errors?.length) setRefusal(problemText(error.problem, t));
        throw error;
      }
    };
    const ok = current
      ? await form.submit(patchTargetBody, { version: current.version, ...values }, () =>
          refused(() => patchTarget(current.id, { version: current.version, ...values })),
        )
      : await form.submit(createTargetBody, { indicator, area: area.code, period: year, ...values }, () =>
          refused(() =>
            createTarget(programId, {
              id: crypto.randomUUID(),
              indicator,
              area: area.code,
              period: year,
              breakdown: {},
              ...values,
              note: '',
            }),
          ),
        );
    if (ok) {
      setSaved(true);
      onSaved();
    }
  };

  return (
    <form className="panel" onSubmit={(e) => void submit(e)} noValidate aria-label={t('impact.targetForm')}>
      <h2>{t('impact.targetForm')}</h2>
      <p className="muted small">{t('impact.targetFor', { area: area.name, year })}</p>
      {form.conflict ? <ConflictNotice version={form.conflict.version} onReload={onSaved} /> : null}
      <Field label={t('impact.indicator')} name={`${id}-indicator`} error={form.errors.indicator}>
        {(p) => (
          <select
            {...p}
            value={indicator}
            onChange={(e) => {
              setIndicator(e.target.value);
              setSaved(false);
            }}
          >
            {indicators.map((i) => (
              <option key={i.code} value={i.code}>
                {i.name[locale] ?? i.name.id ?? i.code}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('impact.baseline')} name={`${id}-baseline`} error={form.errors.baseline}>
        {(p) => <input {...p} inputMode="decimal" value={baseline} onChange={(e) => setBaseline(e.target.value)} />}
      </Field>
      <Field label={t('impact.targetValue')} name={`${id}-target`} error={form.errors.target}>
        {(p) => <input {...p} inputMode="decimal" value={target} onChange={(e) => setTarget(e.target.value)} />}
      </Field>
      {refusal || form.errors.area || form.errors.period ? (
        <p className="error" role="alert">
          {refusal ?? form.errors.area ?? form.errors.period}
        </p>
      ) : null}
      <button type="submit" disabled={form.busy}>
        {current ? t('impact.changeTarget') : t('impact.saveTarget')}
      </button>
      {saved ? (
        <p role="status" className="small">
          {t('impact.targetSaved')}
        </p>
      ) : null}
    </form>
  );
}
