import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import helmet from 'helmet';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Config } from './config.js';
import { PersonalDataCipher } from './crypto/personal-data.js';
import type { Database } from './db/database.js';
import { WROTE_COOKIE, type ReadReplicas } from './db/replicas.js';
import { batchScope, systemClock, type Clock } from './http/context.js';
import { batchRoutes } from './http/batch.routes.js';
import { errorHandler, notFound, sendProblem } from './http/errors.js';
import { refuseUnstorableText } from './http/storable-text.js';
import { batchesRoutes, businessRoutes } from './modules/business/index.js';
import { geographyRoutes } from './modules/geography/index.js';
import { homeRoutes } from './modules/home/index.js';
import { countriesRoutes } from './modules/countries/index.js';
import { dhis2Routes, impactRoutes } from './modules/impact/index.js';
import { CatalogAnswers, marketRoutes, tradeRoutes } from './modules/market/index.js';
import { actorOfAccount, notificationsRoutes, platformRoutes, registerAuthHooks } from './modules/platform/index.js';
import { organisationsRoutes } from './modules/organisations/index.js';
import { programsRoutes } from './modules/programs/index.js';
import { qualityFileReaders, qualityRoutes, registryExportReadinessCheck } from './modules/quality/index.js';
import { registryRoutes } from './modules/registry/index.js';
import { trainingFileReaders, trainingRoutes } from './modules/training/index.js';
import { communityFileReaders, communityRoutes } from './modules/community/index.js';
import { DiskFileStorage, type FileStorage } from './storage/file-storage.js';
import { S3FileStorage } from './storage/s3-file-storage.js';
import { mediaRoutes, PHOTO_UPLOAD_LIMIT } from './storage/media.routes.js';
import { notFoundPage, webRoutes } from './web.routes.js';
import { VERSION } from './version.js';

export interface AppOptions {
  config: Config;
  db: Database;
  /** Read replicas of a PostgreSQL `db` (DATABASE_REPLICA_URLS), for the routes that read from them. */
  replicas?: ReadReplicas;
  /** false in tests; a pino logger at the configured level otherwise. */
  logger?: boolean;
  /** Where logs go (stdout by default); tests read them to prove no secret is logged. */
  logStream?: NodeJS.WritableStream;
  files?: FileStorage;
  /** "Now" for every service; tests pass a fixed clock to pin "today". */
  clock?: Clock;
  /** The built web app (dist/web); its pages are served only when it has been built. */
  webRoot?: string;
}

/** Never logged, wherever they appear: credentials and personal numbers. */
const REDACT = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  '*.password',
  '*.currentPassword',
  '*.token',
  '*.nationalId',
  '*.phone',
];

/**
 * Read-your-writes: before a signed-in user's write is answered, the primary's WAL position is
 * kept for that user (and sent back in a cookie, for the other instances), and their reads go to
 * the primary until a replica has replayed it. A request
 * inside a batch is covered by the batch's own answer, sent after its one transaction committed.
 */
function rememberWrites(app: FastifyInstance, replicas: ReadReplicas): void {
  app.addHook('onSend', async (request, reply) => {
    if (request.method === 'GET' || request.method === 'HEAD' || request.method === 'OPTIONS') return;
    if (request.actor?.kind !== 'user' || batchScope.getStore()) return;
    const lsn = await replicas
      .wrote(request.actor.id)
      .catch((error: unknown) => request.log.warn({ err: error }, 'write position'));
    if (lsn === undefined) return;
    void reply.setCookie(WROTE_COOKIE, lsn.toString(), {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: request.protocol === 'https',
      maxAge: 600,
    });
  });
}

/** Uploads go to S3-compatible storage when configured, else to the data folder. */
export function fileStorageFor(config: Config): FileStorage {
  return config.s3 ? new S3FileStorage(config.s3) : new DiskFileStorage(join(config.dataDir, 'files'));
}

export async function buildApp({
  config,
  db,
  replicas,
  logger = true,
  logStream,
  files,
  clock = systemClock,
  webRoot,
}: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: logger
      ? {
          level: config.logLevel,
          redact: { paths: REDACT, censor: '[redacted]' },
          ...(logStream ? { stream: logStream } : {}),
        }
      : false,
    genReqId: () => randomUUID(),
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
    routerOptions: { maxParamLength: 200 },
    // A URL the router cannot decode (400) or a path parameter over `maxParamLength` (414) is the
    // client's, answered as problem+json like every other refusal (Fastify's own answer is plain JSON).
    frameworkErrors: (error, request, reply) => errorHandler(error, request, reply),
  });
  app.decorate('db', db);
  app.decorate('replicas', replicas);
  app.decorate('config', config);
  app.decorate('cipher', new PersonalDataCipher(config.secret));
  app.decorate('files', files ?? fileStorageFor(config));
  app.decorate('clock', clock);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  // An unknown page address gets the web app's own not-found page; the API keeps problem+json.
  const pageNotFound = notFoundPage(webRoot);
  app.setNotFoundHandler((request, reply) => {
    if (pageNotFound(request, reply)) return reply;
    return sendProblem(reply, notFound(`${request.method} ${request.url.split('?')[0]}`));
  });

  // Every API route must say who may reach it; a route that forgets is a start-up error, not a leak.
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api/v1/') && !route.config?.access) {
      throw new Error(`Route ${route.method} ${route.url} declares no access rule`);
    }
  });
  // Text PostgreSQL cannot store is the client's 400, found before any schema or query sees it.
  app.addHook('preValidation', refuseUnstorableText);
  app.addHook('onSend', async (request, reply) => {
    void reply.header('x-request-id', request.id);
  });
  if (replicas) rememberWrites(app, replicas);

  // Security headers on every answer, from a policy built once; not on a batch's inner requests,
  // whose headers never reach a browser.
  const securityHeaders = helmet({
    contentSecurityPolicy: {
      directives: {
        'default-src': ["'self'"],
        'img-src': ["'self'", 'data:', 'blob:'],
        'style-src': ["'self'", "'unsafe-inline'"],
        'script-src': ["'self'"],
        'frame-ancestors': ["'none'"],
      },
    },
  });
  app.addHook('onRequest', (request, reply, done) => {
    if (batchScope.getStore()) done();
    else securityHeaders(request.raw, reply.raw, (error) => done(error as Error | undefined));
  });
  await app.register(fastifyCookie);
  await app.register(fastifyMultipart, { limits: { fileSize: PHOTO_UPLOAD_LIMIT, files: 1, fields: 10 } });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'OVOP API', version: VERSION, description: 'The One Village One Product platform API (v1).' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'ovop_session' },
          token: { type: 'http', scheme: 'bearer' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  registerAuthHooks(app);

  app.get('/health', { config: { access: 'public' } }, async () => {
    await db.query('SELECT 1');
    return { status: 'ok', database: db.kind, version: VERSION, ...(replicas ? { replicas: replicas.health() } : {}) };
  });
  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () => app.swagger());

  await app.register(platformRoutes);
  await app.register(geographyRoutes);
  await app.register(programsRoutes);
  await app.register(registryRoutes, { exportReadiness: registryExportReadinessCheck });
  await app.register(qualityRoutes);
  await app.register(businessRoutes);
  await app.register(batchesRoutes);
  await app.register(trainingRoutes);
  await app.register(communityRoutes);
  // One cache of the public catalog's answers for its API and its pages rendered on the server.
  const catalogAnswers = new CatalogAnswers(clock, config.catalogCacheBytes, config.catalogInMemory ? db : undefined);
  await app.register(marketRoutes, { answers: catalogAnswers });
  await app.register(tradeRoutes);
  await app.register(notificationsRoutes);
  await app.register(homeRoutes);
  await app.register(impactRoutes);
  await app.register(dhis2Routes);
  await app.register(organisationsRoutes);
  await app.register(countriesRoutes);
  await app.register(batchRoutes);
  await app.register(mediaRoutes, {
    privateFolders: { ...qualityFileReaders, ...trainingFileReaders, ...communityFileReaders },
    accountActor: actorOfAccount,
  });
  await app.register(webRoutes, { ...(webRoot ? { root: webRoot } : {}), catalogAnswers });
  return app;
}
