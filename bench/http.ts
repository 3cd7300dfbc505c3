import { spawn } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { buildApp } from '../src/server/app.js';
import type { Config } from '../src/server/config.js';
import type { Database } from '../src/server/db/database.js';
import type { LoadOptions, LoadResult } from './load.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** The server's settings for benchmarks: no data folder, no logs. */
export const benchConfig: Config = {
  port: 0,
  host: '127.0.0.1',
  dataDir: '/nonexistent',
  databaseUrl: undefined,
  prepareStatements: true,
  replicaUrls: [],
  replicaMaxLagMs: 5000,
  catalogCacheBytes: 32 * 1024 * 1024,
  catalogInMemory: false,
  adminEmail: undefined,
  adminPassword: undefined,
  secret: 'bench-secret-that-is-long-enough-for-ovop',
  logLevel: 'silent',
  logFormat: 'json',
  trustProxy: false,
  importAreasOnStart: false,
  s3: undefined,
};

export type Endpoint = LoadOptions['endpoint'];

/** Serves the app over real HTTP on 127.0.0.1 and loads each endpoint from a separate process. */
export async function measureHttp(
  db: Database,
  endpoints: Endpoint[],
  load: Omit<LoadOptions, 'url' | 'endpoint'>,
): Promise<Map<Endpoint, LoadResult>> {
  const app = await buildApp({ config: benchConfig, db, logger: false });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as AddressInfo;
  const results = new Map<Endpoint, LoadResult>();
  try {
    for (const endpoint of endpoints) {
      const result = await runLoad({ ...load, url: `http://127.0.0.1:${port}`, endpoint });
      if (result.failures > 0) throw new Error(`${endpoint}: ${result.failures} failed requests`);
      results.set(endpoint, result);
    }
  } finally {
    await app.close();
  }
  return results;
}

function runLoad(options: LoadOptions): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'bench/load.ts', JSON.stringify(options)], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout.on('data', (d) => (output += String(d)));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`the load generator exited with ${code}`));
      resolve(JSON.parse(output.trim().split('\n').at(-1)!) as LoadResult);
    });
  });
}
