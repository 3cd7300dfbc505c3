import type ExcelJS from 'exceljs';
import { localized, type Localized } from '../../../shared/localized.js';
import type { Money } from '../../../shared/money.js';
import { newWorkbook, renderPdf, type PdfDoc, type PdfFonts } from '../../documents/index.js';
import { notesOf, statementLines } from './notes.js';
import { formatDay, formatMoney, periodHeading } from './report-format.js';
import { label, type ReportLocale } from './report-labels.js';
import type { Statements } from './reports.service.js';

/**
 * The SAK EMKM statements for one period as a printable PDF or an XLSX workbook: each line beside
 * last year's, money and dates the way the reader's language writes them, and the signature block
 * (prepared by the treasurer, approved by the chair).
 */
interface Row {
  text: string;
  amount?: Money;
  previous?: Money;
  level: 0 | 1 | 2;
  total?: boolean;
}

const name = (n: Localized, locale: ReportLocale) => localized(n, locale) ?? '';
type Paired = ReturnType<typeof statementLines>['assets'];

function lineRows(lines: Paired, locale: ReportLocale, sign = ''): Row[] {
  return lines.flatMap((l) => [
    { text: `${sign}${label(l.line, locale)}`, amount: l.amount, previous: l.previous, level: 1 as const },
    ...l.accounts.map((a) => ({
      text: a.code ? `${a.code} ${name(a.name, locale)}` : name(a.name, locale),
      amount: a.amount,
      previous: a.previous,
      level: 2 as const,
    })),
  ]);
}

function positionRows(s: Statements, locale: ReportLocale): Row[] {
  const p = s.position;
  const lines = statementLines(s);
  const total = (key: string, now: Money, then: Money): Row => ({
    text: label(key, locale),
    amount: now,
    previous: then,
    level: 0,
    total: true,
  });
  return [
    { text: label('assets', locale), level: 0 },
    ...lineRows(lines.assets, locale),
    total('totalAssets', p.assets.total, p.previous.assets.total),
    { text: label('liabilities', locale), level: 0 },
    ...lineRows(lines.liabilities, locale),
    total('totalLiabilities', p.liabilities.total, p.previous.liabilities.total),
    { text: label('equitySection', locale), level: 0 },
    ...lineRows(lines.equity, locale),
    total('totalEquity', p.equity.total, p.previous.equity.total),
    total('totalLiabilitiesAndEquity', p.liabilitiesAndEquity, p.previous.liabilitiesAndEquity),
  ];
}

function incomeRows(s: Statements, locale: ReportLocale): Row[] {
  const i = s.income;
  const lines = statementLines(s).income;
  const of = (key: string, sign: string) =>
    lineRows(
      lines.filter((l) => l.line === key),
      locale,
      sign,
    );
  const total = (key: string, now: Money, then: Money): Row => ({
    text: label(key, locale),
    amount: now,
    previous: then,
    level: 0,
    total: true,
  });
  const cooperative = s.keepsMembersSavings;
  return [
    ...of('revenue', ''),
    ...of('cost_of_goods', '− '),
    total('grossProfit', i.grossProfit, i.previous.grossProfit),
    ...of('other_income', '+ '),
    ...of('expenses', '− '),
    ...of('finance_costs', '− '),
    total('profitBeforeTax', i.profitBeforeTax, i.previous.profitBeforeTax),
    ...of('tax_expense', '− '),
    total(cooperative ? 'profitShu' : 'profit', i.profit, i.previous.profit),
  ];
}

function heading(s: Statements, locale: ReportLocale) {
  const i = s.income;
  return {
    group: `${s.group.name} — ${s.group.village_name}`,
    period: `${label('period', locale)}: ${formatDay(i.from, locale)} – ${formatDay(i.to, locale)}`,
    at: `${label('at', locale)}: ${formatDay(s.position.at, locale)}`,
    incomeColumns: [periodHeading(i.from, i.to, locale), periodHeading(i.previous.from, i.previous.to, locale)],
    positionColumns: [formatDay(s.position.at, locale), formatDay(s.position.previous.at, locale)],
  };
}

/** The signature block's two columns: who prepares and who approves, under the place and the day. */
function signatures(s: Statements, locale: ReportLocale) {
  return {
    placeAndDay: `${s.group.village_name}, ${formatDay(s.income.to, locale)}`,
    columns: [
      { title: label('preparedBy', locale), role: label('treasurer', locale), name: s.signatures.preparedBy },
      { title: label('approvedBy', locale), role: label('chair', locale), name: s.signatures.approvedBy },
    ],
  };
}

function drawTable(doc: PdfDoc, fonts: PdfFonts, rows: Row[], locale: ReportLocale, columns?: string[]) {
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const textWidth = width * 0.5;
  const amountWidth = width * 0.25;
  if (columns) {
    const y = doc.y;
    doc.font(fonts.bold).fontSize(9);
    columns.forEach((c, i) =>
      doc.text(c, left + textWidth + i * amountWidth, y, { width: amountWidth, align: 'right' }),
    );
    doc.moveDown(0.4);
  }
  for (const row of rows) {
    if (doc.y > doc.page.height - doc.page.margins.bottom - 20) doc.addPage();
    const y = doc.y;
    const indent = row.level * 12;
    doc.font(row.level === 0 ? fonts.bold : fonts.regular).fontSize(row.level === 2 ? 8.5 : 10);
    doc.text(row.text, left + indent, y, { width: textWidth - indent });
    const after = doc.y;
    [row.amount, row.previous].forEach((amount, i) => {
      if (amount)
        doc.text(formatMoney(amount, locale), left + textWidth + i * amountWidth, y, {
          width: amountWidth,
          align: 'right',
        });
    });
    doc.y = Math.max(after, doc.y);
    if (row.total)
      doc
        .moveTo(left, doc.y)
        .lineTo(left + width, doc.y)
        .lineWidth(0.5)
        .stroke();
    doc.moveDown(0.2);
  }
  // The amounts were drawn last: the next text starts at the margin again.
  doc.x = left;
}

function drawSignatures(doc: PdfDoc, fonts: PdfFonts, s: Statements, locale: ReportLocale) {
  const block = signatures(s, locale);
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  if (doc.y > doc.page.height - doc.page.margins.bottom - 130) doc.addPage();
  doc.moveDown(1.5);
  doc.font(fonts.regular).fontSize(10).text(block.placeAndDay, left, doc.y, { width, align: 'right' });
  doc.moveDown(0.8);
  const top = doc.y;
  block.columns.forEach((c, i) => {
    const x = left + i * (width / 2);
    const w = width / 2;
    doc.font(fonts.regular).fontSize(10).text(c.title, x, top, { width: w, align: 'center' });
    doc.text(c.role, x, doc.y, { width: w, align: 'center' });
    const line = top + 75;
    doc
      .moveTo(x + w * 0.2, line)
      .lineTo(x + w * 0.8, line)
      .lineWidth(0.5)
      .stroke();
    doc.font(fonts.bold).text(c.name ?? '', x, line + 4, { width: w, align: 'center' });
  });
  doc.x = left;
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
    drawTable(doc, fonts, positionRows(s, locale), locale, h.positionColumns);
    drawSignatures(doc, fonts, s, locale);

    doc.addPage();
    title(label('income', locale), h.period);
    drawTable(doc, fonts, incomeRows(s, locale), locale, h.incomeColumns);
    drawSignatures(doc, fonts, s, locale);

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
    const details = (key: string, statement: 'position' | 'income', columns: string[], n: number) => {
      doc
        .font(fonts.bold)
        .fontSize(11)
        .text(`${n}. ${label(key, locale)}`)
        .moveDown(0.3);
      drawTable(doc, fonts, noteRows(notes.details, statement), locale, columns);
      doc.moveDown(0.5);
    };
    details('details', 'position', h.positionColumns, notes.sections.length + 1);
    details('incomeDetails', 'income', h.incomeColumns, notes.sections.length + 2);
  });
}

type NoteDetails = ReturnType<typeof notesOf>['details'];
const noteRows = (details: NoteDetails, statement: 'position' | 'income'): Row[] =>
  details
    .filter((d) => d.statement === statement && (d.accounts.length > 0 || d.line.startsWith('current_')))
    .flatMap((d) => [
      { text: d.title, amount: d.amount, previous: d.previous, level: 1 as const },
      ...d.accounts.map((a) => ({
        text: a.code ? `${a.code} ${a.name}` : a.name,
        amount: a.amount,
        previous: a.previous,
        level: 2 as const,
      })),
    ]);

/** Excel's number format: "Rp 15.210.000" in an Indonesian workbook, plain grouped digits elsewhere. */
function numberFormat(s: Statements, locale: ReportLocale) {
  const digits = s.book.currency === 'IDR' ? '' : '.00';
  return locale === 'id' && s.book.currency === 'IDR' ? `"Rp "#,##0${digits}` : `#,##0${digits}`;
}

export async function statementsXlsx(s: Statements, locale: ReportLocale): Promise<Buffer> {
  const h = heading(s, locale);
  const block = signatures(s, locale);
  const workbook = await newWorkbook();
  const numFmt = numberFormat(s, locale);
  const sheet = (name: string, title: string, sub: string, columns: string[], rows: Row[], width = 52) => {
    const ws = workbook.addWorksheet(name);
    ws.columns = [
      { header: title, key: 'text', width },
      { header: columns[0], key: 'amount', width: 20, style: { numFmt } },
      { header: columns[1], key: 'previous', width: 20, style: { numFmt } },
    ];
    ws.getRow(1).font = { bold: true };
    ws.addRow([h.group]);
    ws.addRow([sub]);
    ws.addRow([]);
    for (const row of rows) {
      const added = ws.addRow([
        ' '.repeat(row.level * 4) + row.text,
        row.amount ? Number(row.amount.amount) : null,
        row.previous ? Number(row.previous.amount) : null,
      ]);
      if (row.level === 0) added.font = { bold: true };
    }
    return ws;
  };
  const sign = (ws: ExcelJS.Worksheet) => {
    ws.addRow([]);
    ws.addRow([block.placeAndDay]);
    for (const c of block.columns) ws.addRow([`${c.title} (${c.role}): ${c.name ?? ''}`]);
  };
  sign(
    sheet(label('sheetPosition', locale), label('position', locale), h.at, h.positionColumns, positionRows(s, locale)),
  );
  sign(sheet(label('sheetIncome', locale), label('income', locale), h.period, h.incomeColumns, incomeRows(s, locale)));
  const notes = notesOf(s, locale);
  const ws = sheet(label('sheetNotes', locale), label('notes', locale), h.period, h.positionColumns, [], 90);
  notes.sections.forEach((section, i) => {
    ws.addRow([`${i + 1}. ${section.title}`]).font = { bold: true };
    for (const p of section.paragraphs) ws.addRow([p]);
  });
  const details = (key: string, statement: 'position' | 'income', n: number) => {
    ws.addRow([`${n}. ${label(key, locale)}`]).font = { bold: true };
    for (const row of noteRows(notes.details, statement))
      ws.addRow([
        ' '.repeat(row.level * 4) + row.text,
        row.amount ? Number(row.amount.amount) : null,
        row.previous ? Number(row.previous.amount) : null,
      ]);
  };
  details('details', 'position', notes.sections.length + 1);
  details('incomeDetails', 'income', notes.sections.length + 2);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
