import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams, uuid } from '../../../shared/common.schemas.js';
import { ctxOf } from '../../http/context.js';
import { sendCreated } from '../../http/create-once.js';
import { noContent } from '../../http/responses.js';
import { uploadedFile } from '../../http/uploads.js';
import { baseVersion } from '../../http/versioning.js';
import { findHsCodes } from './hs-codes.js';
import { getGroup, listGroups, patchGroup, registerGroup } from './groups.service.js';
import { addMember, deleteMember, getMember, listMembers, patchMember } from './members.service.js';
import { addPhoto, PHOTO_LIMITS, removePhoto } from './photos.service.js';
import { createProduct, getProduct, listProducts, patchProduct } from './products.service.js';
import type { RegistryDeps } from './registry.deps.js';
import * as s from './registry.schemas.js';
import { enrolVillage, getVillage, listVillages, patchVillage } from './villages.service.js';

/**
 * Registry routes: validate → service (which authorizes) → present. 201 for a new record, 200 for
 * a replayed create. `deps` are what the registry needs from modules that import it (app.ts).
 */
export async function registryRoutes(app: FastifyInstance, deps: RegistryDeps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const config = { access: 'user' } as const;

  r.get(
    '/api/v1/villages',
    { schema: { querystring: s.listVillagesQuery, response: { 200: s.villagePage }, tags: ['villages'] }, config },
    async (req) => listVillages(ctxOf(req), req.query),
  );
  r.post(
    '/api/v1/villages',
    {
      schema: {
        body: s.createVillageBody,
        response: { 200: s.villageAnswer, 201: s.villageAnswer },
        tags: ['villages'],
      },
      config,
    },
    async (req, reply) => sendCreated(reply, await enrolVillage(ctxOf(req), req.body)),
  );
  r.get(
    '/api/v1/villages/:id',
    { schema: { params: idParams, response: { 200: s.villageAnswer }, tags: ['villages'] }, config },
    async (req) => getVillage(ctxOf(req), req.params.id),
  );
  r.patch(
    '/api/v1/villages/:id',
    {
      schema: { params: idParams, body: s.patchVillageBody, response: { 200: s.villageAnswer }, tags: ['villages'] },
      config,
    },
    async (req) => patchVillage(ctxOf(req), req.params.id, baseVersion(req, req.body.version), req.body),
  );

  r.get(
    '/api/v1/groups',
    { schema: { querystring: s.listGroupsQuery, response: { 200: s.groupPage }, tags: ['groups'] }, config },
    async (req) => listGroups(ctxOf(req), req.query),
  );
  r.post(
    '/api/v1/groups',
    {
      schema: { body: s.createGroupBody, response: { 200: s.groupAnswer, 201: s.groupAnswer }, tags: ['groups'] },
      config,
    },
    async (req, reply) => sendCreated(reply, await registerGroup(ctxOf(req), req.body)),
  );
  r.get(
    '/api/v1/groups/:id',
    { schema: { params: idParams, response: { 200: s.groupAnswer }, tags: ['groups'] }, config },
    async (req) => getGroup(ctxOf(req), req.params.id),
  );
  r.patch(
    '/api/v1/groups/:id',
    {
      schema: { params: idParams, body: s.patchGroupBody, response: { 200: s.groupAnswer }, tags: ['groups'] },
      config,
    },
    async (req) => patchGroup(ctxOf(req), req.params.id, baseVersion(req, req.body.version), req.body),
  );

  r.get(
    '/api/v1/groups/:id/members',
    {
      schema: { params: idParams, querystring: s.listMembersQuery, response: { 200: s.memberPage }, tags: ['members'] },
      config,
    },
    async (req) => listMembers(ctxOf(req), req.params.id, req.query),
  );
  r.post(
    '/api/v1/groups/:id/members',
    {
      schema: {
        params: idParams,
        body: s.createMemberBody,
        response: { 200: s.memberAnswer, 201: s.memberAnswer },
        tags: ['members'],
      },
      config,
    },
    async (req, reply) => sendCreated(reply, await addMember(ctxOf(req), req.params.id, req.body)),
  );
  r.get(
    '/api/v1/members/:id',
    { schema: { params: idParams, response: { 200: s.memberAnswer }, tags: ['members'] }, config },
    async (req) => getMember(ctxOf(req), req.params.id),
  );
  r.patch(
    '/api/v1/members/:id',
    {
      schema: { params: idParams, body: s.patchMemberBody, response: { 200: s.memberAnswer }, tags: ['members'] },
      config,
    },
    async (req) => patchMember(ctxOf(req), req.params.id, baseVersion(req, req.body.version), req.body),
  );
  r.delete(
    '/api/v1/members/:id',
    { schema: { params: idParams, response: { 204: noContent }, tags: ['members'] }, config },
    async (req, reply) => {
      await deleteMember(ctxOf(req), req.params.id);
      return reply.code(204).send(null);
    },
  );

  r.get(
    '/api/v1/hs-codes',
    { schema: { querystring: s.hsCodeQuery, response: { 200: s.hsCodePage }, tags: ['products'] }, config },
    async (req) => findHsCodes(ctxOf(req), req.query),
  );
  r.get(
    '/api/v1/products',
    { schema: { querystring: s.listProductsQuery, response: { 200: s.productPage }, tags: ['products'] }, config },
    async (req) => listProducts(ctxOf(req), req.query),
  );
  r.post(
    '/api/v1/products',
    {
      schema: {
        body: s.createProductBody,
        response: { 200: s.productAnswer, 201: s.productAnswer },
        tags: ['products'],
      },
      config,
    },
    async (req, reply) => sendCreated(reply, await createProduct(ctxOf(req), deps, req.body)),
  );
  r.get(
    '/api/v1/products/:id',
    { schema: { params: idParams, response: { 200: s.productAnswer }, tags: ['products'] }, config },
    async (req) => getProduct(ctxOf(req), req.params.id),
  );
  r.patch(
    '/api/v1/products/:id',
    {
      schema: { params: idParams, body: s.patchProductBody, response: { 200: s.productAnswer }, tags: ['products'] },
      config,
    },
    async (req) => patchProduct(ctxOf(req), deps, req.params.id, baseVersion(req, req.body.version), req.body),
  );
  r.post(
    '/api/v1/products/:id/photos',
    {
      schema: {
        params: idParams,
        querystring: s.photoUploadQuery,
        consumes: ['multipart/form-data'],
        response: { 201: s.photoAnswer, 200: s.photoAnswer },
        tags: ['products'],
      },
      config,
    },
    async (req, reply) => {
      const { data, mimetype } = await uploadedFile(req, 'photo', PHOTO_LIMITS.maxBytes);
      return sendCreated(reply, await addPhoto(ctxOf(req), req.params.id, { data, mimetype }, req.query.id));
    },
  );
  r.delete(
    '/api/v1/products/:id/photos/:photoId',
    {
      schema: { params: z.object({ id: uuid, photoId: uuid }), response: { 204: noContent }, tags: ['products'] },
      config,
    },
    async (req, reply) => {
      await removePhoto(ctxOf(req), req.params.id, req.params.photoId);
      return reply.code(204).send(null);
    },
  );
}
