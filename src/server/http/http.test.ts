import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { testConfig, useTestApp } from '../../../test/app.js';
import { buildUser, signedIn, STRONG_PASSWORD } from '../../../test/factories.js';
import { buildApp } from '../app.js';

const t = useTestApp();

describe('the HTTP surface', () => {
  it('answers /health with the database kind and version', async () => {
    const r = await t.request({ method: 'GET', url: '/health' });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toEqual({
      status: 'ok',
      database: t.database.db.kind,
      version: expect.stringMatching(/^\d+\.\d+\.\d+/),
    });
  });

  it('publishes an OpenAPI 3.1 document generated from the request schemas', async () => {
    const r = await t.request({ method: 'GET', url: '/api/openapi.json' });
    expect(r.statusCode).toBe(200);
    const doc = r.json();
    expect(doc.openapi).toBe('3.1.0');
    for (const path of [
      '/api/v1/auth/sign-in',
      '/api/v1/me',
      '/api/v1/users',
      '/api/v1/programs/{id}/roles',
      '/api/v1/areas/{code}',
    ]) {
      expect(Object.keys(doc.paths)).toContain(path);
    }
    const signIn = doc.paths['/api/v1/auth/sign-in'].post.requestBody.content['application/json'].schema;
    // One signs in with an email or a phone number (either), and always a password.
    expect(signIn.required).toEqual(['password']);
    expect(Object.keys(signIn.properties)).toEqual(expect.arrayContaining(['email', 'phone', 'password']));
    const docs = await t.request({ method: 'GET', url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.headers['content-type']).toMatch(/text\/html/);
  });

  it('sends security headers and a request id', async () => {
    const r = await t.request({ method: 'GET', url: '/health' });
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    expect(r.headers['content-security-policy']).toMatch(/default-src 'self'/);
    expect(r.headers['x-frame-options']).toBeDefined();
    expect(r.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('keeps every answer to a caller with a session or a token out of caches', async () => {
    const session = await signedIn(t.app, await buildUser(t.database.db));
    const me = await t.request({ method: 'GET', url: '/api/v1/me', as: session });
    expect(me.statusCode).toBe(200);
    expect(me.headers['cache-control']).toBe('no-store');
    const token = await t.request({ method: 'POST', url: '/api/v1/tokens', as: session, payload: { name: 'cli' } });
    const headers = { authorization: `Bearer ${token.json().token}` };
    const viaToken = await t.request({ method: 'GET', url: '/api/v1/me', headers });
    expect(viaToken.headers['cache-control']).toBe('no-store');
    const publicRoute = await t.request({ method: 'GET', url: '/api/v1/catalog/products', as: session });
    expect(publicRoute.statusCode).toBe(200);
    expect(publicRoute.headers['cache-control']).toBe('no-store');
    const refused = await t.request({ method: 'GET', url: '/api/v1/me', headers: { authorization: 'Bearer ovop_x' } });
    expect(refused.statusCode).toBe(401);
    expect(refused.headers['cache-control']).toBe('no-store');
  });

  it('leaves public answers their own caching, for anonymous and signed-in callers alike', async () => {
    const catalog = await t.request({ method: 'GET', url: '/api/v1/catalog/products' });
    expect(catalog.statusCode).toBe(200);
    // The catalog's own policy (decision 024): a visitor's answer may be kept by any cache.
    expect(catalog.headers['cache-control']).toMatch(/^public, max-age=\d+/);
    expect(catalog.headers.etag).toBeDefined();
    await t.app.files.put('products/photo-cache-test.webp', Buffer.from('RIFF'));
    const session = await signedIn(t.app, await buildUser(t.database.db));
    for (const as of [undefined, session]) {
      const photo = await t.request({ method: 'GET', url: '/media/products/photo-cache-test.webp', as });
      expect(photo.statusCode).toBe(200);
      expect(photo.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    }
  });

  it('turns malformed, oversized and unknown requests into problem+json, never a 500', async () => {
    const session = await signedIn(t.app, await buildUser(t.database.db, { isAdmin: true }));
    const cases = [
      {
        method: 'POST',
        url: '/api/v1/programs',
        payload: '{"code": ',
        headers: { 'content-type': 'application/json' },
        status: 400,
      },
      {
        method: 'POST',
        url: '/api/v1/programs',
        payload: 'x'.repeat(2 * 1024 * 1024),
        headers: { 'content-type': 'application/json' },
        status: 413,
      },
      {
        method: 'POST',
        url: '/api/v1/programs',
        payload: 'code=X',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        status: 415,
      },
      { method: 'GET', url: '/api/v1/nothing-here', status: 404 },
      { method: 'GET', url: '/api/v1/programs/not-a-uuid', status: 400 },
      { method: 'GET', url: '/api/v1/users?limit=-1', status: 400 },
      { method: 'GET', url: '/api/v1/users?cursor=%%%', status: 400 },
      {
        method: 'PATCH',
        url: '/api/v1/users/01936a3e-7b7c-7cc0-8000-000000000001',
        payload: { version: 'one' },
        status: 400,
      },
      {
        method: 'PATCH',
        url: '/api/v1/users/01936a3e-7b7c-7cc0-8000-000000000001',
        payload: { version: 1, surprise: true },
        status: 400,
      },
    ] as const;
    for (const { status, ...request } of cases) {
      const r = await t.request({
        ...request,
        as: session,
        headers: { ...session.headers, ...('headers' in request ? request.headers : {}) },
      });
      expect(r.statusCode, `${request.method} ${request.url}`).toBe(status);
      expect(r.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(r.body).not.toMatch(/\bat .*\.(ts|js):\d+/);
      expect(r.json()).toMatchObject({ status, type: expect.stringMatching(/^\/problems\//) });
    }
  });

  it('refuses to start when a route declares no access rule', async () => {
    const real = await buildApp({ config: testConfig, db: t.database.db, logger: false });
    expect(() => real.get('/api/v1/forgotten', async () => 'leak')).toThrow(/declares no access rule/);
    await real.close();
  });

  it('never writes passwords, tokens or cookies to the log', async () => {
    let log = '';
    const stream = new Writable({
      write(chunk, _encoding, done) {
        log += String(chunk);
        done();
      },
    });
    const app = await buildApp({ config: { ...testConfig, logLevel: 'trace' }, db: t.database.db, logStream: stream });
    try {
      const user = await buildUser(t.database.db);
      const signIn = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/sign-in',
        headers: { host: 'localhost:3000', origin: 'http://localhost:3000' },
        payload: { email: user.email, password: STRONG_PASSWORD },
      });
      const cookie = signIn.cookies[0]!.value;
      const token = (
        await app.inject({
          method: 'POST',
          url: '/api/v1/tokens',
          headers: { host: 'localhost:3000', origin: 'http://localhost:3000', cookie: `ovop_session=${cookie}` },
          payload: { name: 'ci' },
        })
      ).json().token as string;
      await app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } });
      expect(log).toContain('incoming request');
      expect(log).not.toContain(STRONG_PASSWORD);
      expect(log).not.toContain(cookie);
      expect(log).not.toContain(token);
    } finally {
      await app.close();
    }
  });
});
