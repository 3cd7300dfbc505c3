import {
  CLASS_CONDITIONS,
  type ImpactRow,
  type IndicatorAnswer,
  type TargetAnswer,
} from '../../../../shared/schemas/impact';
import { cardRows } from '../../../components/card-table';
import { useI18n } from '../../../i18n/i18n';
import { useResource } from '../../../lib/use-resource';
import { getValues } from '../api/impact';
import { TrendLine } from './TrendLine';
import { decimalText, valueText } from './value-text';

/** The one breakdown a card shows, for the indicators that allow it. */
type CardDimension = 'sex' | 'market' | 'stars' | 'cert_kind' | 'condition';
const CARD_BREAKDOWN: Record<string, CardDimension> = {
  members: 'sex',
  sales_revenue: 'market',
  products_rated: 'stars',
  certifications_valid: 'cert_kind',
  training_participants: 'sex',
  training_completions: 'sex',
  orders_placed: 'market',
  groups_naik_kelas: 'condition',
};

/** Breakdown values with a text of their own, and where it is; anything else reads as "unknown". */
const KNOWN_VALUES: Record<CardDimension, { values: readonly string[]; key: (value: string) => string }> = {
  sex: { values: ['female', 'male'], key: (v) => `sex.${v}` },
  market: { values: ['local', 'national', 'export'], key: (v) => `impact.market.${v}` },
  stars: { values: ['1', '2', '3', '4', '5'], key: (v) => `impact.stars.${v}` },
  cert_kind: {
    values: ['pirt', 'bpom_md', 'halal', 'sni', 'organic', 'fda_registration', 'other'],
    key: (v) => `certKind.${v}`,
  },
  condition: { values: CLASS_CONDITIONS, key: (v) => `impact.condition.${v}` },
};

interface CardProps {
  indicator: IndicatorAnswer;
  programId: string;
  area: string | undefined;
  year: string;
  target: TargetAnswer | undefined;
}

/**
 * One number per month of the year up to this month: a month with no row counted nothing (0), a
 * suppressed one is a gap. Money in several currencies draws the first currency's line only.
 */
function monthlySeries(rows: ImpactRow[], year: string): (number | null)[] {
  const now = new Date().toISOString().slice(0, 7);
  const last = now.startsWith(year) ? Number(now.slice(5, 7)) : 12;
  const currency = rows[0]?.currency ?? null;
  const byMonth = new Map(rows.filter((r) => r.currency === currency).map((r) => [r.period, r]));
  return Array.from({ length: last }, (_, i) => {
    const row = byMonth.get(`${year}-${String(i + 1).padStart(2, '0')}`);
    if (!row) return 0;
    return row.suppressed || row.value === null ? null : Number(row.value);
  });
}

/** A target's progress against the share of the year gone by, with its status in words. */
function TargetProgress({ target, currency }: { target: TargetAnswer; currency: string | null }) {
  const { t, locale } = useI18n();
  const progress = Math.max(0, Math.min(target.progress ?? 0, 1));
  return (
    <div className="target" data-testid="target">
      <div className="target-line">
        <span className="small">
          {t('impact.target.summary', {
            actual: decimalText(target.actual, currency, locale),
            target: decimalText(target.target, currency, locale),
          })}
        </span>
        <span className={`chip status-${target.status}`} data-testid="target-status">
          {t(`impact.status.${target.status}`)}
        </span>
      </div>
      <progress max={1} value={progress} aria-label={t('impact.target.progress')} />
    </div>
  );
}

function Breakdown({ rows, by, name }: { rows: ImpactRow[]; by: CardDimension; name: string }) {
  const { t, locale } = useI18n();
  const known = KNOWN_VALUES[by];
  const label = (value: string | undefined) =>
    value && known.values.includes(value) ? t(known.key(value)) : t('impact.unknown');
  return (
    <table className="breakdown compact" ref={cardRows}>
      <caption className="small">{t('impact.breakdown', { name, by: t(`impact.by.${by}`) })}</caption>
      <thead>
        <tr>
          <th scope="col">{t(`impact.by.${by}`)}</th>
          <th scope="col" className="num">
            {t('impact.value')}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={`${row.by[by]}-${row.currency ?? ''}`}>
            <th scope="row">{label(row.by[by])}</th>
            <td className="num">{valueText(row, locale)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** One indicator: this year's value at the area, its line by month, its target and one breakdown. */
export function IndicatorCard({ indicator, programId, area, year, target }: CardProps) {
  const { t, locale } = useI18n();
  const name = indicator.name[locale] ?? indicator.name.id ?? indicator.code;
  const base = { indicator: indicator.code, programId, area, period: year };
  const key = `${indicator.code}|${programId}|${area ?? ''}|${year}`;
  const value = useResource(`value|${key}`, (signal) => getValues(base, signal));
  const months = useResource(`months|${key}`, (signal) => getValues({ ...base, every: 'month' }, signal));
  const dimension = CARD_BREAKDOWN[indicator.code];
  const by = dimension && indicator.disaggregations.includes(dimension) ? dimension : undefined;
  const split = useResource(by ? `by|${key}` : null, (signal) => getValues({ ...base, by }, signal));
  const series = months.data ? monthlySeries(months.data.rows, year) : [];
  const rows = value.data?.rows ?? [];
  const currency = rows[0]?.currency ?? null;

  return (
    <li className="card indicator" data-testid={`indicator-${indicator.code}`}>
      <h2 className="card-heading">{name}</h2>
      <p className="figure" data-testid="figure">
        {value.error ? (
          <span role="alert">{t('error.load')}</span>
        ) : value.data === undefined ? (
          <span className="muted">…</span>
        ) : rows.length === 0 ? (
          valueText(undefined, locale)
        ) : (
          rows.map((row) => <span key={row.currency ?? 'count'}>{valueText(row, locale)}</span>)
        )}
        <span className="muted small"> · {t('impact.year', { year })}</span>
      </p>
      {series.length > 0 ? <TrendLine values={series} label={t('impact.trend', { name })} /> : null}
      {target ? <TargetProgress target={target} currency={currency} /> : null}
      {by && split.data && split.data.rows.length > 0 ? <Breakdown rows={split.data.rows} by={by} name={name} /> : null}
    </li>
  );
}
