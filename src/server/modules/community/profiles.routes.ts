import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParams } from '../../../shared/common.schemas.js';
import * as pr from '../../../shared/schemas/community-profiles.js';
import { spaceParams } from '../../../shared/schemas/community-spaces.js';
import { ctxOf } from '../../http/context.js';
import { myProfile, publicProfile, writeProfile } from './profiles.service.js';

/** A member's profile settings, and her public page: validate → service (which authorizes) → present. */
export function profileRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const config = { access: 'user' } as const;
  const tags = ['community'];

  r.get(
    '/api/v1/community/:programId/profile',
    { schema: { params: spaceParams, response: { 200: pr.myProfileAnswer }, tags }, config },
    async (req) => myProfile(ctxOf(req), req.params.programId),
  );
  r.put(
    '/api/v1/community/:programId/profile',
    { schema: { params: spaceParams, body: pr.profileBody, response: { 200: pr.myProfileAnswer }, tags }, config },
    async (req) => writeProfile(ctxOf(req), req.params.programId, req.body),
  );
  r.get(
    '/api/v1/community/people/:id',
    { schema: { params: idParams, response: { 200: pr.publicProfileAnswer }, tags }, config: { access: 'public' } },
    async (req) => publicProfile(ctxOf(req), req.params.id),
  );
}
