import { printedDay, renderPdf, type PdfDoc, type PdfFonts } from '../../documents/index.js';
import type { IndicatorAnswer, TargetAnswer } from '../../../shared/schemas/impact.js';
import { label, labelOf, LOCALE_TAG, type ExportLang } from './export-labels.js';

/**
 * A program's impact report for one period as a PDF: a cover, every indicator's value beside its
 * targets, the month-by-month members and sales drawn as vector charts, the figures by sex, and
 * notes on the definitions and on suppression. The same figures as `GET /api/v1/impact`.
 */
export interface Figure {
  value: string | null;
  currency: string | null;
}

export interface ReportData {
  program: { name: string; code: string };
  area: { code: string; name: string } | null;
  period: { name: string; from: string; to: string };
  madeOn: string;
  lines: { indicator: IndicatorAnswer; figures: Figure[]; targets: TargetAnswer[] }[];
  series: {
    indicator: IndicatorAnswer;
    kind: 'line' | 'bar';
    points: { period: string; value: number }[];
    currency: string | null;
  }[];
  bySex: { indicator: IndicatorAnswer; rows: { sex: string; figure: Figure }[] }[];
  threshold: number;
}

/** A count as the reader's language groups digits; money with its currency. */
export function formatFigure(f: Figure, lang: ExportLang): string {
  if (f.value === null) return '—';
  const n = Number(f.value);
  if (!f.currency) return new Intl.NumberFormat(LOCALE_TAG[lang]).format(n);
  const digits = f.currency === 'IDR' && Number.isInteger(n) ? 0 : 2;
  return new Intl.NumberFormat(LOCALE_TAG[lang], {
    style: 'currency',
    currency: f.currency,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  })
    .format(n)
    .replace(/\u00a0|\u202f/g, ' ');
}

const formatDay = (iso: string, lang: ExportLang) => printedDay(iso, lang);

const percent = (p: number | null, lang: ExportLang) =>
  p === null ? '—' : new Intl.NumberFormat(LOCALE_TAG[lang], { style: 'percent', maximumFractionDigits: 0 }).format(p);

const STATUS_COLOURS: Record<TargetAnswer['status'], string> = {
  not_started: '#6b7280',
  on_track: '#15803d',
  at_risk: '#b45309',
  off_track: '#b91c1c',
  met: '#15803d',
  missed: '#b91c1c',
};

function table(
  doc: PdfDoc,
  fonts: PdfFonts,
  widths: number[],
  rows: { cells: string[]; bold?: boolean; colour?: string; indent?: number }[],
) {
  const left = doc.page.margins.left;
  const x = (i: number) => left + widths.slice(0, i).reduce((a, b) => a + b, 0);
  for (const row of rows) {
    if (doc.y > doc.page.height - doc.page.margins.bottom - 30) doc.addPage();
    const y = doc.y;
    let bottom = y;
    row.cells.forEach((text, i) => {
      const last = i === row.cells.length - 1;
      doc
        .font(row.bold ? fonts.bold : fonts.regular)
        .fontSize(row.bold ? 9 : 8.5)
        .fillColor(last && row.colour ? row.colour : '#111827');
      const indent = i === 0 ? (row.indent ?? 0) : 0;
      doc.text(text, x(i) + indent, y, { width: widths[i]! - 6 - indent, align: i === 0 || last ? 'left' : 'right' });
      bottom = Math.max(bottom, doc.y);
    });
    doc.y = bottom + 3;
    if (row.bold) {
      doc
        .moveTo(left, doc.y - 1)
        .lineTo(x(widths.length), doc.y - 1)
        .lineWidth(0.5)
        .strokeColor('#9ca3af')
        .stroke();
      doc.y += 2;
    }
  }
  doc.fillColor('#111827');
  doc.x = left;
}

/** A bar or line chart in vectors: bars (or points joined) over the periods, the largest value on the axis. */
function chart(doc: PdfDoc, fonts: PdfFonts, s: ReportData['series'][number], lang: ExportLang, title: string) {
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const height = 120;
  if (doc.y > doc.page.height - doc.page.margins.bottom - height - 60) doc.addPage();
  doc.font(fonts.bold).fontSize(10).fillColor('#111827').text(title, left, doc.y);
  doc.moveDown(0.3);
  const top = doc.y + 8;
  const axisX = left + 70;
  const plotW = width - 80;
  const max = Math.max(1, ...s.points.map((p) => p.value));
  const yOf = (v: number) => top + height - (v / max) * height;
  doc.font(fonts.regular).fontSize(7).fillColor('#4b5563');
  doc.text(formatFigure({ value: String(max), currency: s.currency }, lang), left, top - 4, {
    width: 66,
    align: 'right',
  });
  doc.text('0', left, top + height - 4, { width: 66, align: 'right' });
  doc
    .moveTo(axisX, top)
    .lineTo(axisX, top + height)
    .lineTo(axisX + plotW, top + height)
    .lineWidth(0.6)
    .strokeColor('#6b7280')
    .stroke();
  const step = plotW / Math.max(1, s.points.length);
  const xOf = (i: number) => axisX + step * i + step / 2;
  if (s.kind === 'bar') {
    s.points.forEach((p, i) => {
      const h = (p.value / max) * height;
      if (h > 0) doc.rect(xOf(i) - step * 0.3, top + height - h, step * 0.6, h).fill('#0f766e');
    });
  } else if (s.points.length) {
    s.points.forEach((p, i) => (i === 0 ? doc.moveTo(xOf(i), yOf(p.value)) : doc.lineTo(xOf(i), yOf(p.value))));
    doc.lineWidth(1.5).strokeColor('#1d4ed8').stroke();
    s.points.forEach((p, i) => doc.circle(xOf(i), yOf(p.value), 2).fill('#1d4ed8'));
  }
  doc.fillColor('#4b5563').fontSize(6.5);
  s.points.forEach((p, i) => {
    const short = /^\d{4}-\d{2}$/.test(p.period) ? p.period.slice(5) : p.period;
    doc.text(short, xOf(i) - step / 2, top + height + 3, { width: step, align: 'center', lineBreak: false });
  });
  doc.fillColor('#111827');
  doc.x = left;
  doc.y = top + height + 18;
}

export async function impactReportPdf(data: ReportData, wanted: ExportLang): Promise<Buffer> {
  const title = `${label('impactReport', wanted)} — ${data.program.name} — ${data.period.name}`;
  return renderPdf({ title }, (doc, fonts) => {
    // Without a Unicode font on the machine, Japanese cannot be drawn: print English instead.
    const l: ExportLang = fonts.unicode || wanted !== 'ja' ? wanted : 'en';
    const left = doc.page.margins.left;
    const width = doc.page.width - left - doc.page.margins.right;
    const name = (i: IndicatorAnswer) => i.name[l] ?? i.code;

    // Cover.
    doc.y = 200;
    doc.font(fonts.bold).fontSize(26).text(label('impactReport', l), { width });
    doc.moveDown(0.5);
    doc.font(fonts.bold).fontSize(16).text(data.program.name, { width });
    doc.font(fonts.regular).fontSize(12).fillColor('#374151');
    doc.text(
      `${label('period', l)}: ${data.period.name} (${formatDay(data.period.from, l)} – ${formatDay(data.period.to, l)})`,
    );
    doc.text(`${label('area', l)}: ${data.area ? `${data.area.name} (${data.area.code})` : label('wholeCountry', l)}`);
    doc.moveDown(2);
    doc.fontSize(10).text(`${label('made', l)}: ${formatDay(data.madeOn, l)}`);
    doc.fillColor('#111827');

    // Indicators against their targets.
    doc.addPage();
    doc.font(fonts.bold).fontSize(14).text(label('indicators', l));
    doc.moveDown(0.5);
    const widths = [0.3, 0.18, 0.13, 0.13, 0.1, 0.16].map((f) => f * width);
    const rows: Parameters<typeof table>[3] = [
      {
        cells: ['indicator', 'value', 'baseline', 'target', 'progress', 'status'].map((k) => label(k as 'value', l)),
        bold: true,
      },
    ];
    for (const line of data.lines) {
      const value = line.figures.length ? line.figures.map((f) => formatFigure(f, l)).join(' + ') : '0';
      const money = line.figures[0]?.currency ?? null;
      const first =
        line.targets.length === 1 && !line.targets[0]!.area && !Object.keys(line.targets[0]!.breakdown).length;
      if (first) {
        const t = line.targets[0]!;
        rows.push({
          cells: [
            name(line.indicator),
            value,
            formatFigure({ value: t.baseline, currency: money }, l),
            formatFigure({ value: t.target, currency: money }, l),
            percent(t.progress, l),
            labelOf(`status.${t.status}`, l),
          ],
          colour: STATUS_COLOURS[t.status],
        });
        continue;
      }
      rows.push({
        cells: [name(line.indicator), value, '', '', '', line.targets.length ? '' : label('noTarget', l)],
        colour: '#6b7280',
      });
      for (const t of line.targets) {
        const where = [t.area?.name, ...Object.entries(t.breakdown).map(([d, v]) => labelOf(`${d}.${v}`, l))]
          .filter(Boolean)
          .join(', ');
        rows.push({
          cells: [
            `↳ ${where}`,
            formatFigure({ value: t.actual, currency: money }, l),
            formatFigure({ value: t.baseline, currency: money }, l),
            formatFigure({ value: t.target, currency: money }, l),
            percent(t.progress, l),
            labelOf(`status.${t.status}`, l),
          ],
          colour: STATUS_COLOURS[t.status],
          indent: 8,
        });
      }
    }
    table(doc, fonts, widths, rows);

    // The period month by month.
    doc.moveDown(1);
    for (const s of data.series) chart(doc, fonts, s, l, `${name(s.indicator)} — ${label('monthly', l)}`);

    // By sex.
    if (doc.y > doc.page.height - 200) doc.addPage();
    doc.moveDown(0.5);
    doc.font(fonts.bold).fontSize(14).text(label('bySex', l), left);
    doc.moveDown(0.4);
    const sexWidths = [0.5, 0.25, 0.25].map((f) => f * width);
    for (const b of data.bySex) {
      table(doc, fonts, sexWidths.slice(0, 2), [
        { cells: [name(b.indicator), label('value', l)], bold: true },
        ...b.rows.map((r) => ({ cells: [labelOf(`sex.${r.sex}`, l), formatFigure(r.figure, l)] })),
      ]);
      doc.moveDown(0.5);
    }

    // Notes.
    doc.addPage();
    doc.font(fonts.bold).fontSize(14).text(label('definitions', l));
    doc.moveDown(0.4);
    for (const line of data.lines) {
      doc.font(fonts.bold).fontSize(9.5).text(name(line.indicator));
      doc
        .font(fonts.regular)
        .fontSize(9)
        .text(line.indicator.definition[l] ?? '', { paragraphGap: 4 });
    }
    doc.moveDown(0.6);
    doc.font(fonts.bold).fontSize(11).text(label('suppression', l));
    doc
      .font(fonts.regular)
      .fontSize(9)
      .text(label('suppressedNone', l, { n: data.threshold }));
  });
}
