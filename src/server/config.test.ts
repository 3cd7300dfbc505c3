import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exitOf, runCli } from '../../test/server-process.js';
import { ConfigError, loadConfig } from './config.js';

const tempDir = () => mkdtempSync(join(tmpdir(), 'ovop-config-'));

describe('configuration', () => {
  it('has working defaults', () => {
    const dir = tempDir();
    const config = loadConfig({ OVOP_DATA_DIR: dir });
    expect(config).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      dataDir: dir,
      databaseUrl: undefined,
      trustProxy: false,
    });
  });

  it('keeps request logs quiet and readable on the embedded start, and at info in JSON lines with PostgreSQL', () => {
    const dir = tempDir();
    expect(loadConfig({ OVOP_DATA_DIR: dir })).toMatchObject({ logLevel: 'warn', logFormat: 'text' });
    const server = { DATABASE_URL: 'postgres://localhost/ovop', OVOP_SECRET: 'x'.repeat(32) };
    expect(loadConfig(server)).toMatchObject({ logLevel: 'info', logFormat: 'json' });
    const asked = { OVOP_DATA_DIR: dir, OVOP_LOG_LEVEL: 'info', OVOP_LOG_FORMAT: 'json' };
    expect(loadConfig(asked)).toMatchObject({ logLevel: 'info', logFormat: 'json' });
    expect(() => loadConfig({ OVOP_DATA_DIR: dir, OVOP_LOG_FORMAT: 'xml' })).toThrow(/OVOP_LOG_FORMAT/);
  });

  it('prepares statements on PostgreSQL unless told not to', () => {
    const dir = tempDir();
    expect(loadConfig({ OVOP_DATA_DIR: dir }).prepareStatements).toBe(true);
    expect(loadConfig({ OVOP_DATA_DIR: dir, OVOP_DB_PREPARE: 'off' }).prepareStatements).toBe(false);
    expect(() => loadConfig({ OVOP_DATA_DIR: dir, OVOP_DB_PREPARE: 'no' })).toThrow(/OVOP_DB_PREPARE/);
  });

  it('reads replicas only beside PostgreSQL, each a postgres URL, with a lag bound of 5 s unless told', () => {
    const server = { DATABASE_URL: 'postgres://primary/ovop', OVOP_SECRET: 'x'.repeat(32) };
    expect(loadConfig(server)).toMatchObject({ replicaUrls: [], replicaMaxLagMs: 5000 });
    const two = { ...server, DATABASE_REPLICA_URLS: 'postgres://r1/ovop, postgresql://r2/ovop' };
    expect(loadConfig({ ...two, DATABASE_REPLICA_MAX_LAG_MS: '800' })).toMatchObject({
      replicaUrls: ['postgres://r1/ovop', 'postgresql://r2/ovop'],
      replicaMaxLagMs: 800,
    });
    expect(() => loadConfig({ ...server, DATABASE_REPLICA_URLS: 'postgres://r1/ovop,mysql://r2' })).toThrow(
      /DATABASE_REPLICA_URLS/,
    );
    expect(() => loadConfig({ ...two, DATABASE_REPLICA_MAX_LAG_MS: 'soon' })).toThrow(/DATABASE_REPLICA_MAX_LAG_MS/);
    expect(() => loadConfig({ OVOP_DATA_DIR: tempDir(), DATABASE_REPLICA_URLS: 'postgres://r1/ovop' })).toThrow(
      /DATABASE_REPLICA_URLS: read replicas need PostgreSQL/,
    );
  });

  it('names every bad variable', () => {
    const attempt = () =>
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', OVOP_ADMIN_EMAIL: 'nope', OVOP_LOG_LEVEL: 'loud' });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(/PORT/);
    expect(attempt).toThrow(/DATABASE_URL/);
    expect(attempt).toThrow(/OVOP_ADMIN_EMAIL/);
    expect(attempt).toThrow(/OVOP_LOG_LEVEL/);
  });

  it('requires OVOP_SECRET with PostgreSQL and generates one into the data folder for the embedded database', () => {
    expect(() => loadConfig({ DATABASE_URL: 'postgres://localhost/ovop' })).toThrow(/OVOP_SECRET/);
    const dir = tempDir();
    const first = loadConfig({ OVOP_DATA_DIR: dir }).secret;
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(loadConfig({ OVOP_DATA_DIR: dir }).secret).toBe(first);
    expect(readFileSync(join(dir, 'secret.key'), 'utf8').trim()).toBe(first);
    expect(statSync(join(dir, 'secret.key')).mode & 0o077).toBe(0);
  });

  it('stops the server at start-up with a message naming the bad value', async () => {
    const child = runCli(['serve'], { OVOP_DATA_DIR: tempDir(), PORT: '99999' });
    let stderr = '';
    child.stderr?.on('data', (d) => (stderr += String(d)));
    const { code } = await exitOf(child);
    expect(code).toBe(1);
    expect(stderr).toMatch(/PORT/);
    expect(stderr).not.toMatch(/\bat .*\.ts:\d+/);
  });
});
