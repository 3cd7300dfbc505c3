import type { Actor, Ctx, TxCtx } from '../../http/context.js';
import { dateIn } from '../../../shared/dates.js';
import { can, definePolicy, type Policy, type ScopeColumns, type Target } from '../platform/index.js';

/**
 * Who may see and answer inquiries and orders (DESIGN §2): the buyer who sent them (the record's
 * owner), and the group's side — its members read, its managers and the staff whose scope covers
 * it act. Outside that a record answers 404; `authorize` says so, once.
 */
export const inquiryPolicy = definePolicy('Inquiry', {
  read: { roles: ['program_manager', 'facilitator', 'group_manager', 'group_member'], owner: true },
  reply: { roles: ['program_manager', 'facilitator', 'group_manager'], owner: true },
  quote: ['program_manager', 'facilitator', 'group_manager'],
  /** Accepting a quote places an order in the buyer's name: the buyer alone, no admin for them. */
  accept: { roles: [], ownerOnly: true },
});

export const orderPolicy = definePolicy('Order', {
  read: { roles: ['program_manager', 'facilitator', 'group_manager', 'group_member'], owner: true },
  /** Moving the order on; which side makes which move is the state machine's (orders.service TRANSITIONS). */
  move: { roles: ['program_manager', 'facilitator', 'group_manager'], owner: true },
});

export type Side = 'buyer' | 'group';

interface TradeRecord {
  buyer_id: string;
  program_id: string;
  area_path: string;
  group_id: string;
}

/** An inquiry or order as the policies see it: placed by its group, owned by its buyer. */
export const tradeTarget = (r: TradeRecord): Target => ({
  programId: r.program_id,
  areaPath: r.area_path,
  groupId: r.group_id,
  ownerId: r.buyer_id,
});

/** The list condition over inquiries or orders aliased `alias`: the buyer's own, or within staff scope. */
export const tradeColumns = (alias: string): ScopeColumns => ({
  program: `${alias}.program_id`,
  path: `${alias}.area_path`,
  group: `${alias}.group_id`,
  owner: `${alias}.buyer_id`,
});

/**
 * The side the actor speaks for: the buyer who sent the record, else the group's when the policy
 * lets them `action` it; null when they may only read. The buyer comes first, so a buyer who also
 * holds a role in the group speaks as the buyer, and an admin (who may do anything) for the group.
 */
export function sideOf<A extends string>(actor: Actor, policy: Policy<A>, action: A, target: Target): Side | null {
  if (actor.kind === 'user' && actor.id === target.ownerId) return 'buyer';
  return can(actor, policy, action, target) ? 'group' : null;
}

/** Who reads an answer, and the day that decides what they may still do (accept a quote until its last day). */
export interface Viewer {
  actor: Actor;
  today: string;
}
export const viewerOf = (ctx: Ctx | TxCtx): Viewer => ({ actor: ctx.actor, today: dateIn(ctx.clock.now()) });
