import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ORIGIN, type Session } from '../app.js';
import { signIn } from '../factories.js';
import { MULTIPART_FIELDS, operationsOf, openSharedApp, type Operation } from './openapi.js';
import { DEEP_JSON, malformed, nastyText, nastyValue, validLooking } from './schema-arbitraries.js';
import { pngBytes, securityWorld } from './world.js';

/**
 * Every documented operation, called with generated parameters, queries and bodies (valid-looking
 * and hostile), as an admin and anonymously. Whatever comes in, the answer is never a 5xx, every
 * refusal is problem+json, and no answer shows a stack, SQL, the database's name or a file path.
 * Seeded per operation: a failure names its seed and replays.
 */

const SEED = 20_261_202;
/** Generated requests per operation, each sent twice (as an admin and anonymously): 24 calls, bounded for CI. */
const RUNS = 12;

interface FuzzRequest {
  url: string;
  payload?: string | Buffer | object;
  contentType?: string;
}

const t = await openSharedApp();
const operations = operationsOf(t.app);
let ids: string[] = [];
let admin: Session;
let adminEmail = '';
let png: Buffer;

/** Values that cannot be percent-encoded (a lone surrogate) go as bytes that are not UTF-8 at all. */
function encode(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return '%ED%A0%80%FF';
  }
}

function paramValue(schema: Operation['parameters'][number]['schema']): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 3, arbitrary: validLooking(schema, ids).map((v) => (typeof v === 'string' ? v : JSON.stringify(v))) },
    { weight: 1, arbitrary: nastyText },
  );
}

function urlOf(op: Operation): fc.Arbitrary<string> {
  const pathParams = op.parameters.filter((p) => p.in === 'path');
  const queryParams = op.parameters.filter((p) => p.in === 'query');
  const path = fc.record(Object.fromEntries(pathParams.map((p) => [p.name, paramValue(p.schema)])));
  const query = fc.record(Object.fromEntries(queryParams.map((p) => [p.name, paramValue(p.schema)])), {
    requiredKeys: queryParams.filter((p) => p.required).map((p) => p.name),
  });
  const extra = fc.option(fc.tuple(fc.constantFrom('unknown', 'limit', '__proto__', 'q[]'), nastyText), { freq: 4 });
  return fc.tuple(path, query, extra).map(([values, q, more]) => {
    const filled = op.path.replace(/\{(\w+)\}/g, (_, name: string) => encode(values[name] ?? ''));
    const pairs = [...Object.entries(q), ...(more ? [more] : [])].map(([k, v]) => `${encode(k)}=${encode(v)}`);
    return pairs.length ? `${filled}?${pairs.join('&')}` : filled;
  });
}

const BROKEN_JSON = [
  ...DEEP_JSON,
  '{',
  '[]]',
  '{"a":1,}',
  'null',
  '"text"',
  '{"__proto__":{"isAdmin":true}}',
  '\u0000',
  '🙂',
];

function multipartOf(field: string): fc.Arbitrary<Omit<FuzzRequest, 'url'>> {
  const boundary = 'ovopfuzzboundary';
  const part = (name: string, filename: string | null, body: Buffer | string, type = 'image/png') =>
    Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${name}"` +
          (filename === null ? '' : `; filename="${filename}"`) +
          `\r\nContent-Type: ${type}\r\n\r\n`,
      ),
      Buffer.isBuffer(body) ? body : Buffer.from(body),
      Buffer.from('\r\n'),
    ]);
  const end = Buffer.from(`--${boundary}--\r\n`);
  const multipart = `multipart/form-data; boundary=${boundary}`;
  const bodies = fc.constantFrom<() => Omit<FuzzRequest, 'url'>>(
    () => ({ payload: Buffer.concat([part(field, 'photo.png', png), end]), contentType: multipart }),
    () => ({ payload: Buffer.concat([part(field, 'empty.png', Buffer.alloc(0)), end]), contentType: multipart }),
    () => ({ payload: Buffer.concat([part('other', 'photo.png', png), end]), contentType: multipart }),
    () => ({ payload: Buffer.concat([part(field, null, 'just text', 'text/plain'), end]), contentType: multipart }),
    () => ({ payload: part(field, 'cut.png', png.subarray(0, 20)), contentType: multipart }),
    () => ({ payload: Buffer.concat([part(field, 'a\u0000b.png', png), end]), contentType: multipart }),
    () => ({ payload: Buffer.concat([part(field, '../../../etc/passwd', png), end]), contentType: multipart }),
    () => ({
      payload: Buffer.concat([part(field, 'x.png', png), part(field, 'y.png', png), end]),
      contentType: multipart,
    }),
    () => ({
      payload: Buffer.concat([part(field, 'x.pdf', '%PDF-1.4 garbage', 'application/pdf'), end]),
      contentType: multipart,
    }),
    () => ({
      payload: Buffer.concat([part(field, 'x.png', Buffer.concat([png.subarray(0, 16), Buffer.alloc(64, 0xff)])), end]),
      contentType: multipart,
    }),
    () => ({ payload: Buffer.from('\u0000\u0001 garbage without any boundary'), contentType: multipart }),
    () => ({ payload: Buffer.concat([part(field, 'x.png', png), end]), contentType: 'multipart/form-data' }),
    () => ({ payload: Buffer.concat([part(field, 'x.png', png), end]), contentType: 'multipart/form-data; boundary=' }),
    () => ({
      payload: `--${boundary}\r\nContent-Disposition: form-data\r\n\r\nx\r\n--${boundary}--`,
      contentType: multipart,
    }),
    () => ({ payload: { photo: 'not a file' } }),
    () => ({}),
  );
  return bodies.map((make) => make());
}

function bodyOf(op: Operation): fc.Arbitrary<Omit<FuzzRequest, 'url'>> {
  const field = MULTIPART_FIELDS[op.key];
  if (field) return multipartOf(field);
  const broken = fc.constantFrom(...BROKEN_JSON).map((text) => ({ payload: text, contentType: 'application/json' }));
  const wrongType = fc.constant({ payload: 'a=1&b=2', contentType: 'application/x-www-form-urlencoded' });
  if (!op.body) {
    if (op.method === 'GET' || op.method === 'DELETE') return fc.constant({});
    return fc.oneof(
      { weight: 3, arbitrary: fc.constant({}) },
      nastyValue.map((payload) => ({ payload: JSON.stringify(payload) ?? 'null', contentType: 'application/json' })),
      broken,
    );
  }
  const json = (value: unknown) => ({ payload: JSON.stringify(value) ?? 'null', contentType: 'application/json' });
  return fc.oneof(
    { weight: 4, arbitrary: validLooking(op.body, ids).map(json) },
    { weight: 4, arbitrary: malformed(op.body, ids).map(json) },
    { weight: 1, arbitrary: broken },
    { weight: 1, arbitrary: wrongType },
  );
}

const requestOf = (op: Operation): fc.Arbitrary<FuzzRequest> =>
  fc.tuple(urlOf(op), bodyOf(op)).map(([url, body]) => ({ url, ...body }));

const LEAKS: [string, RegExp][] = [
  ['a stack trace', /\bat (?:async )?[\w$.<>[\] ]+ \(|\bat (?:file|node):|\n\s+at /],
  // Keywords as the code writes its SQL (upper case), so prose such as "counted from the birth year" in
  // an indicator's definition is not taken for a query.
  ['SQL text', /\bSELECT |\bINSERT | FROM |syntax error/],
  ['the database name', /postgres/i],
  ['a file path', /(?:\/[\w.@-]+)+\.(?:[cm]?[jt]sx?)\b|node_modules|\/(?:work|home|tmp|usr|var)\/[\w.-]/],
];

/** What is wrong with an answer: a 5xx, a refusal that is not problem+json, internals shown. */
function faultsOf(op: Operation, request: FuzzRequest, response: LightMyRequestResponse): string[] {
  const faults: string[] = [];
  if (response.statusCode >= 500) faults.push(`answered ${response.statusCode}`);
  const type = String(response.headers['content-type'] ?? '');
  if (response.statusCode >= 300 && !type.startsWith('application/problem+json'))
    faults.push(`answered ${response.statusCode} as "${type}", not problem+json`);
  if (type !== '' && !/json|text/.test(type)) return faults;
  // What the caller sent may come back (a name, a search); only what they did not send is a leak.
  const sent = `${decodeURIComponentSafe(request.url)} ${typeof request.payload === 'string' ? request.payload : JSON.stringify(request.payload ?? '')}`;
  // `/health` names its engine by design, for operators.
  const body = op.key === 'GET /health' ? response.body.replace(/"database":"\w+"/, '') : response.body;
  for (const [what, pattern] of LEAKS) {
    const global = new RegExp(pattern.source, `${pattern.flags}g`);
    const leaked = [...body.matchAll(global)]
      .map((m) => m[0])
      .filter((m) => !sent.toLowerCase().includes(m.toLowerCase()));
    if (leaked.length > 0) faults.push(`shows ${what}: ${JSON.stringify(leaked[0])}`);
  }
  return faults;
}

function decodeURIComponentSafe(url: string): string {
  try {
    return decodeURIComponent(url);
  } catch {
    return url;
  }
}

/** A stable seed per operation, so a new route does not change the others' requests. */
const seedOf = (key: string) => [...key].reduce((h, c) => (h * 31 + c.charCodeAt(0)) | 0, SEED);

let calls = 0;
let fiveHundreds = 0;

describe('every documented operation, fuzzed', () => {
  beforeAll(async () => {
    const w = await securityWorld(t);
    admin = w.admin;
    adminEmail = w.adminUser.email;
    png = await pngBytes();
    const r = Object.values(w.records);
    ids = [
      ...new Set(
        r.flatMap((x) => [
          x.programId,
          x.village.id,
          x.group.id,
          x.product.id,
          x.member.id,
          x.batch.id,
          x.entry.id,
          x.certification.id,
          x.assessment.id,
          x.appeal.id ?? x.appealed.id,
          x.enrolment.id,
          x.certificateId,
          x.inquiry.id,
          x.quoteId,
          x.order.id,
          x.scheme.id,
          x.course.id,
          x.session.id,
        ]),
      ),
    ].filter((id): id is string => typeof id === 'string');
  });

  it('documents every operation it fuzzes', () => {
    expect(operations.length).toBeGreaterThan(100);
    for (const key of Object.keys(MULTIPART_FIELDS)) expect(operations.map((op) => op.key)).toContain(key);
  });

  it.each(operations.map((op) => [op.key, op]))('%s answers without a 5xx or internals', async (_, op) => {
    const faults: string[] = [];
    const requests = fc.sample(requestOf(op), { seed: seedOf(op.key), numRuns: RUNS });
    for (const [i, request] of requests.entries()) {
      for (const as of [admin, undefined]) {
        const response = await t.app.inject({
          method: op.method as 'GET',
          url: request.url,
          remoteAddress: '198.51.100.7',
          headers: {
            host: 'localhost:3000',
            origin: ORIGIN,
            ...(request.contentType ? { 'content-type': request.contentType } : {}),
            ...as?.headers,
          },
          ...(request.payload !== undefined ? { payload: request.payload } : {}),
        });
        calls += 1;
        if (response.statusCode >= 500) fiveHundreds += 1;
        for (const fault of faultsOf(op, request, response))
          faults.push(
            `#${i} (seed ${seedOf(op.key)}) ${as ? 'admin' : 'anonymous'} ${op.method} ${request.url.slice(0, 200)}` +
              ` body ${JSON.stringify(request.payload)?.slice(0, 300)}: ${fault}`,
          );
      }
    }
    // Signing out (or anything else that ends the admin's session) must not end the walk.
    const me = await t.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { host: 'localhost:3000', ...admin.headers },
    });
    if (me.statusCode !== 200) admin = await signIn(t.app, adminEmail);
    expect(faults, faults.join('\n')).toEqual([]);
  });

  afterAll(() => {
    // eslint-disable-next-line no-console -- the figures the walk reports in CI (issue 12)
    console.info(`fuzz: ${operations.length} operations, ${calls} calls, ${fiveHundreds} answered 5xx`);
  });
});
