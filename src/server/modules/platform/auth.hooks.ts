import type { FastifyInstance, FastifyRequest } from 'fastify';
import { batchScope, type UserActor } from '../../http/context.js';
import { forbidden, unauthorized } from '../../http/errors.js';
import { resolveActor, SESSION_COOKIE } from './auth.service.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The one gate every request passes: it resolves who is calling, refuses routes that need a
 * signed-in user, stops cross-site writes riding on the session cookie (CSRF), and keeps answers to
 * a caller with credentials out of caches.
 */
export function registerAuthHooks(app: FastifyInstance): void {
  app.decorateRequest('actor', null as unknown as UserActor);
  app.addHook('onRequest', async (request) => {
    // A request inside a batch acts as whoever sent the batch, checked once at its door.
    const batch = batchScope.getStore();
    if (batch) {
      if (request.routeOptions.config.access !== 'user')
        throw forbidden('Only the API of signed-in users can be reached inside a batch.', { code: 'not-in-batch' });
      request.actor = batch.actor;
      return;
    }
    const bearer = bearerOf(request);
    const sessionSecret = request.cookies[SESSION_COOKIE];
    const access = request.routeOptions.config.access;
    if (!SAFE_METHODS.has(request.method) && bearer === undefined)
      assertSameOrigin(request, sessionSecret !== undefined);
    const actor = await resolveActor(app.db, { bearer, sessionSecret }, app.clock.now());
    request.actor = actor;
    if (access === 'user' && actor.kind !== 'user') throw unauthorized();
  });
  // An answer to a request that carries credentials may be the caller's alone (even on a public
  // route): no browser or proxy cache keeps it. A route that chose its own policy keeps it — the
  // same public photo for everyone, the app's index.html.
  app.addHook('onSend', async (request, reply) => {
    if (reply.hasHeader('cache-control')) return;
    if (request.headers.authorization !== undefined || request.cookies[SESSION_COOKIE] !== undefined)
      void reply.header('cache-control', 'no-store');
  });
}

function bearerOf(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (header === undefined) return undefined;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) throw unauthorized('The Authorization header must be "Bearer <token>".', { code: 'bearer-malformed' });
  return match[1];
}

/**
 * Browsers send Origin on every cross-origin and same-origin write; a cookie-authenticated write
 * must come from this very origin. Requests without cookies (API clients) need no Origin.
 */
function assertSameOrigin(request: FastifyRequest, hasSessionCookie: boolean): void {
  const origin = request.headers.origin;
  const fetchSite = request.headers['sec-fetch-site'];
  if (origin !== undefined) {
    if (!sameOrigin(origin, `${request.protocol}://${request.host}`))
      throw forbidden('Cross-site request refused.', { code: 'cross-site' });
    return;
  }
  if (fetchSite !== undefined && fetchSite !== 'same-origin' && fetchSite !== 'none') {
    throw forbidden('Cross-site request refused.', { code: 'cross-site' });
  }
  if (hasSessionCookie && fetchSite === undefined) {
    throw forbidden('A cookie-authenticated write must carry an Origin header.', { code: 'origin-missing' });
  }
}

function sameOrigin(a: string, b: string): boolean {
  try {
    return new URL(a).origin === new URL(b).origin;
  } catch {
    return false;
  }
}
