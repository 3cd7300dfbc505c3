import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams, uuid } from '../../../shared/common.schemas.js';
import { ctxOf } from '../../http/context.js';
import { fileAnswer } from '../../http/responses.js';
import { sendCreated } from '../../http/create-once.js';
import { baseVersion } from '../../http/versioning.js';
import { getOwnBuyer, patchOwnBuyer, signUpBuyer } from './buyers.service.js';
import {
  acceptQuote,
  addInquiryMessage,
  getInquiry,
  listInquiries,
  sendInquiry,
  sendQuote,
} from './inquiries.service.js';
import * as s from './market.schemas.js';
import { getOrder, listOrders, moveOrder } from './orders.service.js';
import { proformaPdf } from './proforma.js';

/** Buyers, their inquiries and quotes, and orders: validate → service (which authorizes) → present. */
export async function tradeRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const config = { access: 'user' } as const;

  const buyers = ['buyers'];
  r.post(
    '/api/v1/buyers',
    {
      schema: { body: s.registerBuyerBody, response: { 202: s.signUpAnswer }, tags: buyers },
      config: { access: 'public' },
    },
    async (req, reply) => reply.code(202).send(await signUpBuyer(ctxOf(req), req.body, req.ip)),
  );
  r.get('/api/v1/buyers/me', { schema: { response: { 200: s.buyerAnswer }, tags: buyers }, config }, async (req) =>
    getOwnBuyer(ctxOf(req)),
  );
  r.patch(
    '/api/v1/buyers/me',
    { schema: { body: s.patchBuyerBody, response: { 200: s.buyerAnswer }, tags: buyers }, config },
    async (req) => patchOwnBuyer(ctxOf(req), baseVersion(req, req.body.version), req.body),
  );

  const inquiries = ['inquiries'];
  const inquiry = { 201: s.inquiryAnswer };
  r.get(
    '/api/v1/inquiries',
    { schema: { querystring: s.listInquiriesQuery, response: { 200: s.inquiryPage }, tags: inquiries }, config },
    async (req) => listInquiries(ctxOf(req), req.query),
  );
  r.post(
    '/api/v1/inquiries',
    {
      schema: { body: s.createInquiryBody, response: { 201: s.inquiryAnswer, 200: s.inquiryAnswer }, tags: inquiries },
      config,
    },
    async (req, reply) => sendCreated(reply, await sendInquiry(ctxOf(req), req.body)),
  );
  r.get(
    '/api/v1/inquiries/:id',
    { schema: { params: idParams, response: { 200: s.inquiryAnswer }, tags: inquiries }, config },
    async (req) => getInquiry(ctxOf(req), req.params.id),
  );
  r.post(
    '/api/v1/inquiries/:id/messages',
    { schema: { params: idParams, body: s.inquiryMessageBody, response: inquiry, tags: inquiries }, config },
    async (req, reply) => reply.code(201).send(await addInquiryMessage(ctxOf(req), req.params.id, req.body)),
  );
  r.post(
    '/api/v1/inquiries/:id/quotes',
    { schema: { params: idParams, body: s.quoteBody, response: inquiry, tags: inquiries }, config },
    async (req, reply) => reply.code(201).send(await sendQuote(ctxOf(req), req.params.id, req.body)),
  );
  r.post(
    '/api/v1/inquiries/:id/quotes/:quoteId/accept',
    {
      schema: { params: z.object({ id: uuid, quoteId: uuid }), response: { 201: s.orderAnswer }, tags: inquiries },
      config,
    },
    async (req, reply) => reply.code(201).send(await acceptQuote(ctxOf(req), req.params.id, req.params.quoteId)),
  );
  r.get(
    '/api/v1/inquiries/:id/quotes/:quoteId/proforma.pdf',
    {
      schema: {
        params: z.object({ id: uuid, quoteId: uuid }),
        response: { 200: fileAnswer('application/pdf') },
        tags: inquiries,
      },
      config,
    },
    async (req, reply) => {
      const { pdf, name } = await proformaPdf(ctxOf(req), req.params.id, req.params.quoteId);
      return reply.type('application/pdf').header('content-disposition', `inline; filename="${name}"`).send(pdf);
    },
  );

  const orders = ['orders'];
  r.get(
    '/api/v1/orders',
    { schema: { querystring: s.listOrdersQuery, response: { 200: s.orderPage }, tags: orders }, config },
    async (req) => listOrders(ctxOf(req), req.query),
  );
  r.get(
    '/api/v1/orders/:id',
    { schema: { params: idParams, response: { 200: s.orderAnswer }, tags: orders }, config },
    async (req) => getOrder(ctxOf(req), req.params.id),
  );
  r.post(
    '/api/v1/orders/:id/transitions',
    {
      schema: { params: idParams, body: s.orderTransitionBody, response: { 200: s.orderAnswer }, tags: orders },
      config,
    },
    async (req) => moveOrder(ctxOf(req), req.params.id, req.body),
  );
}
