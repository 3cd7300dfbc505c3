import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ctxOf } from '../../http/context.js';
import { idParams } from '../../../shared/common.schemas.js';
import * as s from '../../../shared/schemas/dhis2.js';
import { dataValueSet, getDhis2Mapping, putDhis2Mapping } from './dhis2.service.js';
import { getDhis2Server, listDhis2Pushes, pushToDhis2, putDhis2Server } from './dhis2.push.js';

const tags = ['impact'];
const config = { access: 'user' } as const;

/** A program's DHIS2 exchange (decision 016): its mapping, its server, the dataValueSets payload, pushes. */
export async function dhis2Routes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = '/api/v1/programs/:id/dhis2';
  r.get(
    `${base}/mapping`,
    { schema: { params: idParams, response: { 200: s.dhis2MappingAnswer }, tags }, config },
    async (req) => getDhis2Mapping(ctxOf(req), req.params.id),
  );
  r.put(
    `${base}/mapping`,
    { schema: { params: idParams, body: s.dhis2MappingBody, response: { 200: s.dhis2MappingAnswer }, tags }, config },
    async (req) => putDhis2Mapping(ctxOf(req), req.params.id, req.body),
  );
  r.get(
    `${base}/server`,
    { schema: { params: idParams, response: { 200: s.dhis2ServerAnswer }, tags }, config },
    async (req) => getDhis2Server(ctxOf(req), req.params.id),
  );
  r.put(
    `${base}/server`,
    { schema: { params: idParams, body: s.dhis2ServerBody, response: { 200: s.dhis2ServerAnswer }, tags }, config },
    async (req) => putDhis2Server(ctxOf(req), req.params.id, req.body),
  );
  r.get(
    `${base}/data-value-sets`,
    {
      schema: { params: idParams, querystring: s.dhis2PeriodQuery, response: { 200: s.dataValueSetAnswer }, tags },
      config,
    },
    async (req) => dataValueSet(ctxOf(req), req.params.id, req.query.period),
  );
  r.post(
    `${base}/push`,
    {
      schema: { params: idParams, querystring: s.dhis2PeriodQuery, response: { 200: s.dhis2PushAnswer }, tags },
      config,
    },
    async (req) => pushToDhis2(ctxOf(req), req.params.id, req.query.period),
  );
  r.get(
    `${base}/pushes`,
    { schema: { params: idParams, response: { 200: s.dhis2PushList }, tags }, config },
    async (req) => listDhis2Pushes(ctxOf(req), req.params.id),
  );
}
