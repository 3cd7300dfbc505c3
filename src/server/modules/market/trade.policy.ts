import type { Actor, Role } from '../../http/context.js';
import { forbidden, notFound } from '../../http/errors.js';
import { reaches, requireUser, scopeCondition } from '../platform/index.js';

/**
 * Who may see and answer inquiries and orders (DESIGN §2): the buyer who sent them, and the
 * group's side — its people and the staff whose scope covers it. Outside that, a record answers
 * 404, so nobody learns what exists; someone who may read but not act gets 403.
 */
export const TRADE_ROLES = {
  read: ['program_manager', 'facilitator', 'group_manager', 'group_member'],
  act: ['program_manager', 'facilitator', 'group_manager'],
} as const satisfies Record<string, readonly Role[]>;

export type Side = 'buyer' | 'group';

interface TradeRecord {
  buyer_id: string;
  program_id: string;
  area_path: string;
  group_id: string;
}

const target = (r: TradeRecord) => ({ programId: r.program_id, areaPath: r.area_path, groupId: r.group_id });

/** The side the actor may act on for this record, or 404 / 403. */
export function sideOf(actor: Actor, record: TradeRecord, what: string): Side {
  const user = requireUser(actor);
  if (record.buyer_id === user.id) return 'buyer';
  if (!reaches(actor, target(record), TRADE_ROLES.read)) throw notFound(what);
  if (!reaches(actor, target(record), TRADE_ROLES.act))
    throw forbidden(`You may not act on this ${what.toLowerCase()}.`);
  return 'group';
}

/** Reads only: the buyer, or anyone of the group's side. */
export function assertMayRead(actor: Actor, record: TradeRecord, what: string): void {
  const user = requireUser(actor);
  if (record.buyer_id !== user.id && !reaches(actor, target(record), TRADE_ROLES.read)) throw notFound(what);
}

/** The list condition: the actor's own (as buyer) or within their staff scope. */
export function tradeScope(actor: Actor, alias: string, params: unknown[]): string {
  const user = requireUser(actor);
  const staff = scopeCondition(
    actor,
    TRADE_ROLES.read,
    { program: `${alias}.program_id`, path: `${alias}.area_path`, group: `${alias}.group_id` },
    params,
  );
  params.push(user.id);
  return `(${alias}.buyer_id = $${params.length} OR ${staff})`;
}
