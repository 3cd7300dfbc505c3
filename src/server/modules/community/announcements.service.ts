import { v7 as uuidv7 } from 'uuid';
import { inTransaction, type Actor, type Ctx } from '../../http/context.js';
import { invalid, notFound, type FieldError } from '../../http/errors.js';
import type { AnnouncementAnswer, AnnouncementBody } from '../../../shared/schemas/community-events.js';
import { authorize, can, programTarget, recordAudit, requireUser, type Target } from '../platform/index.js';
import { announcementPolicy, eventPolicy } from './community.policy.js';
import { announcementsRepository, type Audience, type AnnouncementRow } from './announcements.repository.js';
import { areaPlace, spacePlace } from './places.js';
import { viewerIn } from './spaces.service.js';
import type { Queryable } from '../../db/database.js';

const target = (row: Pick<AnnouncementRow, 'program_id' | 'target_path'>): Target => ({
  programId: row.program_id,
  areaPath: row.target_path,
});

/** Who the viewer is to the program's announcements: their village (a member), their roles, staff or not. */
async function audienceOf(ctx: Pick<Ctx, 'actor' | 'clock'>, db: Queryable, programId: string) {
  const viewer = await viewerIn(ctx, db, programId);
  const audience: Audience = {
    userId: viewer.user.id,
    memberPath: viewer.member?.area_path ?? null,
    roles: [...new Set(viewer.user.grants.filter((g) => g.programId === programId).map((g) => g.role))],
    staff: can(ctx.actor, eventPolicy, 'read', programTarget(programId)),
  };
  return { viewer, audience };
}

async function present(db: Queryable, actor: Actor, row: AnnouncementRow): Promise<AnnouncementAnswer> {
  // Its author keeps seeing how it is read, even from a narrower grant than they wrote it with.
  const manage =
    can(actor, announcementPolicy, 'manage', target(row)) || (actor.kind === 'user' && row.author_id === actor.id);
  return {
    id: row.id,
    programId: row.program_id,
    title: row.title,
    body: row.body,
    pinned: row.pinned,
    target: {
      area: row.target_area_code ? { code: row.target_area_code, name: row.target_area_name ?? '' } : null,
      role: row.target_role as AnnouncementAnswer['target']['role'],
      spaceId: row.target_space_id,
    },
    author: { id: row.author_id, name: row.author_name },
    read: row.read,
    reach: manage ? await announcementsRepository.reach(db, row.id) : null,
    createdAt: row.created_at.toISOString(),
    abilities: { read: true, manage },
  };
}

/** Where an announcement is aimed, checked field by field: its area's path, or its space's. */
async function placeOf(db: Queryable, programId: string, input: AnnouncementBody): Promise<string> {
  const errors: FieldError[] = [];
  const area = input.areaCode ? await areaPlace(db, input.areaCode, errors) : undefined;
  const space = input.spaceId ? await spacePlace(db, programId, input.spaceId, errors) : undefined;
  if (errors.length > 0) throw invalid(errors);
  return space ?? area ?? '';
}

/** A new announcement, by a manager whose area holds where it is aimed. */
export async function announce(ctx: Ctx, programId: string, input: AnnouncementBody): Promise<AnnouncementAnswer> {
  return inTransaction(ctx, async (tx) => {
    const path = await placeOf(tx.db, programId, input);
    const user = authorize(tx.actor, announcementPolicy, 'manage', { programId, areaPath: path });
    const id = uuidv7();
    await announcementsRepository.insert(tx.db, {
      id,
      program_id: programId,
      title: input.title,
      body: input.body,
      target_area_code: input.areaCode ?? null,
      target_path: path,
      target_role: input.role ?? null,
      target_space_id: input.spaceId ?? null,
      pinned: input.pinned,
      author_id: user.id,
    });
    const { audience } = await audienceOf(tx, tx.db, programId);
    const row = (await announcementsRepository.byId(tx.db, id, audience))!;
    const answer = await present(tx.db, tx.actor, row);
    await recordAudit(tx.db, tx, {
      action: 'community.announcement.create',
      entity: 'community_announcement',
      entityId: id,
      after: { ...answer, reach: null },
    });
    return answer;
  });
}

/** The announcements aimed at the caller (and their own), pinned first, newest first; 404 outside the community. */
export async function listAnnouncements(ctx: Ctx, programId: string): Promise<{ items: AnnouncementAnswer[] }> {
  const { viewer, audience } = await audienceOf(ctx, ctx.db, programId);
  if (!viewer.member && !audience.staff) throw notFound('Community');
  const rows = await announcementsRepository.list(ctx.db, programId, audience, 100);
  const items = [];
  for (const row of rows) items.push(await present(ctx.db, ctx.actor, row));
  return { items };
}

/** One announcement, for those it is aimed at and those who manage it; anyone else gets 404. */
async function visible(ctx: Pick<Ctx, 'actor' | 'clock'>, db: Queryable, id: string) {
  const programId = await announcementsRepository.programOf(db, id);
  if (!programId) throw notFound('Announcement');
  const { audience } = await audienceOf(ctx, db, programId);
  const row = await announcementsRepository.byId(db, id, audience);
  if (!row || !(row.aimed || can(ctx.actor, announcementPolicy, 'manage', target(row)))) throw notFound('Announcement');
  return row;
}

export async function showAnnouncement(ctx: Ctx, id: string): Promise<AnnouncementAnswer> {
  return present(ctx.db, ctx.actor, await visible(ctx, ctx.db, id));
}

/** Marks the announcement read by the caller (again: nothing changes). */
export async function markAnnouncementRead(ctx: Ctx, id: string): Promise<AnnouncementAnswer> {
  return inTransaction(ctx, async (tx) => {
    const row = await visible(tx, tx.db, id);
    await announcementsRepository.markRead(tx.db, id, requireUser(tx.actor).id);
    return present(tx.db, tx.actor, { ...row, read: true });
  });
}
