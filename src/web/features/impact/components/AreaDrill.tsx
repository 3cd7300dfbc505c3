import { useId } from 'react';
import type { IndicatorAnswer } from '../../../../shared/schemas/impact';
import { Loaded } from '../../../components/Loaded';
import { useI18n } from '../../../i18n/i18n';
import { useResource } from '../../../lib/use-resource';
import { getValues } from '../api/impact';
import { LEVELS, valueText } from './value-text';

export interface AreaStep {
  code: string;
  name: string;
}

interface DrillProps {
  indicators: IndicatorAnswer[];
  indicator: string;
  onIndicator: (code: string) => void;
  programId: string;
  /** The areas from the country down to the one looked at now. */
  path: AreaStep[];
  year: string;
  onOpen: (area: AreaStep) => void;
}

/** The areas one level below the current one, each with its value for the chosen indicator; tap to go down. */
export function AreaDrill({ indicators, indicator, onIndicator, programId, path, year, onOpen }: DrillProps) {
  const { t, locale } = useI18n();
  const selectId = useId();
  const level = LEVELS[path.length];
  const area = path.at(-1)?.code;
  const query = { indicator, programId, area, level, period: year };
  const below = useResource(level ? JSON.stringify(query) : null, (signal) => getValues(query, signal));
  if (!level) return null;
  const deeper = path.length + 1 < LEVELS.length;
  return (
    <section className="panel" aria-labelledby={`${selectId}-heading`}>
      <h2 id={`${selectId}-heading`}>{t('impact.areasBelow', { level: t(`level.${level}`) })}</h2>
      <div className="filters">
        <label className="grow" htmlFor={selectId}>
          <span>{t('impact.indicator')}</span>
          <select id={selectId} value={indicator} onChange={(e) => onIndicator(e.target.value)}>
            {indicators.map((i) => (
              <option key={i.code} value={i.code}>
                {i.name[locale] ?? i.name.id ?? i.code}
              </option>
            ))}
          </select>
        </label>
      </div>
      <Loaded resource={below}>
        {(answer) =>
          answer.rows.length === 0 ? (
            <p className="muted">{t('impact.noAreas')}</p>
          ) : (
            <ul className="rows" aria-label={t('impact.areasBelow', { level: t(`level.${level}`) })}>
              {answer.rows.map((row) => {
                if (!row.area) return null;
                const step = { code: row.area.code, name: row.area.name };
                const content = (
                  <>
                    <span>{row.area.name}</span>
                    <span className="muted small">{valueText(row, locale)}</span>
                  </>
                );
                return (
                  <li key={`${row.area.code}-${row.currency ?? ''}`}>
                    {deeper ? (
                      <button type="button" className="row-button" onClick={() => onOpen(step)}>
                        {content}
                      </button>
                    ) : (
                      <div className="row-static">{content}</div>
                    )}
                  </li>
                );
              })}
            </ul>
          )
        }
      </Loaded>
    </section>
  );
}
