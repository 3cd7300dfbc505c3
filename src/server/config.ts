import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import type { S3Settings } from './storage/s3-file-storage.js';

/** Environment variables, parsed once at start. A bad value stops start-up with a message naming it. */
const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  OVOP_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  /** Read replicas of DATABASE_URL, comma-separated: public catalog, impact and report reads go to them. */
  DATABASE_REPLICA_URLS: z
    .string()
    .transform((v) => v.split(',').map((url) => url.trim()))
    .pipe(z.array(z.string().regex(/^postgres(ql)?:\/\//, 'each must be a postgres:// or postgresql:// URL')))
    .optional(),
  /** A replica further behind the primary than this is skipped until it catches up. */
  DATABASE_REPLICA_MAX_LAG_MS: z.coerce.number().int().min(0).default(5000),
  OVOP_ADMIN_EMAIL: z.email().optional(),
  OVOP_ADMIN_PASSWORD: z.string().min(10, 'must be at least 10 characters').optional(),
  OVOP_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  /**
   * Request logs: quiet (`warn`) by default on the embedded start, so the first start's one-time
   * passwords are not buried under request lines; `info` by default with PostgreSQL (a server).
   */
  OVOP_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
  /**
   * `json`: pino's JSON lines, for a log collector (the default with PostgreSQL); `text`: one short
   * readable line per entry (the default on the embedded start).
   */
  OVOP_LOG_FORMAT: z.enum(['text', 'json']).optional(),
  /** Trust X-Forwarded-* from a reverse proxy (needed for Secure cookies behind TLS termination). */
  OVOP_TRUST_PROXY: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  /** S3-compatible storage for uploads; when the endpoint is unset, files go to the data folder. */
  OVOP_S3_ENDPOINT: z.url().optional(),
  OVOP_S3_BUCKET: z.string().min(3).max(63).optional(),
  OVOP_S3_REGION: z.string().min(1).default('us-east-1'),
  OVOP_S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  OVOP_S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  /** Import Indonesia's areas on the first start of an empty embedded database. */
  OVOP_IMPORT_AREAS_ON_START: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
  /** The public catalog's answers kept in memory, in bytes per process (decision 024); 0 turns the cache off. */
  OVOP_CATALOG_CACHE_BYTES: z.coerce
    .number()
    .int()
    .min(0)
    .default(32 * 1024 * 1024),
  /**
   * The public catalog held in each process's memory, so that a search never asked before needs no
   * statement (decision 037): about 1.5 KB for each published product. Off by default.
   */
  OVOP_CATALOG_IN_MEMORY: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  /** Named prepared statements on PostgreSQL; `off` behind a pooler in transaction mode that cannot keep them. */
  OVOP_DB_PREPARE: z
    .enum(['on', 'off'])
    .default('on')
    .transform((v) => v === 'on'),
  /** Web Push's VAPID key pair (base64url, as `web-push generate-vapid-keys` prints); made and kept in the database when unset. */
  OVOP_VAPID_PUBLIC_KEY: z
    .string()
    .regex(/^[A-Za-z0-9_-]{87}$/, 'must be a base64url P-256 public key')
    .optional(),
  OVOP_VAPID_PRIVATE_KEY: z
    .string()
    .regex(/^[A-Za-z0-9_-]{43}$/, 'must be a base64url P-256 private key')
    .optional(),
  /** Who push services may contact about this server's pushes: a mailto: or https: address. */
  OVOP_VAPID_SUBJECT: z
    .string()
    .regex(/^(mailto:|https:\/\/)/, 'must start with mailto: or https://')
    .optional(),
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  /** Named prepared statements on PostgreSQL (OVOP_DB_PREPARE). */
  prepareStatements: boolean;
  /** Read replicas of the PostgreSQL database (DATABASE_REPLICA_URLS); empty on one server. */
  replicaUrls: string[];
  /** The bytes of public catalog answers a process keeps (OVOP_CATALOG_CACHE_BYTES); 0: no cache. */
  catalogCacheBytes: number;
  /** Whether the public catalog is held in memory (OVOP_CATALOG_IN_MEMORY). */
  catalogInMemory: boolean;
  /** The lag beyond which a replica is skipped (DATABASE_REPLICA_MAX_LAG_MS). */
  replicaMaxLagMs: number;
  adminEmail: string | undefined;
  adminPassword: string | undefined;
  secret: string;
  logLevel: NonNullable<z.infer<typeof envSchema>['OVOP_LOG_LEVEL']>;
  logFormat: NonNullable<z.infer<typeof envSchema>['OVOP_LOG_FORMAT']>;
  trustProxy: boolean;
  importAreasOnStart: boolean;
  s3: S3Settings | undefined;
  /** Web Push (decision 020): a configured key pair, or undefined to use the one kept in the database. */
  vapid?: { publicKey: string; privateKey: string } | undefined;
  vapidSubject?: string | undefined;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Parses the environment; throws a ConfigError naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const cleaned = Object.fromEntries(
    Object.keys(envSchema.shape).flatMap((key) => {
      const value = env[key];
      return value === undefined || value === '' ? [] : [[key, value]];
    }),
  );
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const dataDir = resolve(e.OVOP_DATA_DIR);
  if (e.DATABASE_URL && !e.OVOP_SECRET) {
    throw new ConfigError(
      'Invalid configuration:\n  OVOP_SECRET: required when DATABASE_URL is set (at least 32 characters)',
    );
  }
  if (e.DATABASE_REPLICA_URLS && !e.DATABASE_URL) {
    throw new ConfigError(
      'Invalid configuration:\n  DATABASE_REPLICA_URLS: read replicas need PostgreSQL (DATABASE_URL); the embedded database has none',
    );
  }
  const s3 = e.OVOP_S3_ENDPOINT ? s3Settings(e) : undefined;
  if (!e.OVOP_VAPID_PUBLIC_KEY !== !e.OVOP_VAPID_PRIVATE_KEY) {
    throw new ConfigError(
      'Invalid configuration:\n  OVOP_VAPID_PUBLIC_KEY, OVOP_VAPID_PRIVATE_KEY: set both or neither',
    );
  }
  const vapid =
    e.OVOP_VAPID_PUBLIC_KEY && e.OVOP_VAPID_PRIVATE_KEY
      ? { publicKey: e.OVOP_VAPID_PUBLIC_KEY, privateKey: e.OVOP_VAPID_PRIVATE_KEY }
      : undefined;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir,
    databaseUrl: e.DATABASE_URL,
    prepareStatements: e.OVOP_DB_PREPARE,
    replicaUrls: e.DATABASE_REPLICA_URLS ?? [],
    replicaMaxLagMs: e.DATABASE_REPLICA_MAX_LAG_MS,
    catalogCacheBytes: e.OVOP_CATALOG_CACHE_BYTES,
    catalogInMemory: e.OVOP_CATALOG_IN_MEMORY,
    adminEmail: e.OVOP_ADMIN_EMAIL,
    adminPassword: e.OVOP_ADMIN_PASSWORD,
    secret: e.OVOP_SECRET ?? secretFromDataDir(dataDir),
    logLevel: e.OVOP_LOG_LEVEL ?? (e.DATABASE_URL ? 'info' : 'warn'),
    logFormat: e.OVOP_LOG_FORMAT ?? (e.DATABASE_URL ? 'json' : 'text'),
    trustProxy: e.OVOP_TRUST_PROXY,
    importAreasOnStart: e.OVOP_IMPORT_AREAS_ON_START,
    s3,
    vapid,
    vapidSubject: e.OVOP_VAPID_SUBJECT ?? (e.OVOP_ADMIN_EMAIL ? `mailto:${e.OVOP_ADMIN_EMAIL}` : undefined),
  };
}

function s3Settings(e: z.infer<typeof envSchema>): S3Settings {
  const missing = (['OVOP_S3_BUCKET', 'OVOP_S3_ACCESS_KEY_ID', 'OVOP_S3_SECRET_ACCESS_KEY'] as const).filter(
    (k) => !e[k],
  );
  if (missing.length > 0) {
    throw new ConfigError(
      `Invalid configuration:\n${missing.map((k) => `  ${k}: required when OVOP_S3_ENDPOINT is set`).join('\n')}`,
    );
  }
  return {
    endpoint: e.OVOP_S3_ENDPOINT!,
    bucket: e.OVOP_S3_BUCKET!,
    region: e.OVOP_S3_REGION,
    accessKeyId: e.OVOP_S3_ACCESS_KEY_ID!,
    secretAccessKey: e.OVOP_S3_SECRET_ACCESS_KEY!,
  };
}

/** The embedded database keeps its generated secret beside its data, readable only by its owner. */
function secretFromDataDir(dataDir: string): string {
  const file = join(dataDir, 'secret.key');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
  return secret;
}
