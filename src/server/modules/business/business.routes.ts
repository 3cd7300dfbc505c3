import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams, uuid } from '../../../shared/common.schemas.js';
import * as s from '../../../shared/schemas/business.js';
import { ctxOf } from '../../http/context.js';
import { sendCreated } from '../../http/create-once.js';
import { fileAnswer } from '../../http/responses.js';
import { addAccount, getBooks } from './books.service.js';
import { closePeriod } from './closing.service.js';
import { payFinalTax, setBooksSettings } from './final-tax.service.js';
import { disposeAsset, listAssets, postDepreciation } from './assets.service.js';
import { computeHpp } from './hpp.js';
import { inventoryCheck } from './inventory.service.js';
import { getJournalEntry, listJournal, postJournalEntry, recordTransaction, reverseEntry } from './journal.service.js';
import { getFinancialPosition, getIncomeStatement } from './reports.service.js';
import { getCashBook } from './cash-book.service.js';
import { getCashBookDocument, getNotes, getStatementsDocument } from './statements.service.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const entryParams = z.object({ id: uuid, entryId: uuid });
const assetParams = z.object({ id: uuid, assetId: uuid });
/** A create with a client id: 201 when posted now, 200 when the same one was posted before. */
const created = <T extends z.ZodType>(answer: T) => ({ 201: answer, 200: answer });

/** A document for the browser to save, never to keep in a shared cache. */
const sendFile = (reply: FastifyReply, file: { contentType: string; filename: string; body: Buffer }) =>
  reply
    .type(file.contentType)
    .header('content-disposition', `attachment; filename="${file.filename}"`)
    .header('cache-control', 'private, no-store')
    .send(file.body);

/** Bookkeeping routes: validate → service (which authorizes) → present. */
export async function businessRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const config = { access: 'user' } as const;
  // A group's reports may be read from a replica (one that has replayed the reader's last posting).
  const reports = { ...config, reads: 'replica' } as const;
  const tags = ['bookkeeping'];

  r.get(
    '/api/v1/groups/:id/books',
    { schema: { params: idParams, response: { 200: s.booksAnswer }, tags }, config },
    async (req) => getBooks(ctxOf(req), req.params.id),
  );
  r.put(
    '/api/v1/groups/:id/books/settings',
    { schema: { params: idParams, body: s.booksSettingsBody, response: { 200: s.booksAnswer }, tags }, config },
    async (req) => setBooksSettings(ctxOf(req), req.params.id, req.body),
  );
  r.post(
    '/api/v1/groups/:id/final-tax/payments',
    {
      schema: { params: idParams, body: s.finalTaxPaymentBody, response: created(s.journalEntryAnswer), tags },
      config,
    },
    async (req, reply) => sendCreated(reply, await payFinalTax(ctxOf(req), req.params.id, req.body)),
  );
  r.post(
    '/api/v1/groups/:id/accounts',
    { schema: { params: idParams, body: s.addAccountBody, response: { 201: s.accountAnswer }, tags }, config },
    async (req, reply) => reply.code(201).send(await addAccount(ctxOf(req), req.params.id, req.body)),
  );
  r.post(
    '/api/v1/groups/:id/transactions',
    {
      schema: {
        params: idParams,
        body: s.simpleTransactionBody,
        response: created(s.journalEntryAnswer),
        tags,
      },
      config,
    },
    async (req, reply) => sendCreated(reply, await recordTransaction(ctxOf(req), req.params.id, req.body)),
  );
  r.get(
    '/api/v1/groups/:id/journal',
    { schema: { params: idParams, querystring: s.journalQuery, response: { 200: s.journalPage }, tags }, config },
    async (req) => listJournal(ctxOf(req), req.params.id, req.query),
  );
  r.post(
    '/api/v1/groups/:id/journal',
    {
      schema: { params: idParams, body: s.journalEntryBody, response: created(s.journalEntryAnswer), tags },
      config,
    },
    async (req, reply) => sendCreated(reply, await postJournalEntry(ctxOf(req), req.params.id, req.body)),
  );
  r.get(
    '/api/v1/groups/:id/journal/:entryId',
    { schema: { params: entryParams, response: { 200: s.journalEntryAnswer }, tags }, config },
    async (req) => getJournalEntry(ctxOf(req), req.params.id, req.params.entryId),
  );
  r.post(
    '/api/v1/groups/:id/journal/:entryId/reverse',
    {
      schema: { params: entryParams, body: s.reverseEntryBody, response: created(s.journalEntryAnswer), tags },
      config,
    },
    async (req, reply) =>
      sendCreated(reply, await reverseEntry(ctxOf(req), req.params.id, req.params.entryId, req.body)),
  );
  r.post(
    '/api/v1/groups/:id/periods/close',
    { schema: { params: idParams, body: s.closePeriodBody, response: { 200: s.booksAnswer }, tags }, config },
    async (req) => closePeriod(ctxOf(req), req.params.id, req.body.month),
  );

  // ---- fixed assets and stock ------------------------------------------------------------------
  r.get(
    '/api/v1/groups/:id/assets',
    { schema: { params: idParams, querystring: s.positionQuery, response: { 200: s.assetsAnswer }, tags }, config },
    async (req) => listAssets(ctxOf(req), req.params.id, req.query.at),
  );
  r.post(
    '/api/v1/groups/:id/depreciation',
    { schema: { params: idParams, body: s.depreciationBody, response: { 200: s.depreciationAnswer }, tags }, config },
    async (req) => postDepreciation(ctxOf(req), req.params.id, req.body.month),
  );
  r.post(
    '/api/v1/groups/:id/assets/:assetId/dispose',
    {
      schema: { params: assetParams, body: s.disposeAssetBody, response: created(s.journalEntryAnswer), tags },
      config,
    },
    async (req, reply) =>
      sendCreated(reply, await disposeAsset(ctxOf(req), req.params.id, req.params.assetId, req.body)),
  );
  r.get(
    '/api/v1/groups/:id/books/inventory-check',
    {
      schema: { params: idParams, querystring: s.inventoryCheckQuery, response: { 200: s.inventoryCheckAnswer }, tags },
      config,
    },
    async (req) => inventoryCheck(ctxOf(req), req.params.id, req.query.on),
  );

  // ---- reports (SAK EMKM) ----------------------------------------------------------------------
  r.get(
    '/api/v1/groups/:id/reports/financial-position',
    {
      schema: { params: idParams, querystring: s.positionQuery, response: { 200: s.financialPositionAnswer }, tags },
      config: reports,
    },
    async (req) => getFinancialPosition(ctxOf(req), req.params.id, req.query.at),
  );
  r.get(
    '/api/v1/groups/:id/reports/income-statement',
    {
      schema: { params: idParams, querystring: s.periodQuery, response: { 200: s.incomeStatementAnswer }, tags },
      config: reports,
    },
    async (req) => getIncomeStatement(ctxOf(req), req.params.id, req.query),
  );
  r.get(
    '/api/v1/groups/:id/reports/notes',
    {
      schema: { params: idParams, querystring: s.periodQuery, response: { 200: s.notesAnswer }, tags },
      config: reports,
    },
    async (req) => getNotes(ctxOf(req), req.params.id, req.query),
  );
  r.get(
    '/api/v1/groups/:id/reports/statements',
    {
      schema: {
        params: idParams,
        querystring: s.statementsQuery,
        response: { 200: fileAnswer(`application/pdf or ${XLSX}`) },
        tags,
      },
      config: reports,
    },
    async (req, reply) => sendFile(reply, await getStatementsDocument(ctxOf(req), req.params.id, req.query)),
  );
  r.get(
    '/api/v1/groups/:id/reports/cash-book',
    {
      schema: { params: idParams, querystring: s.cashBookQuery, response: { 200: s.cashBookAnswer }, tags },
      config: reports,
    },
    async (req) => getCashBook(ctxOf(req), req.params.id, req.query),
  );
  r.get(
    '/api/v1/groups/:id/reports/cash-book/file',
    {
      schema: {
        params: idParams,
        querystring: s.cashBookFileQuery,
        response: { 200: fileAnswer(`application/pdf or ${XLSX}`) },
        tags,
      },
      config: reports,
    },
    async (req, reply) => sendFile(reply, await getCashBookDocument(ctxOf(req), req.params.id, req.query)),
  );

  // ---- cost of production ------------------------------------------------------------------------
  r.post(
    '/api/v1/hpp',
    { schema: { body: s.hppBody, response: { 200: s.hppAnswer }, tags: ['cost of production'] }, config },
    async (req) => computeHpp(req.body),
  );
}
