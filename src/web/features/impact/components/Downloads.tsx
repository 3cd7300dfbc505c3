import type { IndicatorAnswer } from '../../../../shared/schemas/impact';
import { useI18n } from '../../../i18n/i18n';
import { impactExportUrl, impactReportUrl } from '../api/impact';
import { LEVELS } from './value-text';

interface DownloadsProps {
  indicators: IndicatorAnswer[];
  /** The indicator the areas below are shown for. */
  indicator: string;
  programId: string;
  /** The area looked at now (none: the whole country) and how deep it is. */
  area: string | undefined;
  depth: number;
  year: string;
}

/**
 * The shown view as a file: the areas below for the chosen indicator as CSV or XLSX, and the
 * program's impact report for the year as a PDF — each in the reader's language, within their grants.
 */
export function Downloads({ indicators, indicator, programId, area, depth, year }: DownloadsProps) {
  const { t, locale } = useI18n();
  const found = indicators.find((i) => i.code === indicator);
  const name = found ? (found.name[locale] ?? found.name.id ?? indicator) : indicator;
  const view = { indicator, programId, area, level: LEVELS[depth], period: year, lang: locale };
  return (
    <section className="panel" aria-labelledby="impact-downloads">
      <h2 id="impact-downloads">{t('impact.download.title')}</h2>
      <div className="downloads">
        <span className="muted small">{t('impact.download.label', { indicator: name })}</span>
        <a
          className="button secondary"
          href={impactExportUrl({ ...view, format: 'csv' })}
          download
          data-testid="impact-csv"
        >
          {t('impact.download.csv')}
        </a>
        <a
          className="button secondary"
          href={impactExportUrl({ ...view, format: 'xlsx' })}
          download
          data-testid="impact-xlsx"
        >
          {t('impact.download.xlsx')}
        </a>
      </div>
      <p>
        <a
          className="button"
          href={impactReportUrl(programId, { period: year, area, lang: locale })}
          download
          data-testid="impact-report-pdf"
        >
          {t('impact.download.report', { year })}
        </a>
      </p>
    </section>
  );
}
