import type { Dhis2PeriodType } from '../../../shared/schemas/dhis2.js';

/**
 * DHIS2's fixed periods, as its Web API documents them ("Date and period format", dhis2-docs
 * src/developer/web-api/overview.md): `yyyyMM` a month, `yyyyQn` a quarter, `yyyy` a year, and
 * financial years named by the year they start in — `2004April` is April 2004 to March 2005,
 * `2004July` July 2004 to June 2005, `2004Oct` October 2004 to September 2005.
 */
export interface Dhis2Period {
  /** DHIS2's name of the period (`202603`, `2026Q1`, `2026July`). */
  name: string;
  type: Dhis2PeriodType;
  /** The same period as OVOP's impact values take it (`2026-03`, `2026Q1`, `2026-07-01..2027-06-30`). */
  ovop: string;
}

const FINANCIAL = { April: 4, July: 7, Oct: 10 } as const;
const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** A period written the DHIS2 way or OVOP's way (`2026-03` for a month); undefined when it is neither. */
export function dhis2Period(text: string): Dhis2Period | undefined {
  const m = /^(\d{4})(?:(0[1-9]|1[0-2])|-(0[1-9]|1[0-2])|Q([1-4])|(April|July|Oct))?$/.exec(text);
  if (!m) return undefined;
  const year = m[1]!;
  const month = m[2] ?? m[3];
  if (month) return { name: `${year}${month}`, type: 'Monthly', ovop: `${year}-${month}` };
  if (m[4]) return { name: `${year}Q${m[4]}`, type: 'Quarterly', ovop: `${year}Q${m[4]}` };
  if (m[5]) {
    const start = FINANCIAL[m[5] as keyof typeof FINANCIAL];
    const endYear = Number(year) + 1;
    const ovop = `${year}-${pad(start)}-01..${endYear}-${pad(start - 1)}-${pad(lastDay(endYear, start - 1))}`;
    return { name: `${year}${m[5]}`, type: `Financial${m[5]}` as Dhis2PeriodType, ovop };
  }
  return { name: year, type: 'Yearly', ovop: year };
}
