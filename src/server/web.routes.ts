import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { UiLocale } from '../shared/locales.js';
import { localized } from '../shared/localized.js';
import type { CatalogPageAnswer, CatalogProductAnswer, CatalogQuery } from '../shared/schemas/market.js';
import { readPool, type Ctx } from './http/context.js';
import { Problem } from './http/errors.js';
import { batchProvenance } from './modules/business/provenance.service.js';
import { listPublicEvents, showPublicEvent } from './modules/community/public-events.service.js';
import { publicProfile } from './modules/community/profiles.service.js';
import { publicStories, publicStory } from './modules/community/stories.service.js';
import { listAreas } from './modules/geography/geography.service.js';
import { programById } from './modules/programs/index.js';
import { groupById } from './modules/registry/index.js';
import type { CatalogAnswer, CatalogAnswers } from './modules/market/catalog-answers.js';
import { verifyCertificate, verifyCertificateNumber } from './modules/training/certificates.service.js';
import { batchPage } from './pages/batch.js';
import { catalogPage, catalogQueryOf, type CatalogFilters } from './pages/catalog.js';
import { eventPage, eventsPage } from './pages/events.js';
import {
  inlineStylesheets,
  notFoundPage as renderedNotFound,
  pageLocale,
  renderPage,
  type RenderedPage,
} from './pages/page.js';
import { productPage } from './pages/product.js';
import { personPage } from './pages/people.js';
import { storiesPage, storyPage } from './pages/story.js';
import { unknownCertificatePage, verifyPage } from './pages/verify.js';

/** dist/web, whether the server runs from dist/server or from src/server. */
const DEFAULT_ROOT = fileURLToPath(new URL('../../dist/web', import.meta.url));

/**
 * The web app's pages: each is the same index.html, which routes in the browser. /catalog, /p/{id},
 * /b/{id}, /verify/{id}, the success stories, the public events and members' public pages are rendered
 * with their content
 * (RENDERED_PAGES, below).
 */
const PAGES = ['/', '/verify', '/ratings/*', '/join/*', '/invitation', '/app', '/app/*'];

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
 * What a page reads with: the read pool, the clock, the site's origin for its absolute links, and
 * the catalog's answers, kept for a visitor who is not signed in (CatalogAnswers).
 */
type Reader = Pick<Ctx, 'db' | 'clock'> & {
  origin: string;
  catalog: CatalogReads;
  provinces: () => Promise<Areas>;
  /** The product categories of a group's program, each named in its languages. */
  categories: (groupId: string) => Promise<Categories>;
};
type Areas = readonly { code: string; name: string }[];
type Categories = readonly { code: string; name: Record<string, string> }[];

/**
 * How long the process keeps the provinces of the catalog's filter and the names of a program's product
 * categories: they change only when areas are imported or the program is edited.
 */
const REFERENCE_KEPT_MS = 10 * 60_000;
/** The groups whose programs' categories (or any other key) the process keeps at most (then it starts again). */
const KEPT_GROUPS = 5_000;
/**
 * `read`, its answer kept by key for REFERENCE_KEPT_MS (at most KEPT_GROUPS keys, then all are read
 * again); a failed read is not kept.
 */
function keptFor<T>(read: (db: Reader['db'], key: string) => Promise<T>) {
  const kept = new Map<string, { at: number; value: Promise<T> }>();
  return (db: Reader['db'], key: string): Promise<T> => {
    const entry = kept.get(key);
    if (entry && performance.now() - entry.at <= REFERENCE_KEPT_MS) return entry.value;
    if (kept.size >= KEPT_GROUPS) kept.clear();
    const fresh = { at: performance.now(), value: read(db, key) };
    kept.set(key, fresh);
    fresh.value.catch(() => {
      if (kept.get(key) === fresh) kept.delete(key);
    });
    return fresh.value;
  };
}
interface CatalogReads {
  page(query: CatalogQuery): Promise<CatalogPageAnswer>;
  product(id: string, locale: UiLocale): Promise<CatalogProductAnswer>;
}
/** A rendered page, or one answered with 404 (a page of its own); null: the plain not-found page. */
type Render = (
  id: string,
  query: Record<string, string | undefined>,
  locale: UiLocale,
  reader: Reader,
) => Promise<(RenderedPage & { status?: 404 }) | null>;

/**
 * The public pages answered with their content, title and link-preview tags in the visitor's language
 * (src/server/pages): a visitor without JavaScript, a search engine or a link preview reads them as
 * they are. An unknown or unpublished id answers 404 with a not-found page.
 */
const RENDERED_PAGES: Record<string, Render> = {
  '/catalog': async (_id, query, locale, reader) => {
    // one value each, as the app reads them (a repeated one is not the app's)
    const one = (value: unknown) => (typeof value === 'string' ? value : '');
    const filters: CatalogFilters = {
      q: one(query.q),
      area: one(query.area),
      minStars: one(query.minStars),
      exportReady: one(query.exportReady),
    };
    // A filter the search refuses (an unknown area) leaves the list to the app, which says why.
    const [found, provinces] = await Promise.all([
      reader.catalog.page(catalogQueryOf(filters, locale)).catch((error: unknown) => {
        if (error instanceof Problem && error.status === 400) return { items: [] };
        throw error;
      }),
      reader.provinces(),
    ]);
    return catalogPage(filters, found.items, locale, reader.origin, provinces);
  },
  '/events': async (_id, query, locale, reader) => {
    const programId = typeof query.program === 'string' && UUID.test(query.program) ? query.program : '';
    const found = programId ? await listPublicEvents(reader, programId) : { items: [] };
    return eventsPage(programId, found.items, locale);
  },
  '/events/:id': async (id, _query, locale, reader) =>
    UUID.test(id) ? eventPage(await showPublicEvent(reader, id), locale, reader.origin) : null,
  '/p/:id': async (id, _query, locale, reader) => {
    if (!UUID.test(id)) return null;
    const product = await reader.catalog.product(id, locale);
    const categories = await reader.categories(product.group.id);
    const name = categories.find((c) => c.code === product.category)?.name;
    return productPage(product, locale, reader.origin, localized(name, locale) ?? product.category);
  },
  '/b/:id': async (id, _query, locale, reader) =>
    UUID.test(id) ? batchPage(await batchProvenance(reader, id, locale), locale) : null,
  '/people/:id': async (id, _query, locale, reader) =>
    UUID.test(id) ? personPage(await publicProfile(reader, id), locale) : null,
  '/stories': async (_id, query, locale, reader) => {
    const programId = typeof query.program === 'string' && UUID.test(query.program) ? query.program : null;
    const stories = programId ? (await publicStories(reader, programId)).items : [];
    return storiesPage(programId, stories, locale);
  },
  '/stories/:id': async (id, _query, locale, reader) =>
    UUID.test(id) ? storyPage(await publicStory(reader, id), locale, reader.origin) : null,
  '/verify/:id': async (id, _query, locale, reader) => {
    try {
      const answer = UUID.test(id) ? await verifyCertificate(reader, id) : await verifyCertificateNumber(reader, id);
      return verifyPage(id, answer, locale);
    } catch (error) {
      if (!(error instanceof Problem) || (error.status !== 400 && error.status !== 404)) throw error;
      return { ...unknownCertificatePage(id, error.status === 400, locale), status: 404 };
    }
  },
};

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
export async function webRoutes(
  app: FastifyInstance,
  options: { root?: string; catalogAnswers: CatalogAnswers },
): Promise<void> {
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
  // The site's icon, which browsers ask for on every page (src/web/public/favicon.ico; the app's own
  // icon where a build has none), kept a week like the other icons.
  const favicon = [
    ['favicon.ico', 'image/x-icon'],
    [join('icons', 'icon-192.png'), 'image/png'],
  ].find(([file]) => existsSync(join(root, file!)));
  if (favicon) {
    const [file, type] = favicon as [string, string];
    const body = readFileSync(join(root, file));
    app.get('/favicon.ico', { config: { access: 'public' }, schema: { hide: true } }, async (_request, reply) =>
      reply.header('cache-control', 'public, max-age=604800').type(type).send(body),
    );
  }
  for (const [url, file, type] of SHELL_FILES) {
    const path = join(root, file);
    if (!existsSync(path)) continue;
    const body = readFileSync(path);
    app.get(url, { config: { access: 'public' }, schema: { hide: true } }, async (_request, reply) =>
      reply.header('cache-control', 'no-cache').type(type).send(body),
    );
  }
  const shell = inlineStylesheets(index.toString('utf8'), root);
  // The catalog's region filter: the provinces, as the app asks for them (/api/v1/areas?level=province&limit=100),
  // read once in a while rather than on every page.
  const provincesOf = keptFor((db: Reader['db']) =>
    listAreas({ db }, { level: 'province', limit: 100 }).then((page) =>
      page.items.map(({ code, name }) => ({ code, name })),
    ),
  );
  // The JSON-LD's category of a product page: the name its program gives the category code.
  const categoriesOf = keptFor((db: Reader['db'], groupId: string) =>
    groupById(db, groupId).then(async (group) =>
      group ? ((await programById(db, group.program_id))?.categories ?? []) : [],
    ),
  );
  for (const [url, render] of Object.entries(RENDERED_PAGES)) {
    app.get<{ Params: { id: string }; Querystring: Record<string, string | undefined> }>(
      url,
      { config: { access: 'public', reads: 'replica' }, schema: { hide: true } },
      async (request, reply) => {
        const locale = pageLocale(request);
        const origin = `${request.protocol}://${request.host}`;
        const db = readPool(request);
        const kept = request.actor.kind !== 'user';
        const { catalogAnswers: answers } = options;
        const parsed = async <T>(answer: Promise<CatalogAnswer>) => JSON.parse(await (await answer).body()) as T;
        const catalog: CatalogReads = {
          page: (query) => parsed(answers.page(db, query, kept)),
          product: (id, locale) => parsed(answers.product(db, id, locale, kept)),
        };
        const reader: Reader = {
          db,
          clock: app.clock,
          origin,
          catalog,
          provinces: () => provincesOf(db, ''),
          categories: (groupId) => categoriesOf(db, groupId),
        };
        const answer = await render(request.params.id ?? '', request.query, locale, reader).catch((error: unknown) => {
          if (error instanceof Problem && error.status === 404) return null;
          throw error;
        });
        const page = answer ?? renderedNotFound(request.url, locale);
        // Signed-in or not, a page is read as a visitor reads it, in the language its request asks for;
        // a signed-in visitor's page is theirs all the same: no shared cache may keep it.
        return reply
          .code(answer === null || answer.status === 404 ? 404 : 200)
          .header('vary', 'Accept-Language, Cookie')
          .header('cache-control', request.actor.kind === 'user' ? 'private, no-cache' : 'no-cache')
          .type('text/html; charset=utf-8')
          .send(renderPage(shell, page, locale, origin));
      },
    );
  }
  for (const url of PAGES) {
    app.get(url, { config: { access: 'public' }, schema: { hide: true } }, async (_request, reply) =>
      sendPage(reply, index),
    );
  }
}
