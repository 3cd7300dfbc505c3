import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParams } from '../../../shared/common.schemas.js';
import { ctxOf } from '../../http/context.js';
import { sendCreated } from '../../http/create-once.js';
import { noContent } from '../../http/responses.js';
import { baseVersion } from '../../http/versioning.js';
import { createToken, listTokens, me, revokeToken, SESSION_COOKIE, signIn, signOut } from './auth.service.js';
import { acceptInvitation } from './invitations.js';
import * as s from './platform.schemas.js';
import { createUser, getUser, listUsers, patchUser } from './users.service.js';

export async function platformRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const user = { access: 'user' } as const;

  r.post(
    '/api/v1/auth/sign-in',
    { schema: { body: s.signInBody, response: { 200: s.signInAnswer }, tags: ['auth'] }, config: { access: 'public' } },
    async (req, reply) => {
      const { secret, expiresAt, user: signedIn } = await signIn(ctxOf(req), req.body, req.ip);
      void reply.setCookie(SESSION_COOKIE, secret, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: req.protocol === 'https',
        expires: expiresAt,
      });
      return { user: signedIn };
    },
  );

  r.post(
    '/api/v1/auth/sign-out',
    { schema: { response: { 204: noContent }, tags: ['auth'] }, config: { access: 'public' } },
    async (req, reply) => {
      await signOut(ctxOf(req), req.cookies[SESSION_COOKIE]);
      void reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send(null);
    },
  );

  r.post(
    '/api/v1/invitations/accept',
    {
      schema: { body: s.acceptInvitationBody, response: { 200: s.acceptedInvitationAnswer }, tags: ['auth'] },
      config: { access: 'public' },
    },
    async (req) => acceptInvitation(ctxOf(req), req.body),
  );

  r.get('/api/v1/me', { schema: { response: { 200: s.meAnswer }, tags: ['auth'] }, config: user }, async (req) =>
    me(ctxOf(req)),
  );

  r.get(
    '/api/v1/tokens',
    { schema: { response: { 200: s.tokenList }, tags: ['auth'] }, config: user },
    async (req) => ({
      items: await listTokens(ctxOf(req)),
    }),
  );
  r.post(
    '/api/v1/tokens',
    { schema: { body: s.createTokenBody, response: { 201: s.createdTokenAnswer }, tags: ['auth'] }, config: user },
    async (req, reply) => reply.code(201).send(await createToken(ctxOf(req), req.body)),
  );
  r.delete(
    '/api/v1/tokens/:id',
    { schema: { params: idParams, response: { 204: noContent }, tags: ['auth'] }, config: user },
    async (req, reply) => {
      await revokeToken(ctxOf(req), req.params.id);
      return reply.code(204).send(null);
    },
  );

  const users = ['users'];
  r.get(
    '/api/v1/users',
    { schema: { querystring: s.listUsersQuery, response: { 200: s.userPage }, tags: users }, config: user },
    async (req) => listUsers(ctxOf(req), req.query),
  );
  r.post(
    '/api/v1/users',
    {
      schema: { body: s.createUserBody, response: { 201: s.userAnswer, 200: s.userAnswer }, tags: users },
      config: user,
    },
    async (req, reply) => sendCreated(reply, await createUser(ctxOf(req), req.body)),
  );
  r.get(
    '/api/v1/users/:id',
    { schema: { params: idParams, response: { 200: s.userAnswer }, tags: users }, config: user },
    async (req) => getUser(ctxOf(req), req.params.id),
  );
  r.patch(
    '/api/v1/users/:id',
    {
      schema: { params: idParams, body: s.patchUserBody, response: { 200: s.userAnswer }, tags: users },
      config: user,
    },
    async (req) => patchUser(ctxOf(req), req.params.id, baseVersion(req, req.body.version), req.body),
  );
}
