import type { ImpactRow } from '../../../../shared/schemas/impact';
import { useI18n } from '../../../i18n/i18n';
import type { AreaStep } from './AreaDrill';
import { valueText } from './value-text';

export interface TableRow {
  row: ImpactRow & { area: AreaStep };
  /** The legend colour of the row's value (shown as a swatch, as on the map). */
  fill: string;
  /** True for an area without an outline of its own (marked "*", explained below the table). */
  unoutlined: boolean;
}

interface TableProps {
  caption: string;
  rows: TableRow[];
  /** The map's colours beside each name: only where a map with its legend is shown. */
  swatches: boolean;
  /** Opens an area (drills down); absent at the lowest level. */
  onOpen: ((area: AreaStep) => void) | undefined;
}

/**
 * The map's numbers as a table, highest first: the accessible equivalent of the map (a caption, a
 * row header per area, its value), and the way to drill by keyboard — each area name is a button.
 */
export function AreaTable({ caption, rows, swatches, onOpen }: TableProps) {
  const { t, locale } = useI18n();
  return (
    <table className="area-table">
      {/* The section's heading says the same on screen; the caption names the table for a screen reader. */}
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('impact.map.area')}</th>
          <th scope="col" className="num">
            {t('impact.value')}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map(({ row, fill, unoutlined }) => (
          <tr key={row.area.code} data-area={row.area.code}>
            <th scope="row">
              {swatches ? <span className="swatch" style={{ background: fill }} aria-hidden="true" /> : null}
              {onOpen ? (
                <button
                  type="button"
                  className="link"
                  onClick={() => onOpen({ code: row.area.code, name: row.area.name })}
                >
                  {row.area.name}
                </button>
              ) : (
                row.area.name
              )}
              {unoutlined ? <span title={t('impact.map.unoutlined')}> *</span> : null}
            </th>
            <td className="num">{valueText(row, locale)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
