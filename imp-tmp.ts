import { PgliteDatabase } from './src/server/db/pglite.js';
import { migrate } from './src/server/db/migrate.js';
import { importAreas, readIndonesiaAreas } from './src/server/modules/geography/index.js';
const inputs = readIndonesiaAreas();
for (const variant of (process.env.V ?? 'all,nogin').split(',')) {
  const db = await PgliteDatabase.open(undefined);
  await migrate(db);
  const drops: string[] = [];
  if (variant !== 'all') {
    const idx = await db.query<{ indexname: string; indexdef: string }>(`SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'areas' AND indexname <> 'areas_pkey' ${variant === 'nogin' ? "AND indexdef LIKE '%gin%'" : ''}`);
    for (const i of idx) { await db.query(`DROP INDEX ${i.indexname}`); drops.push(i.indexdef); }
  }
  const t = performance.now();
  await importAreas(db, 'ID', inputs);
  const t2 = performance.now();
  for (const d of drops) await db.query(d);
  const t3 = performance.now();
  console.log(variant, 'import', (t2 - t).toFixed(0), 'ms; indexes again', (t3 - t2).toFixed(0), 'ms', drops.length);
  await db.close();
}
