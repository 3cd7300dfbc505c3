/**
 * The load generator, run in its own process so that it does not share the server's event loop:
 * `node --import tsx bench/load.ts '{"url":…,"endpoint":"area"|"contains",…}'`. Prints one JSON line.
 */
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';
import { percentile } from './stats.js';

export interface LoadOptions {
  url: string;
  endpoint: 'area' | 'contains';
  codesFile: string;
  connections: number;
  seconds: number;
  warmupSeconds: number;
  seed: number;
}

export interface LoadResult {
  requests: number;
  failures: number;
  seconds: number;
  requestsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
}

/** A small seeded generator, so that every run asks for the same sequence of codes. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function main(options: LoadOptions): Promise<LoadResult> {
  const codes: { villages: string[]; regencies: string[] } = JSON.parse(readFileSync(options.codesFile, 'utf8'));
  const random = mulberry32(options.seed);
  const pick = (list: string[]) => list[Math.floor(random() * list.length)]!;
  const nextPath =
    options.endpoint === 'area'
      ? () => `/api/v1/areas/${pick(codes.villages)}`
      : () => `/api/v1/areas/${pick(codes.regencies)}/contains/${pick(codes.villages)}`;
  const latencies: number[] = [];
  const instance = autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.seconds,
    timeout: 30,
    warmup: { connections: options.connections, duration: options.warmupSeconds },
    requests: [{ method: 'GET', setupRequest: (request) => ({ ...request, path: nextPath() }) }],
  });
  // Exact percentiles from every response time (ms, hrtime resolution) rather than autocannon's
  // whole-millisecond histogram, which has no p95.
  instance.on('response', (_client: unknown, status: number, _bytes: number, ms: number) => {
    if (status >= 200 && status < 300) latencies.push(ms);
  });
  const result = await instance;
  latencies.sort((a, b) => a - b);
  return {
    requests: result['2xx'],
    failures: result.non2xx + result.errors + result.timeouts,
    seconds: result.duration,
    requestsPerSecond: result['2xx'] / result.duration,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
  };
}

const options = JSON.parse(process.argv[2] ?? '{}') as LoadOptions;
process.stdout.write(`${JSON.stringify(await main(options))}\n`);
