/**
 * The catalog benchmark's load generator, in its own process so that it does not share the
 * server's event loop: `node --import tsx bench/catalog-load.ts '{"url":…,"path":…,…}'`.
 * Prints one JSON line.
 */
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';
import { percentile } from './stats.js';

export interface CatalogLoadOptions {
  url: string;
  path: string;
  /** A JSON file of paths to ask in turn, one a request, instead of \`path\`. */
  pathsFile?: string;
  connections: number;
  seconds: number;
  warmupSeconds: number;
}

export interface CatalogLoadResult {
  requests: number;
  failures: number;
  seconds: number;
  requestsPerSecond: number;
  bytesPerResponse: number;
  p50: number;
  p95: number;
  p99: number;
}

async function main(options: CatalogLoadOptions): Promise<CatalogLoadResult> {
  const latencies: number[] = [];
  let bytes = 0;
  const paths = options.pathsFile ? (JSON.parse(readFileSync(options.pathsFile, 'utf8')) as string[]) : [];
  let next = 0;
  const instance = autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.seconds,
    timeout: 30,
    warmup: { connections: options.connections, duration: options.warmupSeconds },
    requests: [
      paths.length
        ? { method: 'GET', setupRequest: (request) => ({ ...request, path: paths[next++ % paths.length]! }) }
        : { method: 'GET', path: options.path },
    ],
  });
  // Exact percentiles from every response time (ms, hrtime resolution), as bench/load.ts does.
  instance.on('response', (_client: unknown, status: number, size: number, ms: number) => {
    if (status >= 200 && status < 300) {
      latencies.push(ms);
      bytes += size;
    }
  });
  const result = await instance;
  latencies.sort((a, b) => a - b);
  return {
    requests: result['2xx'],
    failures: result.non2xx + result.errors + result.timeouts,
    seconds: result.duration,
    requestsPerSecond: result['2xx'] / result.duration,
    bytesPerResponse: latencies.length ? bytes / latencies.length : 0,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
  };
}

const options = JSON.parse(process.argv[2] ?? '{}') as CatalogLoadOptions;
process.stdout.write(`${JSON.stringify(await main(options))}\n`);
