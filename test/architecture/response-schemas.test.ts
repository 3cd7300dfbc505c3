import type { FastifyInstance, RouteOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import { testConfig } from '../app.js';
import { openTestDatabase, type TestDatabase } from '../database.js';

/** Every route, as Fastify registers it (buildApp() creates its own instance: see route-recorder). */
const routes = vi.hoisted(() => [] as RouteOptions[]);
vi.mock('fastify', async (importOriginal) =>
  (await import('../route-recorder.js')).recordingFastify(await importOriginal(), routes),
);

const isSuccess = (status: string) => /^2(\d\d|xx)$/i.test(status);
const methodsOf = (route: RouteOptions) => [route.method].flat().filter((m) => m !== 'HEAD');

describe('response contracts', () => {
  let database: TestDatabase;
  let app: FastifyInstance;

  beforeAll(async () => {
    database = await openTestDatabase({ areas: false });
    app = await buildApp({ config: testConfig, db: database.db, logger: false });
    await app.ready();
  });

  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  const apiRoutes = () => routes.filter((route) => route.url.startsWith('/api/v1/') && methodsOf(route).length > 0);

  it('sees the API routes', () => {
    expect(apiRoutes().length).toBeGreaterThan(50);
  });

  it('declares a response schema for a success status on every /api/v1 route', () => {
    const missing = apiRoutes()
      .filter((route) => !Object.keys((route.schema?.response as object | undefined) ?? {}).some(isSuccess))
      .map((route) => `${methodsOf(route).join(',')} ${route.url}`);
    expect(
      missing,
      `${missing.length} of ${apiRoutes().length} routes declare no success response schema:\n${missing.join('\n')}`,
    ).toEqual([]);
  });

  it('publishes a response type for each operation in the OpenAPI document', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(response.statusCode).toBe(200);
    const doc = response.json() as {
      paths: Record<
        string,
        Record<string, { responses?: Record<string, { content?: Record<string, { schema?: unknown }> }> }>
      >;
    };
    const paths = Object.entries(doc.paths).filter(([path]) => path.startsWith('/api/v1/'));
    expect(paths.length).toBeGreaterThan(0);
    const missing: string[] = [];
    for (const [path, operations] of paths) {
      for (const [method, operation] of Object.entries(operations)) {
        if (method === 'parameters' || method === 'head') continue;
        const typed = Object.entries(operation.responses ?? {}).some(
          ([status, answer]) =>
            isSuccess(status) &&
            (status === '204' || Object.values(answer.content ?? {}).some((media) => media.schema !== undefined)),
        );
        if (!typed) missing.push(`${method.toUpperCase()} ${path}`);
      }
    }
    expect(missing, `${missing.length} operations without a success response type:\n${missing.join('\n')}`).toEqual([]);
  });

  it('documents every /api/v1 route in the OpenAPI document', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    const documented = new Set(
      Object.entries(doc.paths).flatMap(([path, operations]) =>
        Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`),
      ),
    );
    const openApiPath = (url: string) => url.replace(/:(\w+)/g, '{$1}');
    const undocumented = apiRoutes().flatMap((route) =>
      methodsOf(route)
        .map((method) => `${method} ${openApiPath(route.url)}`)
        .filter((operation) => !documented.has(operation)),
    );
    expect(undocumented, `routes missing from OpenAPI:\n${undocumented.join('\n')}`).toEqual([]);
  });
});
