import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { readPool } from './http/context.js';
import { Problem } from './http/errors.js';
import { getCatalogProduct } from './modules/market/catalog.service.js';
import { pageLocale, productPage } from './product-page.js';

/** dist/web, whether the server runs from dist/server or from src/server. */
const DEFAULT_ROOT = fileURLToPath(new URL('../../dist/web', import.meta.url));

/** The web app's pages: each is the same index.html, which routes in the browser. */
const PAGES = [
  '/',
  '/catalog',
  '/b/*',
  '/verify',
  '/verify/*',
  '/ratings/*',
  '/join/*',
  '/stories',
  '/stories/*',
  '/invitation',
  '/app',
  '/app/*',
];

/** Addresses that are not pages: an unknown one keeps its problem+json 404 (the API, files, health). */
const NOT_PAGES = /^\/(api|media|assets|health)(\/|$|\?)/;

/** The built web app's shell, or null when it has not been built. */
function readIndex(root: string): Buffer | null {
  const file = join(root, 'index.html');
  return existsSync(file) ? readFileSync(file) : null;
}

const sendPage = (reply: FastifyReply, page: Buffer | string) =>
  reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(page);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The answer to an unknown page address (a GET of anything outside /api, /media, /assets and
 * /health): 404 with the web app's shell, which shows its not-found page in the reader's language.
 * Null when the address is not a page or the web app is not built (then problem+json answers).
 */
export function notFoundPage(root: string = DEFAULT_ROOT): (request: FastifyRequest, reply: FastifyReply) => boolean {
  const page = readIndex(root);
  return (request, reply) => {
    if (!page || (request.method !== 'GET' && request.method !== 'HEAD') || NOT_PAGES.test(request.url)) return false;
    void sendPage(reply.code(404), page);
    return true;
  };
}

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
  const index = readIndex(root);
  if (!index) return;

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
  // The product page, rendered with its content, title and link-preview tags in the visitor's
  // language; 404 with the shell (the app's not-found page) for an unknown or unpublished id.
  const shell = index.toString('utf8');
  app.get<{ Params: { id: string }; Querystring: { lang?: string } }>(
    '/p/:id',
    { config: { access: 'public', reads: 'replica' }, schema: { hide: true } },
    async (request, reply) => {
      // Signed-in or not, the page is read as a visitor reads it; it says which languages it varies by.
      void reply.header('vary', 'Accept-Language, Cookie');
      const { id } = request.params;
      if (!UUID.test(id)) return sendPage(reply.code(404), index);
      const locale = pageLocale(request.query.lang, request.headers['accept-language']);
      try {
        const product = await getCatalogProduct({ db: readPool(request), clock: app.clock }, id, locale);
        const origin = `${request.protocol}://${request.host}`;
        // A signed-in visitor's page is theirs: no shared cache may keep it.
        return await reply
          .header('cache-control', request.actor.kind === 'user' ? 'private, no-cache' : 'no-cache')
          .type('text/html; charset=utf-8')
          .send(productPage(shell, product, locale, origin));
      } catch (error) {
        if (error instanceof Problem && error.status === 404) return sendPage(reply.code(404), index);
        throw error;
      }
    },
  );
  for (const url of PAGES) {
    app.get(url, { config: { access: 'public' }, schema: { hide: true } }, async (_request, reply) =>
      sendPage(reply, index),
    );
  }
}
