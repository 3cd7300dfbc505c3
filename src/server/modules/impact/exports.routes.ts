import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ctxOf } from '../../http/context.js';
import { fileAnswer } from '../../http/responses.js';
import { idParams } from '../../../shared/common.schemas.js';
import * as s from '../../../shared/schemas/impact.js';
import { impactExport, impactReport, publicImpactExport, type FileAnswer } from './exports.service.js';

const tags = ['impact'];
const FILES = 'text/csv or application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A file for the browser to save; a public one may be cached like the public page, a staff one never. */
const sendFile = (reply: FastifyReply, file: FileAnswer, cache = 'private, no-store') =>
  reply
    .type(file.contentType)
    .header('content-disposition', `attachment; filename="${file.filename}"`)
    .header('cache-control', cache)
    .send(file.body);

/** The indicators as files: any view as CSV or XLSX, and a program's report for a period as a PDF. */
export async function impactExportRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/impact/export',
    {
      schema: { querystring: s.impactExportQuery, response: { 200: fileAnswer(FILES) }, tags },
      config: { access: 'user', reads: 'replica' },
    },
    async (req, reply) => sendFile(reply, await impactExport(ctxOf(req), req.query, req.headers['accept-language'])),
  );
  r.get(
    '/api/v1/public/impact/export',
    {
      schema: { querystring: s.publicImpactExportQuery, response: { 200: fileAnswer(FILES) }, tags },
      config: { access: 'public', reads: 'replica' },
    },
    async (req, reply) =>
      sendFile(reply, await publicImpactExport(ctxOf(req), req.query, req.headers['accept-language']), 'no-cache'),
  );
  r.get(
    '/api/v1/programs/:id/impact-report.pdf',
    {
      schema: {
        params: idParams,
        querystring: s.impactReportQuery,
        response: { 200: fileAnswer('application/pdf') },
        tags,
      },
      config: { access: 'user', reads: 'replica' },
    },
    async (req, reply) =>
      sendFile(reply, await impactReport(ctxOf(req), req.params.id, req.query, req.headers['accept-language'])),
  );
}
