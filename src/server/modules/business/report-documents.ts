import ExcelJS from 'exceljs';
import { localized, type Localized } from '../../../shared/localized.js';
import type { Money } from '../../../shared/money.js';
import { renderPdf, type PdfDoc, type PdfFonts } from '../../documents/index.js';
import { notesOf } from './notes.js';
import { label, type ReportLocale } from './report-labels.js';
import type { Statements } from './reports.service.js';

/** The SAK EMKM statements for one period as a printable PDF or an XLSX workbook. */
interface Row {
  text: string;
  amount?: Money;
  level: 0 | 1 | 2;
  total?: boolean;
}

const name = (n: Localized, locale: ReportLocale) => localized(n, locale) ?? '';

function positionRows(s: Statements, locale: ReportLocale): Row[] {
  const p = s.position;
  const section = (title: string, part: typeof p.assets, totalKey: string): Row[] => [
    { text: label(title, locale), level: 0 },
    ...part.lines.flatMap((l) => [
      { text: label(l.line, locale), amount: l.amount, level: 1 as const },
      ...l.accounts.map((a) => ({ text: `${a.code} ${name(a.name, locale)}`, amount: a.amount, level: 2 as const })),
    ]),
    { text: label(totalKey, locale), amount: part.total, level: 0, total: true },
  ];
  return [
    ...section('assets', p.assets, 'totalAssets'),
    ...section('liabilities', p.liabilities, 'totalLiabilities'),
    ...section('equity', p.equity, 'totalEquity'),
    { text: label('totalLiabilitiesAndEquity', locale), amount: p.liabilitiesAndEquity, level: 0, total: true },
  ];
}

function incomeRows(s: Statements, locale: ReportLocale): Row[] {
  const i = s.income;
  const line = (l: typeof i.revenue): Row[] => [
    { text: label(l.line, locale), amount: l.amount, level: 1 },
    ...l.accounts.map((a) => ({ text: `${a.code} ${name(a.name, locale)}`, amount: a.amount, level: 2 as const })),
  ];
  return [
    ...line(i.revenue),
    ...line(i.costOfGoods),
    { text: label('grossProfit', locale), amount: i.grossProfit, level: 0, total: true },
    ...line(i.otherIncome),
    ...line(i.expenses),
    { text: label('profit', locale), amount: i.profit, level: 0, total: true },
  ];
}

const LOCALE_TAG: Record<ReportLocale, string> = { id: 'id-ID', en: 'en-GB', ja: 'ja-JP' };

export function formatMoney(m: Money, locale: ReportLocale): string {
  const digits = m.amount.split('.')[1]?.length ?? 0;
  const number = new Intl.NumberFormat(LOCALE_TAG[locale], {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(Number(m.amount));
  return `${m.currency} ${number}`;
}

function heading(s: Statements, locale: ReportLocale) {
  return {
    group: `${s.group.name} — ${s.group.village_name}`,
    period: `${label('period', locale)}: ${s.income.from} – ${s.income.to}`,
    at: `${label('at', locale)}: ${s.position.at}`,
  };
}

function drawTable(doc: PdfDoc, fonts: PdfFonts, rows: Row[], locale: ReportLocale) {
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  for (const row of rows) {
    if (doc.y > doc.page.height - doc.page.margins.bottom - 20) doc.addPage();
    const y = doc.y;
    const indent = row.level * 14;
    doc.font(row.level === 0 ? fonts.bold : fonts.regular).fontSize(row.level === 2 ? 9 : 10);
    doc.text(row.text, left + indent, y, { width: width * 0.62 - indent });
    const after = doc.y;
    if (row.amount)
      doc.text(formatMoney(row.amount, locale), left + width * 0.62, y, { width: width * 0.38, align: 'right' });
    doc.y = Math.max(after, doc.y);
    if (row.total)
      doc
        .moveTo(left, doc.y)
        .lineTo(left + width, doc.y)
        .lineWidth(0.5)
        .stroke();
    doc.moveDown(0.2);
  }
}

export async function statementsPdf(s: Statements, wanted: ReportLocale): Promise<Buffer> {
  return renderPdf({ title: `${label('statements', wanted)} — ${s.group.name}` }, (doc, fonts) => {
    // Without a Unicode font on the machine, Japanese cannot be drawn: print English instead.
    const locale: ReportLocale = fonts.unicode || wanted !== 'ja' ? wanted : 'en';
    const h = heading(s, locale);
    const notes = notesOf(s, locale);
    const title = (text: string, sub: string) => {
      doc.font(fonts.bold).fontSize(15).text(text);
      doc.font(fonts.regular).fontSize(10).text(h.group).text(sub).moveDown(0.6);
    };
    title(label('position', locale), h.at);
    drawTable(doc, fonts, positionRows(s, locale), locale);

    doc.addPage();
    title(label('income', locale), h.period);
    drawTable(doc, fonts, incomeRows(s, locale), locale);

    doc.addPage();
    title(label('notes', locale), h.period);
    notes.sections.forEach((section, i) => {
      doc
        .font(fonts.bold)
        .fontSize(11)
        .text(`${i + 1}. ${section.title}`);
      doc.font(fonts.regular).fontSize(10);
      for (const p of section.paragraphs) doc.text(p, { paragraphGap: 3 });
      doc.moveDown(0.5);
    });
    doc
      .font(fonts.bold)
      .fontSize(11)
      .text(`${notes.sections.length + 1}. ${label('details', locale)}`)
      .moveDown(0.3);
    drawTable(
      doc,
      fonts,
      notes.details.flatMap((d) => [
        { text: d.title, amount: d.amount, level: 1 as const },
        ...d.accounts.map((a) => ({ text: `${a.code} ${a.name}`, amount: a.amount, level: 2 as const })),
      ]),
      locale,
    );
  });
}

export async function statementsXlsx(s: Statements, locale: ReportLocale): Promise<Buffer> {
  const h = heading(s, locale);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'OVOP';
  const numberFormat =
    s.book.currency === 'IDR' || !s.position.assets.total.amount.includes('.') ? '#,##0' : '#,##0.00';
  const sheet = (name: string, title: string, sub: string, rows: Row[]) => {
    const ws = workbook.addWorksheet(name);
    ws.columns = [
      { header: title, key: 'text', width: 52 },
      { header: s.book.currency, key: 'amount', width: 20, style: { numFmt: numberFormat } },
    ];
    ws.getRow(1).font = { bold: true };
    ws.addRow([h.group]);
    ws.addRow([sub]);
    ws.addRow([]);
    for (const row of rows) {
      const added = ws.addRow([' '.repeat(row.level * 4) + row.text, row.amount ? Number(row.amount.amount) : null]);
      if (row.level === 0) added.font = { bold: true };
    }
  };
  sheet(label('sheetPosition', locale), label('position', locale), h.at, positionRows(s, locale));
  sheet(label('sheetIncome', locale), label('income', locale), h.period, incomeRows(s, locale));
  const notes = notesOf(s, locale);
  const ws = workbook.addWorksheet(label('sheetNotes', locale));
  ws.columns = [
    { header: label('notes', locale), key: 'text', width: 90 },
    { header: s.book.currency, key: 'amount', width: 20, style: { numFmt: numberFormat } },
  ];
  ws.getRow(1).font = { bold: true };
  notes.sections.forEach((section, i) => {
    ws.addRow([`${i + 1}. ${section.title}`]).font = { bold: true };
    for (const p of section.paragraphs) ws.addRow([p]);
  });
  ws.addRow([`${notes.sections.length + 1}. ${label('details', locale)}`]).font = { bold: true };
  for (const d of notes.details) {
    ws.addRow([d.title, Number(d.amount.amount)]);
    for (const a of d.accounts) ws.addRow([`    ${a.code} ${a.name}`, Number(a.amount.amount)]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
