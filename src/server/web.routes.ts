import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** dist/web, whether the server runs from dist/server or from src/server. */
const DEFAULT_ROOT = fileURLToPath(new URL('../../dist/web', import.meta.url));

/** The web app's pages: each is the same index.html, which routes in the browser. */
const PAGES = ['/', '/catalog', '/p/*', '/b/*', '/verify/*', '/app', '/app/*'];

/**
 * Serves the built web app: hashed assets cached for a year, index.html never cached. /api,
 * /media and /health keep their own answers (and problem+json 404s).
 */
export async function webRoutes(app: FastifyInstance, options: { root?: string }): Promise<void> {
  const root = options.root ?? DEFAULT_ROOT;
  const indexFile = join(root, 'index.html');
  if (!existsSync(indexFile)) return;
  const index = readFileSync(indexFile);

  await app.register(fastifyStatic, {
    root: join(root, 'assets'),
    prefix: '/assets/',
    wildcard: true,
    immutable: true,
    maxAge: '365d',
    index: false,
    preCompressed: true,
  });
  for (const url of PAGES) {
    app.get(url, { config: { access: 'public' }, schema: { hide: true } }, async (_request, reply) =>
      reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(index),
    );
  }
}
