import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/server/app.js';
import type { Database } from '../src/server/db/database.js';
import { openDatabase } from '../src/server/db/open.js';
import { importAreas, readIndonesiaAreas } from '../src/server/modules/geography/index.js';
import { ORIGIN, testConfig, type Session, type TestApp } from './app.js';
import { FIXTURE_PROVINCES } from './database.js';
import { marketWorld } from './market-fixtures.js';

/** Where a server process keeps its data: its data folder, and a PostgreSQL database when one is given. */
export interface Installation {
  dataDir: string;
  databaseUrl?: string;
}

/** The installation's database, opened in this process while no server holds it (migrated). */
export function openInstallation(where: Installation): Promise<Database> {
  return openDatabase({ dataDir: where.dataDir, databaseUrl: where.databaseUrl });
}

export interface TradeWorld {
  groupId: string;
  productId: string;
  /** The group's manager (its treasurer), signed in: the session works against any server on this database. */
  manager: Session;
  buyer: Session;
  /** Placed orders of `quantity` units each, waiting for the group to confirm them. */
  orders: string[];
  batches: string[];
}

/**
 * Bali and NTB, the market world (two groups with a product and a manager each), batches of the
 * Bali product and placed orders for it, built through the app in this process on the
 * installation's database before a server process is started on it. The server must run with
 * `OVOP_SECRET` = `testConfig.secret`, the key the personal data here is encrypted with.
 */
export async function buildTradeWorld(
  where: Installation,
  options: { batches: string[]; orders: number; orderQuantity: string },
): Promise<TradeWorld> {
  const db = await openInstallation(where);
  let app: FastifyInstance | undefined;
  try {
    await importAreas(db, 'ID', readIndonesiaAreas(FIXTURE_PROVINCES));
    app = await buildApp({ config: { ...testConfig, dataDir: where.dataDir }, db, logger: false });
    await app.ready();
    const inject = app.inject.bind(app);
    const t: TestApp = {
      app,
      database: { db, reset: () => Promise.resolve(), close: () => Promise.resolve() },
      request: ({ as, headers, ...options }) =>
        inject({ ...options, headers: { host: 'localhost:3000', origin: ORIGIN, ...as?.headers, ...headers } }),
    };
    const w = await marketWorld(t);
    const manager = w.managers.bali;
    const productId = w.products.bali.id as string;
    const batches: string[] = [];
    for (const quantity of options.batches) batches.push((await w.batch(productId, { quantity })).id as string);
    const buyer = await w.buyer();
    const orders: string[] = [];
    for (let i = 0; i < options.orders; i++) {
      orders.push((await w.order(buyer, productId, manager, options.orderQuantity)).id as string);
    }
    return { groupId: w.groups.bali.id as string, productId, manager, buyer, orders, batches };
  } finally {
    await app?.close();
    await db.close();
  }
}
