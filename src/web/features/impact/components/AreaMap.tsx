import { useId, type ReactNode } from 'react';
import type { BoundariesAnswer } from '../../../../shared/schemas/geography';
import type { IndicatorAnswer } from '../../../../shared/schemas/impact';
import { Loaded } from '../../../components/Loaded';
import { useI18n } from '../../../i18n/i18n';
import { useResource } from '../../../lib/use-resource';
import { getValues } from '../api/impact';
import { getBoundaries, listAreaNames } from '../api/boundaries';
import type { AreaStep } from './AreaDrill';
import { AreaTable, type TableRow } from './AreaTable';
import { ChoroplethMap } from './ChoroplethMap';
import { areaRows, classBreaks, classOf, NO_FIGURE, numberOf, SHADES } from './choropleth';
import { decimalText, LEVELS, valueText } from './value-text';

/** The map draws provinces and regencies; below, the drill list alone is enough. */
const MAP_LEVELS = 2;

interface AreaMapProps {
  indicator: IndicatorAnswer | undefined;
  programId: string;
  country: string;
  /** The drill state the dashboard shares with AreaDrill: the areas from the country down. */
  path: AreaStep[];
  year: string;
  onOpen: (area: AreaStep) => void;
}

/**
 * The chosen indicator for the year on a map of the areas one level down (provinces, or the regencies
 * of the province drilled into), with a legend, the outlines' licence and credit, and a table of the
 * same numbers. Where a level has no outlines, the table alone says it all, with a line saying why.
 */
export function AreaMap({ indicator, programId, country, path, year, onOpen }: AreaMapProps) {
  const { t, locale } = useI18n();
  const headingId = useId();
  const level = path.length < MAP_LEVELS ? LEVELS[path.length] : undefined;
  const parent = path.at(-1)?.code;
  const query = indicator && { indicator: indicator.code, programId, area: parent, level, period: year };
  const values = useResource(level && query ? JSON.stringify(query) : null, (signal) => getValues(query!, signal));
  const outlines = useResource(level ? `boundaries|${country}|${level}` : null, (signal) =>
    getBoundaries({ country, level: level! }, signal),
  );
  const names = useResource(level ? `area-names|${country}|${level}|${parent ?? ''}` : null, (signal) =>
    listAreaNames({ country, level: level!, parent }, signal),
  );
  if (!level || !indicator) return null;
  const levelName = t(`level.${level}`);
  const indicatorName = indicator.name[locale] ?? indicator.name.id ?? indicator.code;
  const title = t('impact.map.title', { indicator: indicatorName, level: levelName, year });
  const deeper = path.length + 1 < LEVELS.length;

  return (
    <section className="panel area-map" aria-labelledby={headingId} data-testid="area-map">
      <h2 id={headingId}>{title}</h2>
      <Loaded resource={values}>
        {(answer) => {
          const rows = areaRows(answer.rows);
          const numbers = rows.map(numberOf).filter((n): n is number => n !== null);
          const breaks = classBreaks(numbers);
          const currency = rows[0]?.currency ?? null;
          const shade = (value: number | null) => (value === null ? null : classOf(value, breaks));
          const byCode = new Map(rows.map((row) => [row.area.code, row]));
          const text = (n: number) => decimalText(String(n), currency, locale);
          // Whole counts read as "0–1", "2–3", "8 and more"; money and fractions as "0 to under 2".
          const whole = currency === null && [...numbers, ...breaks].every(Number.isInteger);
          const legendText = (i: number) => {
            const from = breaks[i]!;
            const to = breaks[i + 1]!;
            if (i === SHADES.length - 1) return t('impact.map.from', { from: text(from) });
            if (!whole) return t('impact.map.range', { from: text(from), to: text(to) });
            return to - 1 === from ? text(from) : t('impact.map.span', { from: text(from), to: text(to - 1) });
          };
          const sorted = [...rows].sort((a, b) => (numberOf(b) ?? -Infinity) - (numberOf(a) ?? -Infinity));
          return (
            <OutlinesOrNote outlines={outlines.data} failed={outlines.error !== undefined} levelName={levelName}>
              {(set) => {
                const missing = new Map((set?.missing ?? []).map((m) => [m.code, m]));
                const nameOf = (code: string) =>
                  byCode.get(code)?.area.name ?? names.data?.items.find((a) => a.code === code)?.name ?? code;
                const inside = parent ? `${parent}.` : '';
                const holders = new Set(
                  [...missing.values()].flatMap((m) => (m.within && m.within.startsWith(inside) ? [m.within] : [])),
                );
                const tableRows: TableRow[] = sorted.map((row) => {
                  const cls = shade(numberOf(row));
                  return {
                    row,
                    fill: cls === null ? NO_FIGURE : SHADES[cls]!,
                    unoutlined: set !== null && missing.has(row.area.code),
                  };
                });
                const shown = [...missing.values()].filter((m) => m.code.startsWith(inside)).slice(0, 10);
                const others = (names.data?.items.length ?? 0) - rows.length;
                return (
                  <div className="map-and-table">
                    {set ? (
                      <figure className="map-figure">
                        <ChoroplethMap
                          topology={set.topology}
                          holders={holders}
                          onOpen={deeper ? (code) => onOpen({ code, name: nameOf(code) }) : undefined}
                          areas={(code) => {
                            const row = byCode.get(code);
                            const cls = row ? shade(numberOf(row)) : null;
                            return {
                              fill: cls === null ? NO_FIGURE : SHADES[cls]!,
                              shade: cls === null ? 'none' : String(cls),
                              label: `${nameOf(code)}: ${row ? valueText(row, locale) : t('impact.map.noFigure')}`,
                            };
                          }}
                        />
                        <figcaption className="small muted">
                          {t('impact.map.attribution', { attribution: set.attribution, licence: set.licence })}
                        </figcaption>
                      </figure>
                    ) : null}
                    <div className="map-side">
                      {set ? (
                        <ul className="legend" aria-label={t('impact.map.legend')}>
                          {SHADES.map((fill, i) => (
                            <li key={fill}>
                              <span className="swatch" style={{ background: fill }} aria-hidden="true" />
                              {legendText(i)}
                            </li>
                          ))}
                          <li>
                            <span className="swatch" style={{ background: NO_FIGURE }} aria-hidden="true" />
                            {t('impact.map.noFigure')}
                          </li>
                          {holders.size > 0 ? (
                            <li>
                              <span className="swatch holder" aria-hidden="true" />
                              {t('impact.map.holder', { level: levelName })}
                            </li>
                          ) : null}
                        </ul>
                      ) : null}
                      {rows.length === 0 ? (
                        <p className="muted">{t('impact.noAreas')}</p>
                      ) : (
                        <AreaTable
                          caption={title}
                          rows={tableRows}
                          swatches={set !== null}
                          onOpen={deeper ? onOpen : undefined}
                        />
                      )}
                      {others > 0 ? (
                        <p className="small muted">{t('impact.map.others', { count: others, level: levelName })}</p>
                      ) : null}
                      {shown.length > 0 ? (
                        <ul className="small muted unoutlined" aria-label={t('impact.map.unoutlined')}>
                          {shown.map((m) => (
                            <li key={m.code}>
                              {t('impact.map.within', {
                                name: m.name,
                                within: m.within ? nameOf(m.within) : '—',
                              })}
                            </li>
                          ))}
                        </ul>
                      ) : null}
                      {deeper && rows.length > 0 ? (
                        <p className="small muted">{t(set ? 'impact.map.tapHint' : 'impact.map.tapHintTable')}</p>
                      ) : null}
                    </div>
                  </div>
                );
              }}
            </OutlinesOrNote>
          );
        }}
      </Loaded>
    </section>
  );
}

/**
 * The outlines once loaded, or null with a line saying why there is no map: the level has no
 * outlines (none imported), or they could not be loaded (offline before they were ever kept). The
 * table then stands alone.
 */
function OutlinesOrNote({
  outlines,
  failed,
  levelName,
  children,
}: {
  outlines: BoundariesAnswer | null | undefined;
  failed: boolean;
  levelName: string;
  children: (set: BoundariesAnswer | null) => ReactNode;
}) {
  const { t } = useI18n();
  if (outlines === undefined && !failed) return children(null);
  const set = outlines ?? null;
  return (
    <>
      {set ? null : failed ? (
        <p className="muted" data-testid="no-map">
          {t('impact.map.noMap')}
        </p>
      ) : (
        <p className="muted" data-testid="no-outlines">
          {t('impact.map.noOutlines', { level: levelName })}
        </p>
      )}
      {children(set)}
    </>
  );
}
