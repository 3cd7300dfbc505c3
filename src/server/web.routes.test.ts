import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConfig } from '../../test/app.js';
import { openTestDatabase, type TestDatabase } from '../../test/database.js';
import { buildApp } from './app.js';

const SHELL = '<!doctype html><html lang="id"><body><div id="root"></div></body></html>';
const FAVICON = Buffer.from([0, 0, 1, 0, 0, 0]);

let root: string;
let database: TestDatabase;
let app: FastifyInstance;
beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'ovop-web-'));
  mkdirSync(join(root, 'assets'));
  writeFileSync(join(root, 'index.html'), SHELL);
  writeFileSync(join(root, 'assets', 'app.js'), 'export {};');
  writeFileSync(join(root, 'favicon.ico'), FAVICON);
  database = await openTestDatabase();
  app = await buildApp({ config: testConfig, db: database.db, logger: false, webRoot: root });
});
afterAll(async () => {
  await app.close();
  await database.close();
  rmSync(root, { recursive: true, force: true });
});

describe('unknown addresses', () => {
  it('answers an unknown page address with 404 and the web app, which shows its not-found page', async () => {
    for (const url of ['/nope', '/catalog/nope/deeper', '/nope?x=1']) {
      const r = await app.inject({ method: 'GET', url, headers: { accept: 'text/html' } });
      expect({ url, status: r.statusCode }).toEqual({ url, status: 404 });
      expect(r.headers['content-type']).toMatch(/^text\/html/);
      expect(r.body).toBe(SHELL);
    }
  });

  it('keeps problem+json for unknown API, media and asset addresses and for other methods', async () => {
    const cases = [
      { method: 'GET', url: '/api/v1/nope' },
      { method: 'GET', url: '/api/nope' },
      { method: 'GET', url: '/media/nope' },
      { method: 'POST', url: '/nope' },
    ] as const;
    for (const { method, url } of cases) {
      const r = await app.inject({ method, url, headers: { accept: 'text/html' } });
      expect({ url, method, status: r.statusCode }).toEqual({ url, method, status: 404 });
      expect(r.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(r.json()).toMatchObject({ status: 404, type: '/problems/not-found' });
    }
    const asset = await app.inject({ method: 'GET', url: '/assets/missing.js' });
    expect(asset.statusCode).toBe(404);
    expect(asset.body).not.toBe(SHELL);
  });

  it('still serves the known pages and assets', async () => {
    // Every public page a link, poster or QR code can open first, without passing through the catalog
    // (/catalog, /p, /b, /verify, /stories, /events and /people are rendered with their content:
    // src/server/pages/*.test.ts).
    const pages = ['/verify', '/ratings/x', '/join/x', '/invitation?token=x', '/app/x'];
    for (const url of pages) {
      const r = await app.inject({ method: 'GET', url });
      expect({ url, status: r.statusCode, body: r.body }).toEqual({ url, status: 200, body: SHELL });
    }
    expect((await app.inject({ method: 'GET', url: '/assets/app.js' })).statusCode).toBe(200);
  });

  it('answers /favicon.ico with the site’s icon (a browser asks for it on every page), which the shell names', async () => {
    const r = await app.inject({ method: 'GET', url: '/favicon.ico' });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toBe('image/x-icon');
    expect(r.rawPayload).toEqual(FAVICON);
    const shell = readFileSync(new URL('../web/index.html', import.meta.url), 'utf8');
    expect(shell).toContain('<link rel="icon" href="/favicon.ico"');
    // the icon the build copies from the app's public files: an icon file, not a page
    const icon = readFileSync(new URL('../web/public/favicon.ico', import.meta.url));
    expect([...icon.subarray(0, 4)]).toEqual([0, 0, 1, 0]);
  });
});
