import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParams } from '../../../shared/common.schemas.js';
import { ctxOf } from '../../http/context.js';
import { baseVersion } from '../../http/versioning.js';
import { createToken, listTokens, me, revokeToken, SESSION_COOKIE, signIn, signOut } from './auth.service.js';
import { createTokenBody, createUserBody, listUsersQuery, patchUserBody, signInBody } from './platform.schemas.js';
import { createUser, getUser, listUsers, patchUser } from './users.service.js';

export async function platformRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const user = { access: 'user' } as const;

  r.post(
    '/api/v1/auth/sign-in',
    { schema: { body: signInBody, tags: ['auth'] }, config: { access: 'public' } },
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

  r.post('/api/v1/auth/sign-out', { schema: { tags: ['auth'] }, config: { access: 'public' } }, async (req, reply) => {
    await signOut(ctxOf(req), req.cookies[SESSION_COOKIE]);
    void reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.code(204).send();
  });

  r.get('/api/v1/me', { schema: { tags: ['auth'] }, config: user }, async (req) => me(ctxOf(req)));

  r.get('/api/v1/tokens', { schema: { tags: ['auth'] }, config: user }, async (req) => ({
    items: await listTokens(ctxOf(req)),
  }));
  r.post('/api/v1/tokens', { schema: { body: createTokenBody, tags: ['auth'] }, config: user }, async (req, reply) =>
    reply.code(201).send(await createToken(ctxOf(req), req.body)),
  );
  r.delete('/api/v1/tokens/:id', { schema: { params: idParams, tags: ['auth'] }, config: user }, async (req, reply) => {
    await revokeToken(ctxOf(req), req.params.id);
    return reply.code(204).send();
  });

  r.get('/api/v1/users', { schema: { querystring: listUsersQuery, tags: ['users'] }, config: user }, async (req) =>
    listUsers(ctxOf(req), req.query),
  );
  r.post('/api/v1/users', { schema: { body: createUserBody, tags: ['users'] }, config: user }, async (req, reply) => {
    const { user: created, created: isNew } = await createUser(ctxOf(req), req.body);
    return reply.code(isNew ? 201 : 200).send(created);
  });
  r.get('/api/v1/users/:id', { schema: { params: idParams, tags: ['users'] }, config: user }, async (req) =>
    getUser(ctxOf(req), req.params.id),
  );
  r.patch(
    '/api/v1/users/:id',
    { schema: { params: idParams, body: patchUserBody, tags: ['users'] }, config: user },
    async (req) => patchUser(ctxOf(req), req.params.id, baseVersion(req, req.body.version), req.body),
  );
}
