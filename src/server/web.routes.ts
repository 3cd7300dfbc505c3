import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** dist/web, whether the server runs from dist/server or from src/server. */
const DEFAULT_ROOT = fileURLToPath(new URL('../../dist/web', import.meta.url));

/** The web app's pages: each is the same index.html, which routes in the browser. */
const PAGES = ['/', '/catalog', '/p/*', '/b/*', '/verify/*', '/app', '/app/*'];

const SHELL_FILES = [
  ['/sw.js', 'sw.js', 'text/javascript; charset=utf-8'],
  ['/manifest.webmanifest', 'manifest.webmanifest', 'application/manifest+json'],
  ['/index.html', 'index.html', 'text/html; charset=utf-8'],
] as const;

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
  // The installable app: its manifest and icons, and the service worker, which must never be cached
  // (a browser checks it for a new version on each visit) and is fetched by the precache as index.html.
  if (existsSync(join(root, 'icons'))) {
    await app.register(fastifyStatic, {
      root: join(root, 'icons'),
      prefix: '/icons/',
      decorateReply: false,
      maxAge: '7d',
      index: false,
    });
  }
  for (const [url, file, type] of SHELL_FILES) {
    const path = join(root, file);
    if (!existsSync(path)) continue;
    const body = readFileSync(path);
    app.get(url, { config: { access: 'public' }, schema: { hide: true } }, async (_request, reply) =>
      reply.header('cache-control', 'no-cache').type(type).send(body),
    );
  }
  for (const url of PAGES) {
    app.get(url, { config: { access: 'public' }, schema: { hide: true } }, async (_request, reply) =>
      reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(index),
    );
  }
}
