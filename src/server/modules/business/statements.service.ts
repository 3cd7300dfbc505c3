import { inSnapshot, type Ctx } from '../../http/context.js';
import { dateIn } from '../../../shared/dates.js';
import type { CashBookQuery } from '../../../shared/schemas/business.js';
import { booksFor } from './books.service.js';
import { cashBookPdf, cashBookXlsx } from './cash-book-documents.js';
import { computeCashBook } from './cash-book.service.js';
import { notesOf } from './notes.js';
import { statementsPdf, statementsXlsx } from './report-documents.js';
import type { ReportLocale } from './report-labels.js';
import { computeStatements, reportPeriod } from './reports.service.js';

interface PeriodQuery {
  from?: string | undefined;
  to?: string | undefined;
  locale: ReportLocale;
}

async function statementsFor(ctx: Ctx, groupId: string, query: PeriodQuery) {
  return inSnapshot(ctx, async (tx) => {
    const books = await booksFor(tx, groupId, 'read');
    const { from, to } = await reportPeriod(tx, books, query);
    return computeStatements(tx.db, books, from, to);
  });
}

export async function getNotes(ctx: Ctx, groupId: string, query: PeriodQuery) {
  return notesOf(await statementsFor(ctx, groupId, query), query.locale);
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The three SAK EMKM statements of one period as one PDF or one workbook. */
export async function getStatementsDocument(
  ctx: Ctx,
  groupId: string,
  query: PeriodQuery & { format: 'pdf' | 'xlsx' },
) {
  const statements = await statementsFor(ctx, groupId, query);
  const name = `laporan-keuangan-${statements.income.from}-${statements.income.to}.${query.format}`;
  return query.format === 'pdf'
    ? { contentType: 'application/pdf', filename: name, body: await statementsPdf(statements, query.locale) }
    : { contentType: XLSX, filename: name, body: await statementsXlsx(statements, query.locale) };
}

/** The cash book ("buku kas") of one month as a PDF or a workbook, with the figures the screen shows. */
export async function getCashBookDocument(
  ctx: Ctx,
  groupId: string,
  query: CashBookQuery & { format: 'pdf' | 'xlsx'; locale: ReportLocale },
) {
  const { book, group } = await inSnapshot(ctx, async (tx) => {
    const books = await booksFor(tx, groupId, 'read');
    return { group: books.group, book: await computeCashBook(tx.db, books, query, dateIn(tx.clock.now())) };
  });
  const name = `buku-kas-${book.month}.${query.format}`;
  return query.format === 'pdf'
    ? { contentType: 'application/pdf', filename: name, body: await cashBookPdf(book, group, query.locale) }
    : { contentType: XLSX, filename: name, body: await cashBookXlsx(book, group, query.locale) };
}
