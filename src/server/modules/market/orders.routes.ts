import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams, uuid } from '../../../shared/common.schemas.js';
import { ctxOf } from '../../http/context.js';
import { baseVersion } from '../../http/versioning.js';
import { getOwnBuyer, patchOwnBuyer, registerBuyer } from './buyers.service.js';
import {
  acceptQuote,
  addInquiryMessage,
  getInquiry,
  listInquiries,
  sendInquiry,
  sendQuote,
} from './inquiries.service.js';
import * as s from './orders.schemas.js';
import { getOrder, listOrders, moveOrder } from './orders.service.js';

/** Buyers, their inquiries and quotes, and orders: validate → service (which authorizes) → present. */
export async function tradeRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const config = { access: 'user' } as const;

  r.post(
    '/api/v1/buyers',
    { schema: { body: s.registerBuyerBody, tags: ['buyers'] }, config: { access: 'public' } },
    async (req, reply) => reply.code(201).send(await registerBuyer(ctxOf(req), req.body, req.ip)),
  );
  r.get('/api/v1/buyers/me', { schema: { tags: ['buyers'] }, config }, async (req) => getOwnBuyer(ctxOf(req)));
  r.patch('/api/v1/buyers/me', { schema: { body: s.patchBuyerBody, tags: ['buyers'] }, config }, async (req) =>
    patchOwnBuyer(ctxOf(req), baseVersion(req, req.body.version), req.body),
  );

  const inquiries = ['inquiries'];
  r.get('/api/v1/inquiries', { schema: { querystring: s.listInquiriesQuery, tags: inquiries }, config }, async (req) =>
    listInquiries(ctxOf(req), req.query),
  );
  r.post(
    '/api/v1/inquiries',
    { schema: { body: s.createInquiryBody, tags: inquiries }, config },
    async (req, reply) => {
      const { inquiry, created } = await sendInquiry(ctxOf(req), req.body);
      return reply.code(created ? 201 : 200).send(inquiry);
    },
  );
  r.get('/api/v1/inquiries/:id', { schema: { params: idParams, tags: inquiries }, config }, async (req) =>
    getInquiry(ctxOf(req), req.params.id),
  );
  r.post(
    '/api/v1/inquiries/:id/messages',
    { schema: { params: idParams, body: s.inquiryMessageBody, tags: inquiries }, config },
    async (req, reply) => reply.code(201).send(await addInquiryMessage(ctxOf(req), req.params.id, req.body)),
  );
  r.post(
    '/api/v1/inquiries/:id/quotes',
    { schema: { params: idParams, body: s.quoteBody, tags: inquiries }, config },
    async (req, reply) => reply.code(201).send(await sendQuote(ctxOf(req), req.params.id, req.body)),
  );
  r.post(
    '/api/v1/inquiries/:id/quotes/:quoteId/accept',
    { schema: { params: z.object({ id: uuid, quoteId: uuid }), tags: inquiries }, config },
    async (req, reply) => reply.code(201).send(await acceptQuote(ctxOf(req), req.params.id, req.params.quoteId)),
  );

  const orders = ['orders'];
  r.get('/api/v1/orders', { schema: { querystring: s.listOrdersQuery, tags: orders }, config }, async (req) =>
    listOrders(ctxOf(req), req.query),
  );
  r.get('/api/v1/orders/:id', { schema: { params: idParams, tags: orders }, config }, async (req) =>
    getOrder(ctxOf(req), req.params.id),
  );
  r.post(
    '/api/v1/orders/:id/transitions',
    { schema: { params: idParams, body: s.orderTransitionBody, tags: orders }, config },
    async (req) => moveOrder(ctxOf(req), req.params.id, req.body),
  );
}
