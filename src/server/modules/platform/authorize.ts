import { joinSql, likePrefix, rawSql, sql, type Sql } from '../../db/sql.js';
import { forbidden, notFound } from '../../http/errors.js';
import type { Actor, Grant, Role, UserActor } from '../../http/context.js';
import { grantsIn, isAdmin, reaches, requireUser, type ScopeTarget } from './access.js';

/**
 * The one authorization API (decision 009). Each module declares, per kind of record, a table of
 * actions → who may do them; `authorize(actor, policy, action, target)` is the only check a
 * service makes, and the same table gives list conditions (`scopeOf`) and the `abilities` a
 * response carries so the web never re-derives a rule.
 *
 * The rule for answers is written once, here: an actor who may not even `read` the record gets
 * 404 (nobody learns what exists outside their scope); one who may read it but not do the action
 * gets 403.
 */

/** Who may do an action: roles whose grants reach the record, and optionally the record's owner. */
export interface Rule {
  readonly roles: readonly Role[];
  /** The account that owns the record (a buyer and their inquiry) may do it, whatever its roles. */
  readonly owner?: boolean;
  /**
   * Only the owner, nobody speaking for them, a platform admin included: a buyer's own commitment
   * (accepting a quote places an order in their name).
   */
  readonly ownerOnly?: boolean;
  /**
   * A grant of one of the roles anywhere in the record's program is enough, narrowed to an area or
   * a group or not: for records of the program as a whole (the program itself, its catalogue of
   * courses) that everyone working in the program reads. Without it a grant must reach the record.
   */
  readonly anywhere?: boolean;
  /**
   * Roles that count only through a grant over the whole program (not narrowed to an area or a
   * group), wherever the record is: a program manager narrowed to a regency does not finalise
   * ratings or decide appeals — the program's own manager does.
   */
  readonly programWide?: readonly Role[];
}

const wholeProgram = (g: Grant) => g.areaCode === null && g.groupId === null;

export interface Policy<A extends string> {
  /** The record's name in messages: "Producer group not found." */
  readonly what: string;
  readonly rules: Readonly<Record<A | 'read', Rule>>;
}

/** A scoped record as the policy sees it; `ownerId` only for records an account owns. */
export interface Target extends ScopeTarget {
  ownerId?: string | null;
}

/**
 * The program as a whole as a target: above every area, so only grants over the whole program
 * reach it (a program manager narrowed to a regency does not manage the program); a rule with
 * `anywhere` lets every grant in the program count.
 */
export const programTarget = (programId: string): Target => ({ programId, areaPath: '' });

/** The SQL text that stands for `programTarget`'s area path in `scopeOf` columns: above every area. */
export const WHOLE_PROGRAM_PATH = "''";

/** Declares a policy: `read` is required; every other action is a list of roles or a `Rule`. */
export function definePolicy<const A extends string>(
  what: string,
  rules: Record<A | 'read', readonly Role[] | Rule>,
): Policy<A | 'read'> {
  const normalized = Object.fromEntries(
    Object.entries<readonly Role[] | Rule>(rules).map(([action, rule]) => [
      action,
      Array.isArray(rule) ? { roles: rule } : rule,
    ]),
  ) as Record<A | 'read', Rule>;
  return { what, rules: normalized };
}

function ruleAllows(actor: Actor, rule: Rule, target: Target): boolean {
  if (rule.ownerOnly) return actor.kind === 'user' && !!target.ownerId && target.ownerId === actor.id;
  if (isAdmin(actor)) return true;
  if (actor.kind !== 'user') return false;
  if (rule.owner && target.ownerId && target.ownerId === actor.id) return true;
  if (rule.programWide && grantsIn(actor, target.programId, rule.programWide).some(wholeProgram)) return true;
  if (rule.anywhere) return grantsIn(actor, target.programId, rule.roles).length > 0;
  return reaches(actor, target, rule.roles);
}

/** Whether the actor may do `action` on the target: for branching, never for refusing. */
export function can<A extends string>(actor: Actor, policy: Policy<A>, action: A, target: Target): boolean {
  return ruleAllows(actor, policy.rules[action], target);
}

/**
 * Refuses unless the actor may do `action` on the target: 401 when not signed in, 404 when they
 * may not read it, 403 when they may read but not do it. Returns the signed-in user.
 */
export function authorize<A extends string>(
  actor: Actor,
  policy: Policy<A | 'read'>,
  action: A | 'read',
  target: Target,
): UserActor {
  const user = requireUser(actor);
  if (!ruleAllows(actor, policy.rules.read, target)) throw notFound(policy.what);
  if (action !== 'read' && !ruleAllows(actor, policy.rules[action], target))
    throw forbidden(
      `Your role does not allow “${action.replace(/[A-Z]/g, (c) => ` ${c.toLowerCase()}`)}” on this ${policy.what.toLowerCase()}.`,
    );
  return user;
}

/**
 * Whether the actor may do `action` on some record of the policy's kind in the program (without
 * one, in any program they hold a role in): a grant of one of the action's roles there, however
 * narrowed. For a list's create button (register a group, record a batch); where exactly, the
 * record's own place decides when it is made.
 */
export function canSomewhere<A extends string>(
  actor: Actor,
  policy: Policy<A>,
  action: A,
  programId?: string,
): boolean {
  if (isAdmin(actor)) return true;
  if (actor.kind !== 'user') return false;
  const rule: Rule = { ...policy.rules[action], anywhere: true };
  const programs = programId ? [programId] : [...new Set(actor.grants.map((g) => g.programId))];
  return programs.some((p) => ruleAllows(actor, rule, programTarget(p)));
}

/** Every action of the policy with whether the actor may do it: what a response tells the web. */
export function abilities<A extends string>(actor: Actor, policy: Policy<A>, target: Target): Record<A, boolean> {
  return Object.fromEntries(
    Object.entries<Rule>(policy.rules).map(([action, rule]) => [action, ruleAllows(actor, rule, target)]),
  ) as Record<A, boolean>;
}

/** The columns that place a listed row in scope; `group` null where rows belong to no group. */
export interface ScopeColumns {
  program: string;
  path: string;
  group: string | null;
  owner?: string;
}

/**
 * The rule of `can(actor, policy, action, row)` as an SQL condition for lists, so nothing is
 * fetched and then hidden. Column names are trusted text; grant values are parameters.
 */
export function scopeOf<A extends string>(actor: Actor, policy: Policy<A>, action: A, columns: ScopeColumns): Sql {
  return conditionFor(actor, policy.rules[action], columns);
}

function conditionFor(actor: Actor, rule: Rule, columns: ScopeColumns): Sql {
  if (rule.ownerOnly) {
    return actor.kind === 'user' && columns.owner ? sql`${rawSql(columns.owner)} = ${actor.id}` : rawSql('false');
  }
  if (isAdmin(actor)) return rawSql('true');
  if (actor.kind !== 'user') return rawSql('false');
  const parts: Sql[] = [];
  if (rule.owner && columns.owner) parts.push(sql`${rawSql(columns.owner)} = ${actor.id}`);
  for (const programId of new Set(
    actor.grants.filter((g) => rule.programWide?.includes(g.role) && wholeProgram(g)).map((g) => g.programId),
  ))
    parts.push(sql`(${rawSql(columns.program)} = ${programId})`);
  const grants = actor.grants.filter((g) => rule.roles.includes(g.role));
  if (rule.anywhere) {
    for (const programId of new Set(grants.map((g) => g.programId)))
      parts.push(sql`(${rawSql(columns.program)} = ${programId})`);
  } else {
    for (const g of grants) {
      const reach = grantReach(g, columns);
      if (reach) parts.push(reach);
    }
  }
  return parts.length ? sql`(${joinSql(parts, ' OR ')})` : rawSql('false');
}

/** What one grant reaches, as SQL: the same cases as `reaches`, or null when it reaches no such row. */
function grantReach(g: Grant, columns: ScopeColumns): Sql | null {
  const program = sql`${rawSql(columns.program)} = ${g.programId}`;
  if (g.groupId !== null) {
    // A group grant reaches only rows of its group; rows that belong to no group are out of its reach.
    return columns.group ? sql`(${program} AND ${rawSql(columns.group)} = ${g.groupId})` : null;
  }
  if (g.areaPath !== null) return sql`(${program} AND ${rawSql(columns.path)} LIKE ${likePrefix(g.areaPath)})`;
  // An area grant whose area has no path reaches nothing (fail closed), never the whole program.
  return g.areaCode === null ? sql`(${program})` : null;
}
