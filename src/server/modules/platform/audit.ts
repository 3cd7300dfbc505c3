import type { Queryable } from '../../db/database.js';
import type { Ctx } from '../../http/context.js';

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
  await tx.query(
    `INSERT INTO audit_log (actor_id, action, entity, entity_id, before, after, request_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [
      ctx.actor.kind === 'user' ? ctx.actor.id : null,
      entry.action,
      entry.entity,
      entry.entityId,
      entry.before === undefined ? null : JSON.stringify(entry.before),
      entry.after === undefined ? null : JSON.stringify(entry.after),
      ctx.requestId,
    ],
  );
}
