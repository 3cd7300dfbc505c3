import { pathCodes } from '../../../shared/area-path.js';
import type { Database, Queryable } from '../../db/database.js';
import { systemActor, type Actor } from '../../http/context.js';
import { invalid, notFound, type FieldError } from '../../http/errors.js';
import { decodeCursor, toPage } from '../../http/pagination.js';
import { recordAudit } from '../platform/index.js';
import { planAreaImport } from './area-import.js';
import { areasRepository, type AreaListRow, type AreaRow } from './geography.repository.js';
import type { AreaHitAnswer, AreaInput, ListAreasQuery, SearchAreasQuery } from './geography.schemas.js';

const BATCH = 5_000;

export function presentArea(row: AreaRow) {
  return { code: row.code, name: row.name, level: row.level, parentCode: row.parent_code, country: row.country };
}

export async function listAreas(ctx: { db: Queryable }, query: ListAreasQuery) {
  const after = decodeCursor(query.cursor, 1)?.[0] ?? null;
  const rows = await areasRepository.list(ctx.db, { ...query, after });
  return toPage(
    rows,
    query.limit,
    (r: AreaListRow) => ({ ...presentArea(r), childCount: r.child_count }),
    (r) => [r.code],
  );
}

/**
 * The area paths the actor works in, for ranking search hits: null when nothing narrows them (an
 * admin, or a grant over a whole program); their area grants' paths otherwise (none for a buyer).
 */
function scopePathsOf(actor: Actor): string[] | null {
  if (actor.kind !== 'user') return [];
  if (actor.isAdmin || actor.grants.some((g) => g.areaCode === null && g.groupId === null)) return null;
  return [...new Set(actor.grants.flatMap((g) => (g.areaPath ? [g.areaPath] : [])))];
}

/** Areas by name for a picker, each with its ancestors; those in the caller's scope first. */
export async function searchAreas(ctx: { db: Queryable; actor: Actor }, query: SearchAreasQuery) {
  const rows = await areasRepository.search(ctx.db, {
    q: query.q,
    level: query.level,
    country: query.country,
    scopePaths: scopePathsOf(ctx.actor),
    mineOnly: query.scope === 'mine',
    limit: query.limit,
  });
  return {
    items: rows.map((r): AreaHitAnswer => ({ ...presentArea(r), ancestors: r.ancestors, inScope: r.in_scope })),
  };
}

/** An area with its ancestors from the root down, in one round of queries (no walk up the tree). */
export async function getArea(ctx: { db: Queryable }, code: string) {
  const area = await areasRepository.byCode(ctx.db, code);
  if (!area) throw notFound('Area');
  const ancestorCodes = pathCodes(area.path).filter((c) => c !== code);
  const [ancestors, childCount] = await Promise.all([
    ancestorCodes.length ? areasRepository.byCodes(ctx.db, ancestorCodes) : Promise.resolve([]),
    areasRepository.childCount(ctx.db, code),
  ]);
  ancestors.sort((a, b) => a.depth - b.depth);
  return { ...presentArea(area), ancestors: ancestors.map(presentArea), childCount };
}

export async function areaContains(ctx: { db: Queryable }, ancestor: string, descendant: string) {
  const contains = await areasRepository.contains(ctx.db, ancestor, descendant);
  if (contains === null) throw notFound('Area');
  return { ancestor, descendant, contains };
}

/** The materialised path of an area, for other modules' scope checks; undefined when unknown. */
export async function areaPath(db: Queryable, code: string): Promise<string | undefined> {
  return (await areasRepository.byCode(db, code))?.path;
}

export interface ImportResult {
  country: string;
  rows: number;
  byLevel: Record<string, number>;
}

/**
 * Imports a country's areas in one transaction: the whole file is checked first (any error →
 * nothing written), then upserted parents-first. Running it again changes nothing.
 *
 * The platform does this itself, outside any request (first start, `ovop import-areas`, test
 * set-up): its callers hold a database but no command context (no cipher or file storage, which an
 * import does not use), so it opens its transaction on the database, and audits as the system
 * actor with no request id.
 */
export async function importAreas(
  db: Database,
  country: string,
  inputs: AreaInput[],
  parseErrors: FieldError[] = [],
): Promise<ImportResult> {
  if (parseErrors.length > 0) throw invalid(parseErrors, 'The area file has errors; nothing was imported.');
  const codes = [...new Set(inputs.flatMap((r) => (r.parentCode ? [r.code, r.parentCode] : [r.code])))];
  return db.transaction(async (tx) => {
    const existing = await areasRepository.existing(tx, codes);
    const { areas, errors } = planAreaImport(inputs, country, existing);
    if (errors.length > 0)
      throw invalid(errors.slice(0, 200), `The area file has ${errors.length} error(s); nothing was imported.`);
    // Into an empty table (a first start, a new installation's first import): indexes built once, after.
    await areasRepository.fillEmpty(tx, async () => {
      for (let i = 0; i < areas.length; i += BATCH) {
        await areasRepository.upsert(tx, areas.slice(i, i + BATCH), country);
      }
    });
    // Deepest first, so that each untouched descendant moves once, with its nearest re-placed ancestor.
    const moved = areas
      .flatMap((area) => {
        const before = existing.get(area.code);
        return before && before.path !== area.path ? [{ area, before }] : [];
      })
      .sort((a, b) => b.before.depth - a.before.depth);
    for (const { area, before } of moved) {
      await areasRepository.movePaths(tx, before.path, area.path, area.depth - before.depth);
    }
    const byLevel = await areasRepository.countsByLevel(tx, country);
    await recordAudit(
      tx,
      { actor: systemActor, requestId: null },
      {
        action: 'areas.import',
        entity: 'country',
        entityId: country,
        after: { rows: areas.length, byLevel },
      },
    );
    return { country, rows: areas.length, byLevel };
  });
}

/** A country's areas as a country pack compares them (the countries module installs packs). */
export const areasOfCountry = (db: Queryable, country: string) => areasRepository.ofCountry(db, country);

/** Sets the names in other languages of a country's areas; never touches another country's. */
export const setAreaNames = (
  db: Queryable,
  country: string,
  names: { code: string; names: Record<string, string> }[],
) => areasRepository.setNames(db, country, names);
