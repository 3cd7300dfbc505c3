import type { FastifyInstance, RouteOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { z } from 'zod';
import { buildApp } from '../../src/server/app.js';
import { testConfig } from '../app.js';
import { openTestDatabase, type TestDatabase } from '../database.js';

const routes = vi.hoisted(() => [] as RouteOptions[]);
vi.mock('fastify', async (importOriginal) =>
  (await import('../route-recorder.js')).recordingFastify(await importOriginal(), routes),
);

type Def = z.core.$ZodTypeDef & Record<string, unknown>;
const defOf = (schema: unknown): Def => (schema as z.core.$ZodType)._zod.def as Def;

interface ObjectAt {
  /** Where the object sits: `body`, `body.contact`, `body.items[]`, `body.name{}`. */
  at: string;
  /** Refuses unknown keys (zod's strictObject: its catchall is `never`). */
  strict: boolean;
}

/** Every object a schema can hold, wherever it is nested (optional, union, pipe, array, record ...). */
export function objectsIn(schema: unknown, at: string, seen = new Set<unknown>()): ObjectAt[] {
  if (seen.has(schema)) return [];
  seen.add(schema);
  const def = defOf(schema);
  const inner = (child: unknown, where = at) => (child ? objectsIn(child, where, seen) : []);
  switch (def.type) {
    case 'object': {
      const shape = def.shape as Record<string, unknown>;
      const strict = def.catchall !== undefined && defOf(def.catchall).type === 'never';
      return [{ at, strict }, ...Object.entries(shape).flatMap(([key, child]) => inner(child, `${at}.${key}`))];
    }
    case 'array':
      return inner(def.element, `${at}[]`);
    case 'union':
      return (def.options as unknown[]).flatMap((option) => inner(option));
    case 'intersection':
      return [...inner(def.left), ...inner(def.right)];
    case 'record':
      return inner(def.valueType, `${at}{}`);
    case 'tuple':
      return [...(def.items as unknown[]).flatMap((item, i) => inner(item, `${at}[${i}]`)), ...inner(def.rest)];
    case 'pipe':
      return [...inner(def.in), ...inner(def.out)];
    case 'lazy':
      return inner((def.getter as () => unknown)());
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'nonoptional':
    case 'readonly':
    case 'catch':
      return inner(def.innerType);
    default:
      return [];
  }
}

const methodsOf = (route: RouteOptions) => [route.method].flat().filter((m) => m !== 'HEAD');
const nameOf = (route: RouteOptions) => `${methodsOf(route).join(',')} ${route.url}`;
const bodySchemaOf = (route: RouteOptions) => (route.schema as { body?: unknown } | undefined)?.body;
const responseSchemasOf = (route: RouteOptions) =>
  Object.entries((route.schema as { response?: Record<string, unknown> } | undefined)?.response ?? {});

describe('request contracts', () => {
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

  const bodyRoutes = () => routes.filter((route) => route.url.startsWith('/api/') && bodySchemaOf(route) !== undefined);

  it('sees the routes that take a JSON body', () => {
    expect(bodyRoutes().length).toBeGreaterThan(30);
  });

  it('refuses unknown keys in every object of every request body', () => {
    const tolerant = bodyRoutes().flatMap((route) =>
      objectsIn(bodySchemaOf(route), 'body')
        .filter((object) => !object.strict)
        .map((object) => `${nameOf(route)} ${object.at}`),
    );
    expect(tolerant, `objects in request bodies that accept unknown keys:\n${tolerant.join('\n')}`).toEqual([]);
  });

  it('sees the strict objects of the request bodies (the walk reaches into nested objects)', () => {
    const nested = bodyRoutes().flatMap((route) =>
      objectsIn(bodySchemaOf(route), 'body').filter((o) => o.at !== 'body'),
    );
    expect(nested.length).toBeGreaterThan(20);
    expect(nested.every((o) => o.strict)).toBe(true);
  });

  it('lets every answer strip what it does not list: no strict object in a response schema', () => {
    const strict = routes
      .filter((route) => route.url.startsWith('/api/') && methodsOf(route).length > 0)
      .flatMap((route) =>
        responseSchemasOf(route).flatMap(([status, schema]) =>
          objectsIn(schema, status)
            .filter((object) => object.strict)
            .map((object) => `${nameOf(route)} ${object.at}`),
        ),
      );
    expect(strict, `strict objects in response schemas (a 500 on any extra field):\n${strict.join('\n')}`).toEqual([]);
  });
});
