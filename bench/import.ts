import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Database } from '../src/server/db/database.js';
import { planAreaImport, type PlannedArea } from '../src/server/modules/geography/area-import.js';
import type { AreaInput } from '../src/server/modules/geography/geography.schemas.js';
import { importAreas } from '../src/server/modules/geography/index.js';

export interface ImportFigure {
  rows: number;
  seconds: number;
  rowsPerSecond: number;
}

const figure = (rows: number, started: number): ImportFigure => {
  const seconds = (performance.now() - started) / 1000;
  return { rows, seconds, rowsPerSecond: rows / seconds };
};

/** The platform's own import (validate, plan, upsert in one transaction) into a migrated, empty database. */
export async function timeImportAreas(db: Database, rows: AreaInput[]): Promise<ImportFigure> {
  const started = performance.now();
  const result = await importAreas(db, 'ID', rows);
  if (result.rows !== rows.length) throw new Error(`imported ${result.rows} of ${rows.length} rows`);
  return figure(result.rows, started);
}

/**
 * The floor to compare against: PostgreSQL's own bulk load of the same rows, with the same columns
 * (paths and depths computed beforehand, not timed) into the same migrated, empty table.
 */
export async function timeCopy(url: string, rows: AreaInput[]): Promise<ImportFigure> {
  const { areas, errors } = planAreaImport(rows, 'ID', new Map());
  if (errors.length > 0) throw new Error(`the rows do not plan: ${errors[0]!.path} ${errors[0]!.message}`);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const started = performance.now();
    const copy = client.query(copyFrom('COPY areas (code, country, parent_code, level, depth, name, path) FROM STDIN'));
    await pipeline(Readable.from(copyText(areas)), copy);
    if (copy.rowCount !== areas.length) throw new Error(`COPY wrote ${copy.rowCount} of ${areas.length} rows`);
    return figure(areas.length, started);
  } finally {
    await client.end();
  }
}

/** COPY's text format in chunks of about 64 KiB: tab-separated, \N for null, backslash escapes. */
function* copyText(areas: PlannedArea[]): Generator<string> {
  const field = (value: string | number | null) =>
    value === null ? '\\N' : String(value).replace(/[\\\t\n\r]/g, (c) => ESCAPES[c]!);
  let chunk = '';
  for (const a of areas) {
    chunk += `${[a.code, 'ID', a.parent_code, a.level, a.depth, a.name, a.path].map(field).join('\t')}\n`;
    if (chunk.length > 65_536) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}

const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };
