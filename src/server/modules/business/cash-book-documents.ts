import type { GroupRow } from '../registry/index.js';
import { localized } from '../../../shared/localized.js';
import { newWorkbook, renderPdf } from '../../documents/index.js';
import type { CashBook } from './cash-book.service.js';
import { formatDay, formatMoney, LOCALE_TAG } from './report-format.js';
import { label, type ReportLocale } from './report-labels.js';

/** The cash book ("buku kas") of one month as a PDF or a workbook: the same figures as the screen. */
function headingOf(book: CashBook, group: GroupRow, locale: ReportLocale) {
  const month = new Intl.DateTimeFormat(LOCALE_TAG[locale], { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${book.from}T00:00:00Z`),
  );
  const accounts = book.accounts.map((a) => `${a.code} ${localized(a.name, locale) ?? ''}`).join(', ');
  return {
    group: `${group.name} — ${group.village_name}`,
    month: `${label('month', locale)}: ${month}`,
    accounts: `${label('accountsShown', locale)}: ${accounts}`,
  };
}

const describe = (row: CashBook['rows'][number], locale: ReportLocale) =>
  `#${row.number} ${label(`kind.${row.kind}`, locale)}${row.memo ? ` · ${row.memo}` : ''}`;

export async function cashBookPdf(book: CashBook, group: GroupRow, wanted: ReportLocale): Promise<Buffer> {
  return renderPdf({ title: `${label('cashBook', wanted)} — ${group.name}` }, (doc, fonts) => {
    const locale: ReportLocale = fonts.unicode || wanted !== 'ja' ? wanted : 'en';
    const h = headingOf(book, group, locale);
    doc.font(fonts.bold).fontSize(15).text(label('cashBook', locale));
    doc.font(fonts.regular).fontSize(10).text(h.group).text(h.month).text(h.accounts).moveDown(0.6);
    const left = doc.page.margins.left;
    const width = doc.page.width - left - doc.page.margins.right;
    // Date, description, in, out, balance.
    const cols = [0.16, 0.36, 0.16, 0.16, 0.16].map((f) => f * width);
    const x = (i: number) => left + cols.slice(0, i).reduce((a, b) => a + b, 0);
    const row = (cells: string[], bold = false) => {
      if (doc.y > doc.page.height - doc.page.margins.bottom - 24) doc.addPage();
      const y = doc.y;
      doc.font(bold ? fonts.bold : fonts.regular).fontSize(9);
      let bottom = y;
      cells.forEach((text, i) => {
        doc.text(text, x(i), y, { width: cols[i]! - 4, align: i >= 2 ? 'right' : 'left' });
        bottom = Math.max(bottom, doc.y);
      });
      doc.y = bottom;
      doc.moveDown(0.25);
    };
    const money = (m: Parameters<typeof formatMoney>[0] | null) => (m ? formatMoney(m, locale) : '');
    row(
      ['date', 'description', 'moneyIn', 'moneyOut', 'balance'].map((k) => label(k, locale)),
      true,
    );
    row([formatDay(book.from, locale), label('opening', locale), '', '', money(book.opening)]);
    for (const r of book.rows)
      row([formatDay(r.date, locale), describe(r, locale), money(r.moneyIn), money(r.moneyOut), money(r.balance)]);
    doc
      .moveTo(left, doc.y)
      .lineTo(left + width, doc.y)
      .lineWidth(0.5)
      .stroke();
    doc.moveDown(0.2);
    row(['', label('totals', locale), money(book.totalIn), money(book.totalOut), ''], true);
    row([formatDay(book.to, locale), label('closing', locale), '', '', money(book.closing)], true);
    doc.x = left;
  });
}

export async function cashBookXlsx(book: CashBook, group: GroupRow, locale: ReportLocale): Promise<Buffer> {
  const h = headingOf(book, group, locale);
  const workbook = await newWorkbook();
  const ws = workbook.addWorksheet(label('cashBook', locale));
  const numFmt = book.currency === 'IDR' ? (locale === 'id' ? '"Rp "#,##0' : '#,##0') : '#,##0.00';
  ws.columns = [
    { key: 'date', width: 14 },
    { key: 'text', width: 48 },
    { key: 'in', width: 18, style: { numFmt } },
    { key: 'out', width: 18, style: { numFmt } },
    { key: 'balance', width: 18, style: { numFmt } },
  ];
  ws.addRow([label('cashBook', locale)]).font = { bold: true };
  for (const line of [h.group, h.month, h.accounts]) ws.addRow([line]);
  ws.addRow([]);
  ws.addRow(['date', 'description', 'moneyIn', 'moneyOut', 'balance'].map((k) => label(k, locale))).font = {
    bold: true,
  };
  const n = (m: { amount: string } | null) => (m ? Number(m.amount) : null);
  ws.addRow([book.from, label('opening', locale), null, null, n(book.opening)]);
  for (const r of book.rows) ws.addRow([r.date, describe(r, locale), n(r.moneyIn), n(r.moneyOut), n(r.balance)]);
  ws.addRow([null, label('totals', locale), n(book.totalIn), n(book.totalOut), null]).font = { bold: true };
  ws.addRow([book.to, label('closing', locale), null, null, n(book.closing)]).font = { bold: true };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
