import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParams } from '../../../shared/common.schemas.js';
import { ctxOf } from '../../http/context.js';
import { sendCreated } from '../../http/create-once.js';
import { noContent } from '../../http/responses.js';
import { baseVersion } from '../../http/versioning.js';
import { invitePerson } from './invitations.service.js';
import * as s from './programs.schemas.js';
import {
  createProgram,
  getProgram,
  grantRole,
  listGrants,
  listPrograms,
  patchProgram,
  revokeRole,
} from './programs.service.js';

export async function programsRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const config = { access: 'user' } as const;
  const tags = ['programs'];

  r.get(
    '/api/v1/programs',
    { schema: { querystring: s.listProgramsQuery, response: { 200: s.programPage }, tags }, config },
    async (req) => listPrograms(ctxOf(req), req.query),
  );
  r.post(
    '/api/v1/programs',
    { schema: { body: s.createProgramBody, response: { 201: s.programAnswer, 200: s.programAnswer }, tags }, config },
    async (req, reply) => sendCreated(reply, await createProgram(ctxOf(req), req.body)),
  );
  r.get(
    '/api/v1/programs/:id',
    { schema: { params: idParams, response: { 200: s.programAnswer }, tags }, config },
    async (req) => getProgram(ctxOf(req), req.params.id),
  );
  r.patch(
    '/api/v1/programs/:id',
    { schema: { params: idParams, body: s.patchProgramBody, response: { 200: s.programAnswer }, tags }, config },
    async (req) => patchProgram(ctxOf(req), req.params.id, baseVersion(req, req.body.version), req.body),
  );

  r.get(
    '/api/v1/programs/:id/roles',
    { schema: { params: idParams, response: { 200: s.grantList }, tags }, config },
    async (req) => listGrants(ctxOf(req), req.params.id),
  );
  r.post(
    '/api/v1/programs/:id/roles',
    { schema: { params: idParams, body: s.grantRoleBody, response: { 201: s.grantAnswer }, tags }, config },
    async (req, reply) => reply.code(201).send(await grantRole(ctxOf(req), req.params.id, req.body)),
  );
  r.post(
    '/api/v1/programs/:id/invitations',
    { schema: { params: idParams, body: s.invitePersonBody, response: { 201: s.invitationAnswer }, tags }, config },
    async (req, reply) => reply.code(201).send(await invitePerson(ctxOf(req), req.params.id, req.body)),
  );
  r.delete(
    '/api/v1/programs/:id/roles/:grantId',
    { schema: { params: s.grantParams, response: { 204: noContent }, tags }, config },
    async (req, reply) => {
      await revokeRole(ctxOf(req), req.params.id, req.params.grantId);
      return reply.code(204).send(null);
    },
  );
}
