import type { FastifyInstance, RouteOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { buildApp } from '../../src/server/app.js';
import { ORIGIN, testConfig, type Session } from '../app.js';
import { openTestDatabase, type TestDatabase } from '../database.js';
import { buildUser, signedIn } from '../factories.js';

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

/** Path parameters every route of the API takes: ids, a calendar date, an area code, a test kind. */
const PARAM_SAMPLES = ['01900000-0000-7000-8000-000000000000', '2026-01-15', '51', 'pre', 'TH'];

/** A valid value for each path parameter of the route (the first sample its schema accepts). */
function sampleUrl(route: RouteOptions): string {
  const params = (route.schema as { params?: z.ZodObject } | undefined)?.params;
  return route.url.replace(/:(\w+)/g, (_, name: string) => {
    const field = params?.shape[name];
    const sample = PARAM_SAMPLES.find((value) => !field || field.safeParse(value).success);
    if (sample === undefined) throw new Error(`${nameOf(route)}: no sample for :${name}; add one to PARAM_SAMPLES`);
    return sample;
  });
}

/**
 * A body with one unknown key, `zzz`. A body that is a union keyed by a discriminator (the simple
 * transactions' `kind`) gets its first option's key, so the unknown key is judged by a real option.
 */
function bodyWithUnknownKey(route: RouteOptions): Record<string, unknown> {
  const def = defOf(bodySchemaOf(route));
  if (def.type !== 'union' || typeof def.discriminator !== 'string') return { zzz: 1 };
  const first = (def.options as z.ZodObject[])[0]!;
  const key = defOf(first.shape[def.discriminator]) as unknown as { values: unknown[] };
  return { [def.discriminator]: key.values[0], zzz: 1 };
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

  /** Rows in every table of the database, by table. */
  async function rowCounts(): Promise<Record<string, number>> {
    const tables = await database.db.query<{ name: string }>(
      `SELECT table_name AS name FROM information_schema.tables
        WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY 1`,
    );
    const counts: Record<string, number> = {};
    for (const { name } of tables) {
      const [row] = await database.db.query<{ n: string }>(`SELECT count(*) AS n FROM "${name}"`);
      counts[name] = Number(row!.n);
    }
    return counts;
  }

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

  it('answers a body with an unknown key with a 400 naming it on every route, and writes nothing', async () => {
    const admin: Session = await signedIn(app, await buildUser(database.db, { isAdmin: true }));
    const before = await rowCounts();
    const wrong: string[] = [];
    let tried = 0;
    for (const route of bodyRoutes()) {
      for (const method of methodsOf(route)) {
        const r = await app.inject({
          method: method as 'POST',
          url: sampleUrl(route),
          headers: { host: 'localhost:3000', origin: ORIGIN, ...admin.headers },
          payload: bodyWithUnknownKey(route),
        });
        tried++;
        const errors = (r.json() as { errors?: { path: string; message: string }[] }).errors ?? [];
        if (r.statusCode !== 400 || !errors.some((e) => e.path === 'zzz' && e.message === 'is not a known field'))
          wrong.push(`${method} ${route.url}: ${r.statusCode} ${r.body.slice(0, 300)}`);
      }
    }
    expect(tried).toBeGreaterThan(30);
    expect(wrong, `routes that did not name the unknown key:\n${wrong.join('\n')}`).toEqual([]);
    expect(await rowCounts()).toEqual(before);
  });
});
