import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParams } from '../../../shared/common.schemas.js';
import { ctxOf } from '../../http/context.js';
import { sendCreated } from '../../http/create-once.js';
import { fileAnswer } from '../../http/responses.js';
import { batchLabelPdf, batchLabelPng } from './batch-labels.js';
import * as s from './batches.schemas.js';
import { createBatch, getBatch, listBatches, listMovements, readBatch, recordMovement } from './batches.service.js';
import { batchProvenance } from './provenance.service.js';

/** Batches of production, their stock and labels; and the public provenance page's data. */
export async function batchesRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const config = { access: 'user' } as const;
  const tags = ['batches'];
  const origin = (req: { protocol: string; host: string }) => `${req.protocol}://${req.host}`;

  r.get(
    '/api/v1/batches',
    { schema: { querystring: s.listBatchesQuery, response: { 200: s.batchPage }, tags }, config },
    async (req) => listBatches(ctxOf(req), req.query),
  );
  r.post(
    '/api/v1/batches',
    { schema: { body: s.createBatchBody, response: { 201: s.batchAnswer, 200: s.batchAnswer }, tags }, config },
    async (req, reply) => {
      const { batch, created } = await createBatch(ctxOf(req), req.body);
      return sendCreated(reply, { record: batch, created });
    },
  );
  r.get(
    '/api/v1/batches/:id',
    { schema: { params: idParams, response: { 200: s.batchAnswer }, tags }, config },
    async (req) => getBatch(ctxOf(req), req.params.id),
  );
  r.get(
    '/api/v1/batches/:id/movements',
    {
      schema: { params: idParams, querystring: s.movementsQuery, response: { 200: s.movementPage }, tags },
      config,
    },
    async (req) => listMovements(ctxOf(req), req.params.id, req.query),
  );
  r.post(
    '/api/v1/batches/:id/movements',
    {
      schema: {
        params: idParams,
        body: s.recordMovementBody,
        response: { 201: s.batchAnswer, 200: s.batchAnswer },
        tags,
      },
      config,
    },
    async (req, reply) => sendCreated(reply, await recordMovement(ctxOf(req), req.params.id, req.body)),
  );
  r.get(
    '/api/v1/batches/:id/label.png',
    {
      schema: { params: idParams, querystring: s.qrQuery, response: { 200: fileAnswer('image/png') }, tags },
      config,
    },
    async (req, reply) => {
      const batch = await readBatch(ctxOf(req), req.params.id);
      return reply.type('image/png').send(await batchLabelPng(origin(req), batch, req.query.locale));
    },
  );
  r.get(
    '/api/v1/batches/:id/label.pdf',
    {
      schema: { params: idParams, querystring: s.labelQuery, response: { 200: fileAnswer('application/pdf') }, tags },
      config,
    },
    async (req, reply) => {
      const batch = await readBatch(ctxOf(req), req.params.id);
      const pdf = await batchLabelPdf(origin(req), batch, req.query.locale, req.query.count);
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="label-${batch.lot_code.replace(/[^\w.-]/g, '_')}.pdf"`)
        .send(pdf);
    },
  );

  r.get(
    '/api/v1/provenance/batches/:id',
    {
      schema: {
        params: idParams,
        querystring: s.provenanceQuery,
        response: { 200: s.provenanceAnswer },
        tags: ['provenance'],
      },
      config: { access: 'public' },
    },
    async (req) => batchProvenance(ctxOf(req), req.params.id, req.query.locale),
  );
}
