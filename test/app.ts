import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { buildApp } from '../src/server/app.js';
import type { Config } from '../src/server/config.js';
import type { ReadReplicas } from '../src/server/db/replicas.js';
import type { Clock } from '../src/server/http/context.js';
import { openTestDatabase, type TestDatabase } from './database.js';

/** The file storage of the test file's apps: each file imports this module afresh, and removes it when done. */
const dataDir = mkdtempSync(join(tmpdir(), 'ovop-test-data-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

export const testConfig: Config = {
  port: 0,
  host: '127.0.0.1',
  dataDir,
  databaseUrl: undefined,
  prepareStatements: true,
  replicaUrls: [],
  replicaMaxLagMs: 5000,
  catalogCacheBytes: 32 * 1024 * 1024,
  catalogInMemory: false,
  adminEmail: undefined,
  adminPassword: undefined,
  secret: 'test-secret-that-is-long-enough-for-ovop',
  logLevel: 'silent',
  logFormat: 'json',
  trustProxy: false,
  importAreasOnStart: false,
  s3: undefined,
};

export const ORIGIN = 'http://localhost:3000';

export interface TestApp {
  app: FastifyInstance;
  database: TestDatabase;
  /** The read replicas the app reads from, when the test asked for them. */
  replicas?: ReadReplicas;
  /** app.inject, with the same-origin header a browser would send. */
  request(options: InjectOptions & { as?: Session }): Promise<LightMyRequestResponse>;
}

export interface Session {
  headers: Record<string, string>;
}

/**
 * One app and one database for the whole test file, emptied before each test (unless `resetEach`
 * is false). Use in a describe() or at the top of a test file. A test that moves "today" passes its
 * own clock; one that needs a route of its own (a probe) adds it with `routes` before the app is
 * ready.
 */
export function useTestApp(
  options: {
    clock?: Clock;
    routes?: (app: FastifyInstance) => void;
    replicas?: (database: TestDatabase) => Promise<ReadReplicas>;
    /** A built web app's folder (its index.html), for the pages the server renders. */
    webRoot?: string;
    /** false: the database is not emptied before each test, for tests that only read what a beforeAll wrote. */
    resetEach?: boolean;
  } = {},
): TestApp {
  const ctx = {} as TestApp;
  beforeAll(async () => {
    ctx.database = await openTestDatabase();
    if (options.replicas) ctx.replicas = await options.replicas(ctx.database);
    ctx.app = await buildApp({
      config: testConfig,
      db: ctx.database.db,
      ...(ctx.replicas ? { replicas: ctx.replicas } : {}),
      logger: false,
      clock: options.clock,
      ...(options.webRoot ? { webRoot: options.webRoot } : {}),
    });
    options.routes?.(ctx.app);
    await ctx.app.ready();
    ctx.request = ({ as, headers, ...options }) =>
      ctx.app.inject({ ...options, headers: { host: 'localhost:3000', origin: ORIGIN, ...as?.headers, ...headers } });
  });
  if (options.resetEach !== false)
    beforeEach(async () => {
      await ctx.database.reset();
    });
  afterAll(async () => {
    await ctx.app?.close();
    await ctx.replicas?.close();
    await ctx.database?.close();
  });
  return ctx;
}
