import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParams } from '../../../shared/common.schemas.js';
import * as m from '../../../shared/schemas/community-moderation.js';
import { spaceParams } from '../../../shared/schemas/community-spaces.js';
import { ctxOf } from '../../http/context.js';
import { moderationLog, reportQueue, resolveReports } from './reports.service.js';
import {
  appointModerator,
  liftSanction,
  listModerators,
  listSanctions,
  sanction,
  suggestMembers,
} from './sanctions.service.js';

/** Mutes and suspensions, space moderators, the report queue and the @ suggestions (decision 019). */
export function moderationRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const config = { access: 'user' } as const;
  const tags = ['community'];

  r.get(
    '/api/v1/community/:programId/members',
    {
      schema: { params: spaceParams, querystring: m.memberSuggestQuery, response: { 200: m.memberSuggestions }, tags },
      config,
    },
    async (req) => suggestMembers(ctxOf(req), req.params.programId, req.query.q),
  );
  r.get(
    '/api/v1/community/:programId/sanctions',
    { schema: { params: spaceParams, response: { 200: m.sanctionList }, tags }, config },
    async (req) => listSanctions(ctxOf(req), req.params.programId),
  );
  r.post(
    '/api/v1/community/:programId/sanctions',
    { schema: { params: spaceParams, body: m.sanctionBody, response: { 201: m.sanctionAnswer }, tags }, config },
    async (req, reply) => reply.code(201).send(await sanction(ctxOf(req), req.params.programId, req.body)),
  );
  r.post(
    '/api/v1/community/sanctions/:id/lift',
    { schema: { params: idParams, body: m.liftBody, response: { 200: m.sanctionAnswer }, tags }, config },
    async (req) => liftSanction(ctxOf(req), req.params.id, req.body.reason),
  );
  r.get(
    '/api/v1/community/spaces/:id/moderators',
    { schema: { params: idParams, response: { 200: m.moderatorList }, tags }, config },
    async (req) => listModerators(ctxOf(req), req.params.id),
  );
  r.put(
    '/api/v1/community/spaces/:id/moderators/:userId',
    { schema: { params: m.moderatorParams, response: { 200: m.moderatorList }, tags }, config },
    async (req) => appointModerator(ctxOf(req), req.params.id, req.params.userId, true),
  );
  r.delete(
    '/api/v1/community/spaces/:id/moderators/:userId',
    { schema: { params: m.moderatorParams, response: { 200: m.moderatorList }, tags }, config },
    async (req) => appointModerator(ctxOf(req), req.params.id, req.params.userId, false),
  );
  r.get(
    '/api/v1/community/:programId/reports',
    { schema: { params: spaceParams, response: { 200: m.reportQueue }, tags }, config },
    async (req) => reportQueue(ctxOf(req), req.params.programId),
  );
  r.get(
    '/api/v1/community/:programId/moderation-log',
    { schema: { params: spaceParams, response: { 200: m.moderationLog }, tags }, config },
    async (req) => moderationLog(ctxOf(req), req.params.programId),
  );
  r.post(
    '/api/v1/community/posts/:id/resolve',
    { schema: { params: idParams, body: m.resolveBody, response: { 200: m.resolveAnswer }, tags }, config },
    async (req) => resolveReports(ctxOf(req), req.params.id, req.body.action, req.body.reason),
  );
}
