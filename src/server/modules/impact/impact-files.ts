import type { ImpactAnswer } from '../../../shared/schemas/impact.js';
import { newWorkbook } from '../../documents/index.js';
import { label, labelOf, type ExportLang } from './export-labels.js';

/**
 * One view of the indicators (the answer of `GET /api/v1/impact`) as a CSV or a workbook: one line
 * per area, period and breakdown cell, with the same values as the JSON; a count suppressed for the
 * audience reads "<5" (the program's threshold).
 */
export interface ImpactFile {
  answer: ImpactAnswer;
  lang: ExportLang;
  /** The threshold below which a count of people is shown as "<n"; null when nothing is suppressed for this reader. */
  suppressBelow: number | null;
  /** The program's threshold, for the note when this reader sees everything. */
  programThreshold: number;
  programName: string | null;
  madeOn: string;
}

const columns = (f: ImpactFile) => [
  label('areaCode', f.lang),
  label('areaName', f.lang),
  label('period', f.lang),
  ...f.answer.by.map((d) => labelOf(`dim.${d}`, f.lang)),
  label('value', f.lang),
  label('currency', f.lang),
];

const suppressedText = (f: ImpactFile) => `<${f.suppressBelow ?? f.programThreshold}`;

function cells(f: ImpactFile) {
  return f.answer.rows.map((r) => ({
    area: r.area ?? { code: '', name: f.answer.area?.name ?? label('wholeCountry', f.lang) },
    period: r.period,
    by: f.answer.by.map((d) => r.by[d] ?? ''),
    value: r.complementary ? 'x' : r.suppressed ? suppressedText(f) : r.value,
    currency: r.currency ?? '',
  }));
}

/** A field as RFC 4180 writes it: quoted when it holds a comma, a quote or a line break; quotes doubled. */
const field = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** UTF-8 with a byte-order mark (so Excel reads Indonesian and Japanese right), CRLF line ends. */
export function impactCsv(f: ImpactFile): Buffer {
  const lines = [
    columns(f),
    ...cells(f).map((c) => [c.area.code, c.area.name, c.period, ...c.by, c.value ?? '', c.currency]),
  ];
  return Buffer.from(`\uFEFF${lines.map((l) => l.map(field).join(',')).join('\r\n')}\r\n`, 'utf8');
}

/** What the notes say: the indicator, its definition, the view asked and how small counts are shown. */
export function notesOf(f: ImpactFile): [string, string][] {
  const a = f.answer;
  const l = f.lang;
  return [
    [label('indicator', l), `${a.indicator.name[l] ?? a.indicator.code} (${a.indicator.code})`],
    [label('definition', l), a.indicator.definition[l] ?? ''],
    [label('unit', l), labelOf(`unit.${a.indicator.unit}`, l)],
    ...(f.programName ? [[label('program', l), f.programName] as [string, string]] : []),
    [label('area', l), a.area ? `${a.area.name} (${a.area.code})` : label('wholeCountry', l)],
    ...(a.level ? [[label('level', l), a.level] as [string, string]] : []),
    [label('period', l), `${a.period.name} (${a.period.from} – ${a.period.to})`],
    [label('every', l), labelOf(`every.${a.every}`, l)],
    ...(a.by.length
      ? [[label('breakdown', l), a.by.map((d) => labelOf(`dim.${d}`, l)).join(', ')] as [string, string]]
      : []),
    [
      label('suppression', l),
      f.suppressBelow
        ? label('suppressedPublic', l, { n: f.suppressBelow })
        : label('suppressedNone', l, { n: f.programThreshold }),
    ],
    [label('made', l), f.madeOn],
  ];
}

/** A data sheet (numbers as numbers, "<5" as text) and a notes sheet. */
export async function impactXlsx(f: ImpactFile): Promise<Buffer> {
  const workbook = await newWorkbook();
  const ws = workbook.addWorksheet(label('data', f.lang));
  const heads = columns(f);
  ws.columns = heads.map((h, i) => ({
    header: h,
    width: i === 1 ? 32 : i === heads.length - 2 ? 18 : 14,
    ...(i === heads.length - 2
      ? {
          style: {
            numFmt:
              f.answer.indicator.unit.startsWith('money') || f.answer.indicator.unit === 'hours' ? '#,##0.##' : '#,##0',
          },
        }
      : {}),
  }));
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  for (const c of cells(f)) {
    const value = c.value === null ? null : /^-?\d+(\.\d+)?$/.test(c.value) ? Number(c.value) : c.value;
    ws.addRow([c.area.code, c.area.name, c.period, ...c.by, value, c.currency]);
  }
  const notes = workbook.addWorksheet(label('notes', f.lang));
  notes.columns = [{ width: 22 }, { width: 100 }];
  for (const [k, v] of notesOf(f)) {
    const row = notes.addRow([k, v]);
    row.getCell(1).font = { bold: true };
    row.getCell(2).alignment = { wrapText: true, vertical: 'top' };
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
