import { useState, type FormEvent } from 'react';
import { localized } from '../../../../shared/localized';
import type { OrganisationAnswer, SideBySideAnswer } from '../../../../shared/schemas/organisations';
import { rateBody } from '../../../../shared/schemas/organisations';
import { Field, useFormState } from '../../../components/form';
import { Loaded } from '../../../components/Loaded';
import { useI18n } from '../../../i18n/i18n';
import { formatDate, formatMoney, formatRate } from '../../../lib/format';
import { useResource } from '../../../lib/use-resource';
import { listIndicators } from '../../impact';
import { enterRate, getSideBySide, listOrganisations, listRates } from '../api/organisations';
import './organisations.css';

/**
 * An agency's programs side by side (decision 027): one indicator for every member program, in
 * each program's own currency and converted into the organisation's reporting currency at the rate
 * it entered — the rate and its date shown beside the figure, "no rate" where there is none.
 */
export default function OrganisationsPage() {
  const { t } = useI18n();
  const organisations = useResource('organisations', (signal) => listOrganisations(signal));
  return (
    <>
      <h1>{t('organisations.title')}</h1>
      <Loaded resource={organisations}>
        {(o) =>
          o.items.length === 0 ? (
            <p className="muted">{t('organisations.none')}</p>
          ) : (
            o.items.map((org) => <Organisation key={org.id} org={org} />)
          )
        }
      </Loaded>
    </>
  );
}

function Organisation({ org }: { org: OrganisationAnswer }) {
  const { t, locale } = useI18n();
  const [indicator, setIndicator] = useState('sales_revenue');
  const [year, setYear] = useState(String(new Date().getFullYear()));
  const [tick, setTick] = useState(0);
  const indicators = useResource('indicators', (signal) => listIndicators(signal));
  // People are counted by sex, as the program dashboard does; money stays one total per currency.
  const chosen = indicators.data?.items.find((i) => i.code === indicator);
  const by = chosen && chosen.unit !== 'money' && chosen.disaggregations.includes('sex') ? 'sex' : undefined;
  const view = useResource(`side|${org.id}|${indicator}|${year}|${by ?? ''}|${tick}`, (signal) =>
    getSideBySide(org.id, { indicator, period: year, by }, signal),
  );
  return (
    <section className="organisation" aria-label={org.name}>
      <h2>{org.name}</h2>
      <p className="muted small">{t('organisations.reporting', { currency: org.reportingCurrency })}</p>
      <div className="organisation-controls">
        <Field label={t('impact.indicator')} name={`${org.id}-indicator`}>
          {(p) => (
            <select {...p} value={indicator} onChange={(e) => setIndicator(e.target.value)}>
              {(indicators.data?.items ?? []).map((i) => (
                <option key={i.code} value={i.code}>
                  {localized(i.name, locale)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('organisations.year')} name={`${org.id}-year`}>
          {(p) => (
            <input
              {...p}
              inputMode="numeric"
              value={year}
              onChange={(e) => /^\d{0,4}$/.test(e.target.value) && setYear(e.target.value)}
            />
          )}
        </Field>
      </div>
      {year.length === 4 ? <Loaded resource={view}>{(v) => <Programs view={v} />}</Loaded> : null}
      <Rates org={org} onEntered={() => setTick(tick + 1)} />
    </section>
  );
}

type ProgramView = SideBySideAnswer['programs'][number];

function Programs({ view }: { view: SideBySideAnswer }) {
  const { t } = useI18n();
  if (view.programs.length === 0) return <p className="muted">{t('organisations.noPrograms')}</p>;
  return (
    <ul className="side-by-side" aria-label={t('organisations.sideBySide')}>
      {view.programs.map((p) => (
        <ProgramCard key={p.program.id} p={p} reporting={view.organisation.reportingCurrency} />
      ))}
    </ul>
  );
}

function ProgramCard({ p, reporting }: { p: ProgramView; reporting: string }) {
  const { t, locale } = useI18n();
  const label = (by: Record<string, string>) =>
    by.sex === undefined
      ? t('organisations.total')
      : by.sex === 'female' || by.sex === 'male'
        ? t(`sex.${by.sex}`)
        : t('organisations.sexUnknown');
  return (
    <li className="panel program-figures" data-testid="program-figures" data-currency={p.program.currency}>
      <h3>
        {p.program.name} <span className="chip">{p.program.country}</span>
      </h3>
      <p className="muted small">
        {p.conversion === 'same'
          ? t('organisations.sameCurrency', { currency: p.program.currency })
          : p.rate
            ? t('organisations.rateUsed', {
                from: p.program.currency,
                into: reporting,
                rate: formatRate(p.rate.rate, locale),
                date: formatDate(p.rate.asOf, locale),
              })
            : t('organisations.noRateFor', { from: p.program.currency, into: reporting })}
      </p>
      {p.rows.length === 0 ? (
        <p className="muted">{t('organisations.nothing')}</p>
      ) : (
        <dl className="figures">
          {p.rows.map((r, i) => (
            <div key={i}>
              <dt>{label(r.by)}</dt>
              <dd>
                <strong data-testid="own-figure">{figureText(r, locale)}</strong>
                {r.currency && r.value !== null ? (
                  <span className="small" data-testid="converted">
                    {r.converted
                      ? `≈ ${formatMoney({ amount: r.converted.amount, currency: r.converted.currency }, locale)}`
                      : t('organisations.noRate')}
                  </span>
                ) : null}
              </dd>
            </div>
          ))}
        </dl>
      )}
    </li>
  );
}

function figureText(r: ProgramView['rows'][number], locale: string) {
  if (r.suppressed) return r.complementary ? 'x' : '<5';
  if (r.value === null) return '—';
  if (r.currency) return formatMoney({ amount: r.value, currency: r.currency }, locale);
  return new Intl.NumberFormat(locale).format(Number(r.value));
}

function Rates({ org, onEntered }: { org: OrganisationAnswer; onEntered: () => void }) {
  const { t, locale } = useI18n();
  const rates = useResource(`rates|${org.id}`, (signal) => listRates(org.id, signal));
  const currencies = [...new Set(org.programs.map((p) => p.currency))].filter((c) => c !== org.reportingCurrency);
  const [currency, setCurrency] = useState(currencies[0] ?? '');
  const [rate, setRate] = useState('');
  const [asOf, setAsOf] = useState(new Date().toISOString().slice(0, 10));
  const [saved, setSaved] = useState(false);
  const form = useFormState();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const body = { currency, rate: rate.trim().replace(',', '.'), asOf };
    if (await form.submit(rateBody, body, async () => void (await enterRate(org.id, body)))) {
      setSaved(true);
      setRate('');
      rates.reload();
      onEntered();
    }
  };
  return (
    <div className="panel rates">
      <h3>{t('organisations.rates')}</h3>
      <Loaded resource={rates}>
        {(r) =>
          r.items.length === 0 ? (
            <p className="muted small">{t('organisations.noRates')}</p>
          ) : (
            <ul className="rows" aria-label={t('organisations.rates')}>
              {r.items.map((x) => (
                <li key={`${x.currency}|${x.asOf}`} className="small">
                  {t('organisations.rateLine', {
                    from: x.currency,
                    into: x.into,
                    rate: formatRate(x.rate, locale),
                    date: formatDate(x.asOf, locale),
                  })}
                </li>
              ))}
            </ul>
          )
        }
      </Loaded>
      {org.abilities.enterRates && currencies.length > 0 ? (
        <form onSubmit={(e) => void submit(e)} noValidate aria-label={t('organisations.enterRate')}>
          <Field label={t('organisations.currency')} name={`${org.id}-currency`} error={form.errors.currency}>
            {(p) => (
              <select {...p} value={currency} onChange={(e) => setCurrency(e.target.value)}>
                {currencies.map((c) => (
                  <option key={c} value={c}>
                    {c}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field
            label={t('organisations.rate', { into: org.reportingCurrency, from: currency })}
            name={`${org.id}-rate`}
            error={form.errors.rate}
          >
            {(p) => <input {...p} inputMode="decimal" value={rate} onChange={(e) => setRate(e.target.value)} />}
          </Field>
          <Field label={t('organisations.asOf')} name={`${org.id}-as-of`} error={form.errors.asOf}>
            {(p) => <input {...p} type="date" value={asOf} onChange={(e) => setAsOf(e.target.value)} />}
          </Field>
          <button type="submit" disabled={form.busy}>
            {t('organisations.enterRate')}
          </button>
          {saved ? (
            <p role="status" className="small">
              {t('organisations.rateSaved')}
            </p>
          ) : null}
        </form>
      ) : null}
    </div>
  );
}
