import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams, uuid } from '../../../shared/common.schemas.js';
import { ctxOf } from '../../http/context.js';
import { uploadedFile } from '../../http/uploads.js';
import { baseVersion } from '../../http/versioning.js';
import { getGroup, listGroups, patchGroup, registerGroup } from './groups.service.js';
import { addMember, deleteMember, getMember, listMembers, patchMember } from './members.service.js';
import { addPhoto, PHOTO_LIMITS, removePhoto } from './photos.service.js';
import { createProduct, getProduct, listProducts, patchProduct } from './products.service.js';
import * as s from './registry.schemas.js';
import { enrolVillage, getVillage, listVillages, patchVillage } from './villages.service.js';

/** Registry routes: validate → service (which authorizes) → present. 201 for a new record, 200 for a replayed create. */
export async function registryRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const config = { access: 'user' } as const;

  r.get('/api/v1/villages', { schema: { querystring: s.listVillagesQuery, tags: ['villages'] }, config }, async (req) =>
    listVillages(ctxOf(req), req.query),
  );
  r.post(
    '/api/v1/villages',
    { schema: { body: s.createVillageBody, tags: ['villages'] }, config },
    async (req, reply) => {
      const { village, created } = await enrolVillage(ctxOf(req), req.body);
      return reply.code(created ? 201 : 200).send(village);
    },
  );
  r.get('/api/v1/villages/:id', { schema: { params: idParams, tags: ['villages'] }, config }, async (req) =>
    getVillage(ctxOf(req), req.params.id),
  );
  r.patch(
    '/api/v1/villages/:id',
    { schema: { params: idParams, body: s.patchVillageBody, tags: ['villages'] }, config },
    async (req) => patchVillage(ctxOf(req), req.params.id, baseVersion(req, req.body.version), req.body),
  );

  r.get('/api/v1/groups', { schema: { querystring: s.listGroupsQuery, tags: ['groups'] }, config }, async (req) =>
    listGroups(ctxOf(req), req.query),
  );
  r.post('/api/v1/groups', { schema: { body: s.createGroupBody, tags: ['groups'] }, config }, async (req, reply) => {
    const { group, created } = await registerGroup(ctxOf(req), req.body);
    return reply.code(created ? 201 : 200).send(group);
  });
  r.get('/api/v1/groups/:id', { schema: { params: idParams, tags: ['groups'] }, config }, async (req) =>
    getGroup(ctxOf(req), req.params.id),
  );
  r.patch(
    '/api/v1/groups/:id',
    { schema: { params: idParams, body: s.patchGroupBody, tags: ['groups'] }, config },
    async (req) => patchGroup(ctxOf(req), req.params.id, baseVersion(req, req.body.version), req.body),
  );

  r.get(
    '/api/v1/groups/:id/members',
    { schema: { params: idParams, querystring: s.listMembersQuery, tags: ['members'] }, config },
    async (req) => listMembers(ctxOf(req), req.params.id, req.query),
  );
  r.post(
    '/api/v1/groups/:id/members',
    { schema: { params: idParams, body: s.createMemberBody, tags: ['members'] }, config },
    async (req, reply) => {
      const { member, created } = await addMember(ctxOf(req), req.params.id, req.body);
      return reply.code(created ? 201 : 200).send(member);
    },
  );
  r.get('/api/v1/members/:id', { schema: { params: idParams, tags: ['members'] }, config }, async (req) =>
    getMember(ctxOf(req), req.params.id),
  );
  r.patch(
    '/api/v1/members/:id',
    { schema: { params: idParams, body: s.patchMemberBody, tags: ['members'] }, config },
    async (req) => patchMember(ctxOf(req), req.params.id, baseVersion(req, req.body.version), req.body),
  );
  r.delete('/api/v1/members/:id', { schema: { params: idParams, tags: ['members'] }, config }, async (req, reply) => {
    await deleteMember(ctxOf(req), req.params.id);
    return reply.code(204).send();
  });

  r.get('/api/v1/products', { schema: { querystring: s.listProductsQuery, tags: ['products'] }, config }, async (req) =>
    listProducts(ctxOf(req), req.query),
  );
  r.post(
    '/api/v1/products',
    { schema: { body: s.createProductBody, tags: ['products'] }, config },
    async (req, reply) => {
      const { product, created } = await createProduct(ctxOf(req), req.body);
      return reply.code(created ? 201 : 200).send(product);
    },
  );
  r.get('/api/v1/products/:id', { schema: { params: idParams, tags: ['products'] }, config }, async (req) =>
    getProduct(ctxOf(req), req.params.id),
  );
  r.patch(
    '/api/v1/products/:id',
    { schema: { params: idParams, body: s.patchProductBody, tags: ['products'] }, config },
    async (req) => patchProduct(ctxOf(req), req.params.id, baseVersion(req, req.body.version), req.body),
  );
  r.post(
    '/api/v1/products/:id/photos',
    { schema: { params: idParams, consumes: ['multipart/form-data'], tags: ['products'] }, config },
    async (req, reply) => {
      const { data, mimetype } = await uploadedFile(req, 'photo', PHOTO_LIMITS.maxBytes);
      return reply.code(201).send(await addPhoto(ctxOf(req), req.server.files, req.params.id, { data, mimetype }));
    },
  );
  r.delete(
    '/api/v1/products/:id/photos/:photoId',
    { schema: { params: z.object({ id: uuid, photoId: uuid }), tags: ['products'] }, config },
    async (req, reply) => {
      await removePhoto(ctxOf(req), req.server.files, req.params.id, req.params.photoId);
      return reply.code(204).send();
    },
  );
}
