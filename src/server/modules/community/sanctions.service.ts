import { v7 as uuidv7 } from 'uuid';
import { inTransaction, type Ctx } from '../../http/context.js';
import { conflict, forbidden, invalid, notFound } from '../../http/errors.js';
import type { SanctionAnswer, SanctionBody } from '../../../shared/schemas/community-moderation.js';
import { can, recordAudit, requireUser } from '../platform/index.js';
import { spacePolicy } from './community.policy.js';
import { mentionsRepository } from './mentions.js';
import { sanctionsRepository, type SanctionRow } from './sanctions.repository.js';
import { readableSpace, viewerIn } from './spaces.service.js';
import { spacesRepository } from './spaces.repository.js';

const HOUR_MS = 60 * 60 * 1000;

function present(row: SanctionRow): SanctionAnswer {
  return {
    id: row.id,
    user: { id: row.user_id, name: row.user_name },
    kind: row.kind,
    reason: row.reason,
    startsAt: row.starts_at.toISOString(),
    endsAt: row.ends_at.toISOString(),
    lifted: row.lifted_at !== null,
  };
}

/** Whether the actor moderates members at a village path: a community manager whose grant holds it. */
const moderatesAt = (ctx: Pick<Ctx, 'actor'>, programId: string, areaPath: string) =>
  can(ctx.actor, spacePolicy, 'moderate', { programId, areaPath });

/**
 * Mutes or suspends a welcomed member for some hours, by a community manager whose grant holds
 * their village (or the program's manager); it ends by itself at its time. Written to the
 * moderation log and the audit log in one transaction. A member outside the caller's reach is 404.
 */
export async function sanction(ctx: Ctx, programId: string, body: SanctionBody): Promise<SanctionAnswer> {
  const id = await inTransaction(ctx, async (tx) => {
    const actor = requireUser(tx.actor);
    const member = await spacesRepository.member(tx.db, programId, body.userId);
    if (!member) throw invalid([{ path: 'userId', code: 'unknown_reference', message: 'no such member' }]);
    refuseUnlessModerating(tx, programId, member.area_path, 'Community');
    if (body.userId === actor.id) throw forbidden('Nobody mutes or suspends themselves.');
    const from = tx.clock.now();
    const sanctionId = uuidv7();
    const until = new Date(from.getTime() + body.hours * HOUR_MS);
    await sanctionsRepository.insert(tx.db, {
      id: sanctionId,
      programId,
      userId: body.userId,
      kind: body.kind,
      reason: body.reason,
      from,
      until,
      by: actor.id,
    });
    await sanctionsRepository.log(tx.db, {
      id: uuidv7(),
      programId,
      actorId: actor.id,
      action: body.kind,
      userId: body.userId,
      reason: body.reason,
    });
    await recordAudit(tx.db, tx, {
      action: `community.moderation.${body.kind}`,
      entity: 'community_sanction',
      entityId: sanctionId,
      after: { userId: body.userId, kind: body.kind, endsAt: until.toISOString(), reason: body.reason },
    });
    return sanctionId;
  });
  return present((await sanctionsRepository.byId(ctx.db, id))!);
}

/** 404 to whoever does not read the member's community, 403 to a reader who does not moderate them. */
function refuseUnlessModerating(ctx: Pick<Ctx, 'actor'>, programId: string, areaPath: string, what: string): void {
  if (!can(ctx.actor, spacePolicy, 'read', { programId, areaPath })) throw notFound(what);
  if (!moderatesAt(ctx, programId, areaPath))
    throw forbidden('Only a community manager over the member’s village mutes or suspends them.');
}

/** Whether the actor moderates members somewhere in the program (a community manager of some area). */
export function moderatesAnywhere(ctx: Pick<Ctx, 'actor'>, programId: string): boolean {
  const user = ctx.actor.kind === 'user' ? ctx.actor : undefined;
  return (
    !!user &&
    (user.isAdmin ||
      user.grants.some((g) => g.programId === programId && moderatesAt(ctx, programId, g.areaPath ?? '')))
  );
}

/** Lifts a mute or suspension before its end; by whoever may impose it on that member. */
export async function liftSanction(ctx: Ctx, id: string, reason: string): Promise<SanctionAnswer> {
  await inTransaction(ctx, async (tx) => {
    const actor = requireUser(tx.actor);
    const row = await sanctionsRepository.byId(tx.db, id);
    const member = row && (await spacesRepository.member(tx.db, row.program_id, row.user_id));
    if (!row || !member) throw notFound('Sanction');
    refuseUnlessModerating(tx, row.program_id, member.area_path, 'Sanction');
    const now = tx.clock.now();
    if (row.lifted_at !== null || row.ends_at <= now) throw conflict('This mute or suspension is over already.');
    await sanctionsRepository.lift(tx.db, id, now, actor.id);
    await sanctionsRepository.log(tx.db, {
      id: uuidv7(),
      programId: row.program_id,
      actorId: actor.id,
      action: 'lift',
      userId: row.user_id,
      reason,
    });
    await recordAudit(tx.db, tx, {
      action: 'community.moderation.lift',
      entity: 'community_sanction',
      entityId: id,
      before: { endsAt: row.ends_at.toISOString() },
      after: { liftedAt: now.toISOString(), reason },
    });
  });
  return present((await sanctionsRepository.byId(ctx.db, id))!);
}

/** The mutes and suspensions in force over the members the caller moderates. */
export async function listSanctions(ctx: Ctx, programId: string) {
  if (!moderatesAnywhere(ctx, programId)) throw notFound('Community');
  const rows = await sanctionsRepository.inForce(ctx.db, programId, ctx.clock.now());
  const shown = [];
  for (const row of rows) {
    const member = await spacesRepository.member(ctx.db, programId, row.user_id);
    if (member && moderatesAt(ctx, programId, member.area_path)) shown.push(present(row));
  }
  return { items: shown };
}

/** A space's appointed moderators: anyone who reads the space may see who they are. */
export async function listModerators(ctx: Ctx, spaceId: string) {
  await readableSpace(ctx, ctx.db, spaceId);
  const rows = await sanctionsRepository.moderators(ctx.db, spaceId);
  return { items: rows.map((r) => ({ id: r.user_id, name: r.name })) };
}

/**
 * Appoints (or removes) a space moderator: by a community manager who moderates the space by
 * their grant (an appointed moderator appoints nobody). The appointee must be someone of the
 * community who reads the space. Logged and audited.
 */
export async function appointModerator(ctx: Ctx, spaceId: string, userId: string, appoint: boolean) {
  await inTransaction(ctx, async (tx) => {
    const actor = requireUser(tx.actor);
    const { space } = await readableSpace(tx, tx.db, spaceId);
    const target = { programId: space.program_id, areaPath: space.area_path };
    if (!can(tx.actor, spacePolicy, 'moderate', target))
      throw forbidden('Only a community manager over this space appoints its moderators.');
    if (appoint) {
      const person = await spacesRepository.member(tx.db, space.program_id, userId);
      if (!person || (space.kind === 'area' && !person.area_path.startsWith(space.area_path)))
        throw invalid([{ path: 'userId', code: 'unknown_reference', message: 'is not a member of this space' }]);
    }
    if (!(await sanctionsRepository.setModerator(tx.db, spaceId, userId, appoint ? actor.id : null))) return;
    const action = appoint ? 'appoint' : 'remove-moderator';
    await sanctionsRepository.log(tx.db, {
      id: uuidv7(),
      programId: space.program_id,
      actorId: actor.id,
      action,
      userId,
      spaceId,
      reason: '',
    });
    await recordAudit(tx.db, tx, {
      action: `community.moderation.${action}`,
      entity: 'community_space',
      entityId: spaceId,
      after: { userId, moderator: appoint },
    });
  });
  return listModerators(ctx, spaceId);
}

/** People of the community whose name starts with what was typed: the composer's @ suggestions. */
export async function suggestMembers(ctx: Ctx, programId: string, typed: string) {
  const viewer = await viewerIn(ctx, ctx.db, programId);
  const staff = can(ctx.actor, spacePolicy, 'read', { programId, areaPath: '' });
  if (!viewer.member && !staff) throw notFound('Community');
  const rows = await mentionsRepository.suggest(ctx.db, programId, typed);
  return { items: rows.filter((r) => r.id !== viewer.user.id) };
}
