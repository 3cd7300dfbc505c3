import type { Queryable } from '../../db/database.js';
import { batchScope, type Ctx, type DeferredKind } from '../../http/context.js';

export interface AuditEntry {
  action: string;
  entity: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
}

/**
 * Records one write in the append-only audit log, inside the command's own transaction, so the
 * log and the change commit together. Callers pass presented records: never hashes or secrets.
 */
export async function recordAudit(tx: Queryable, ctx: Pick<Ctx, 'actor' | 'requestId'>, entry: AuditEntry) {
  const row: AuditRow = [
    ctx.actor.kind === 'user' ? ctx.actor.id : null,
    entry.action,
    entry.entity,
    entry.entityId,
    entry.before === undefined ? null : JSON.stringify(entry.before),
    entry.after === undefined ? null : JSON.stringify(entry.after),
    ctx.requestId,
  ];
  // Inside a batch the rows of its accepted requests are written together, still before it commits.
  const batch = batchScope.getStore();
  if (batch) batch.defer(AUDIT_ROWS, row);
  else await writeAuditRows(tx, [row]);
}

/** actor_id, action, entity, entity_id, before, after, request_id. */
type AuditRow = [string | null, string, string, string, string | null, string | null, string | null];

async function writeAuditRows(db: Queryable, rows: AuditRow[]): Promise<void> {
  const column = (i: number) => rows.map((r) => r[i]);
  await db.query(
    `INSERT INTO audit_log (actor_id, action, entity, entity_id, before, after, request_id)
     SELECT actor_id, action, entity, entity_id, before, after, request_id FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::jsonb[], $6::jsonb[], $7::text[])
       WITH ORDINALITY AS r(actor_id, action, entity, entity_id, before, after, request_id, n)
     ORDER BY n`,
    [column(0), column(1), column(2), column(3), column(4), column(5), column(6)],
  );
}

const AUDIT_ROWS: DeferredKind<AuditRow> = { write: writeAuditRows };
