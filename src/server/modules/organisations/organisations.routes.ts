import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ctxOf } from '../../http/context.js';
import { idParams } from '../../../shared/common.schemas.js';
import * as s from '../../../shared/schemas/organisations.js';
import {
  addOrganisationProgram,
  createOrganisation,
  enterRate,
  getOrganisation,
  grantOrganisationRole,
  listOrganisations,
  listRates,
  sideBySide,
} from './organisations.service.js';

const tags = ['organisations'];
const config = { access: 'user' } as const;

/** Organisations spanning programs (decision 027): their programs side by side, and the rates they enter. */
export async function organisationsRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/v1/organisations', { schema: { response: { 200: s.organisationList }, tags }, config }, async (req) =>
    listOrganisations(ctxOf(req)),
  );
  r.post(
    '/api/v1/organisations',
    { schema: { body: s.createOrganisationBody, response: { 201: s.organisationAnswer }, tags }, config },
    async (req, reply) => reply.code(201).send(await createOrganisation(ctxOf(req), req.body)),
  );
  r.get(
    '/api/v1/organisations/:id',
    { schema: { params: idParams, response: { 200: s.organisationAnswer }, tags }, config },
    async (req) => getOrganisation(ctxOf(req), req.params.id),
  );
  r.put(
    '/api/v1/organisations/:id/programs/:programId',
    { schema: { params: s.organisationProgramParams, response: { 200: s.organisationAnswer }, tags }, config },
    async (req) => addOrganisationProgram(ctxOf(req), req.params.id, req.params.programId),
  );
  r.put(
    '/api/v1/organisations/:id/members/:userId',
    {
      schema: {
        params: s.organisationMemberParams,
        body: s.organisationMemberBody,
        response: { 200: s.organisationMemberAnswer },
        tags,
      },
      config,
    },
    async (req) => grantOrganisationRole(ctxOf(req), req.params.id, req.params.userId, req.body.role),
  );
  r.get(
    '/api/v1/organisations/:id/rates',
    { schema: { params: idParams, response: { 200: s.rateList }, tags }, config },
    async (req) => listRates(ctxOf(req), req.params.id),
  );
  r.post(
    '/api/v1/organisations/:id/rates',
    { schema: { params: idParams, body: s.rateBody, response: { 201: s.rateAnswer }, tags }, config },
    async (req, reply) => reply.code(201).send(await enterRate(ctxOf(req), req.params.id, req.body)),
  );
  r.get(
    '/api/v1/organisations/:id/impact',
    {
      schema: { params: idParams, querystring: s.sideBySideQuery, response: { 200: s.sideBySideAnswer }, tags },
      config: { ...config, reads: 'replica' },
    },
    async (req) => sideBySide(ctxOf(req), req.params.id, req.query),
  );
}
