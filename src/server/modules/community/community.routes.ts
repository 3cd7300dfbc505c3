import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParams } from '../../../shared/common.schemas.js';
import * as s from '../../../shared/schemas/community.js';
import { ctxOf } from '../../http/context.js';
import { sendCreated } from '../../http/create-once.js';
import { uploadedFile } from '../../http/uploads.js';
import { PHOTO_LIMITS } from '../../storage/photo-encoding.js';
import { addPostPhoto, removePostPhoto } from './post-photos.service.js';
import * as sp from '../../../shared/schemas/community-spaces.js';
import { currentRules, decideJoin, listJoins, requestToJoin, writeRules } from './joins.service.js';
import { mentoringRoutes } from './mentoring.routes.js';
import { storiesRoutes } from './stories.routes.js';
import { hidePost, lockThread, restorePost, unlockThread } from './moderation.service.js';
import { eventRoutes } from './events.routes.js';
import { moderationRoutes } from './moderation.routes.js';
import { profileRoutes } from './profiles.routes.js';
import { searchThreads } from './search.service.js';
import { listSpaces, myCommunities, showSpace } from './spaces.service.js';
import {
  acceptAnswer,
  follow,
  listThreads,
  openThread,
  reply,
  reportPost,
  showThread,
  toggleHelpful,
  translatePost,
} from './threads.service.js';

/** Community routes: validate → service (which authorizes) → present. */
export async function communityRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const config = { access: 'user' } as const;
  const tags = ['community'];

  r.get(
    '/api/v1/community/:programId/rules',
    { schema: { params: s.joinParams, response: { 200: s.communityRulesAnswer }, tags }, config: { access: 'public' } },
    async (req) => currentRules(ctxOf(req), req.params.programId),
  );
  r.post(
    '/api/v1/community/:programId/rules',
    {
      schema: { params: s.joinParams, body: s.communityRulesBody, response: { 201: s.communityRulesAnswer }, tags },
      config,
    },
    async (req, reply) => reply.code(201).send(await writeRules(ctxOf(req), req.params.programId, req.body)),
  );
  r.post(
    '/api/v1/community/:programId/joins',
    {
      schema: { params: s.joinParams, body: s.joinBody, response: { 202: s.joinReceipt }, tags },
      config: { access: 'public' },
    },
    async (req, reply) => reply.code(202).send(await requestToJoin(ctxOf(req), req.params.programId, req.body, req.ip)),
  );
  r.get(
    '/api/v1/community/:programId/joins',
    { schema: { params: s.joinParams, querystring: s.joinsQuery, response: { 200: s.joinPage }, tags }, config },
    async (req) => listJoins(ctxOf(req), req.params.programId, req.query),
  );
  r.post(
    '/api/v1/community/joins/:id/welcome',
    { schema: { params: idParams, response: { 200: s.welcomeAnswer }, tags }, config },
    async (req) => decideJoin(ctxOf(req), req.params.id, 'welcome'),
  );
  r.post(
    '/api/v1/community/joins/:id/decline',
    { schema: { params: idParams, response: { 200: s.welcomeAnswer }, tags }, config },
    async (req) => decideJoin(ctxOf(req), req.params.id, 'decline'),
  );

  spaceRoutes(app);
  eventRoutes(app);
  moderationRoutes(app);
  mentoringRoutes(app);
  storiesRoutes(app);
  profileRoutes(app);
}

/** Spaces, threads and moderation: members only (no route here is public, decision 019). */
function spaceRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const config = { access: 'user' } as const;
  const tags = ['community'];
  const moderation = { params: idParams, body: sp.moderationBody, response: { 200: sp.threadAnswer }, tags };

  r.get(
    '/api/v1/community/mine',
    { schema: { response: { 200: sp.myCommunitiesAnswer }, tags }, config },
    async (req) => myCommunities(ctxOf(req)),
  );
  r.get(
    '/api/v1/community/:programId/spaces',
    { schema: { params: sp.spaceParams, response: { 200: sp.spaceList }, tags }, config },
    async (req) => listSpaces(ctxOf(req), req.params.programId),
  );
  r.get(
    '/api/v1/community/:programId/search',
    {
      schema: { params: sp.spaceParams, querystring: sp.searchQuery, response: { 200: sp.threadSearchAnswer }, tags },
      config,
    },
    async (req) => searchThreads(ctxOf(req), req.params.programId, req.query),
  );
  r.get(
    '/api/v1/community/spaces/:id',
    { schema: { params: idParams, response: { 200: sp.spaceAnswer }, tags }, config },
    async (req) => showSpace(ctxOf(req), req.params.id),
  );
  r.get(
    '/api/v1/community/spaces/:id/threads',
    { schema: { params: idParams, querystring: sp.threadsQuery, response: { 200: sp.threadPage }, tags }, config },
    async (req) => listThreads(ctxOf(req), req.params.id, req.query),
  );
  r.post(
    '/api/v1/community/spaces/:id/threads',
    {
      schema: { params: idParams, body: sp.threadBody, response: { 200: sp.threadAnswer, 201: sp.threadAnswer }, tags },
      config,
    },
    async (req, reply) => sendCreated(reply, await openThread(ctxOf(req), req.params.id, req.body)),
  );
  r.get(
    '/api/v1/community/threads/:id',
    { schema: { params: idParams, response: { 200: sp.threadAnswer }, tags }, config },
    async (req) => showThread(ctxOf(req), req.params.id),
  );
  r.post(
    '/api/v1/community/threads/:id/replies',
    {
      schema: { params: idParams, body: sp.replyBody, response: { 200: sp.postAnswer, 201: sp.postAnswer }, tags },
      config,
    },
    async (req, res) => sendCreated(res, await reply(ctxOf(req), req.params.id, req.body)),
  );
  r.post(
    '/api/v1/community/threads/:id/accept',
    { schema: { params: idParams, body: sp.acceptBody, response: { 200: sp.threadAnswer }, tags }, config },
    async (req) => acceptAnswer(ctxOf(req), req.params.id, req.body.postId),
  );
  r.put(
    '/api/v1/community/threads/:id/follow',
    { schema: { params: idParams, response: { 200: sp.followAnswer }, tags }, config },
    async (req) => follow(ctxOf(req), req.params.id, true),
  );
  r.delete(
    '/api/v1/community/threads/:id/follow',
    { schema: { params: idParams, response: { 200: sp.followAnswer }, tags }, config },
    async (req) => follow(ctxOf(req), req.params.id, false),
  );
  r.post(
    '/api/v1/community/posts/:id/helpful',
    { schema: { params: idParams, response: { 200: sp.helpfulAnswer }, tags }, config },
    async (req) => toggleHelpful(ctxOf(req), req.params.id),
  );
  r.post(
    '/api/v1/community/posts/:id/report',
    { schema: { params: idParams, body: sp.reportBody, response: { 201: sp.reportAnswer }, tags }, config },
    async (req, res) => res.code(201).send(await reportPost(ctxOf(req), req.params.id, req.body.reason)),
  );
  r.post(
    '/api/v1/community/posts/:id/translations',
    { schema: { params: idParams, body: sp.translationBody, response: { 200: sp.threadAnswer }, tags }, config },
    async (req) => translatePost(ctxOf(req), req.params.id, req.body),
  );
  r.post(
    '/api/v1/community/posts/:id/photos',
    {
      schema: { params: idParams, consumes: ['multipart/form-data'], response: { 201: sp.postAnswer }, tags },
      config,
    },
    async (req, res) => {
      const { data, mimetype } = await uploadedFile(req, 'photo', PHOTO_LIMITS.maxBytes);
      return res.code(201).send(await addPostPhoto(ctxOf(req), req.params.id, { data, mimetype }));
    },
  );
  r.delete(
    '/api/v1/community/posts/:id/photos/:photoId',
    { schema: { params: sp.postPhotoParams, response: { 200: sp.postAnswer }, tags }, config },
    async (req) => removePostPhoto(ctxOf(req), req.params.id, req.params.photoId),
  );
  r.post('/api/v1/community/posts/:id/hide', { schema: moderation, config }, async (req) =>
    hidePost(ctxOf(req), req.params.id, req.body.reason),
  );
  r.post('/api/v1/community/posts/:id/restore', { schema: moderation, config }, async (req) =>
    restorePost(ctxOf(req), req.params.id, req.body.reason),
  );
  r.post('/api/v1/community/threads/:id/lock', { schema: moderation, config }, async (req) =>
    lockThread(ctxOf(req), req.params.id, req.body.reason),
  );
  r.post('/api/v1/community/threads/:id/unlock', { schema: moderation, config }, async (req) =>
    unlockThread(ctxOf(req), req.params.id, req.body.reason),
  );
}
