import { v7 as uuidv7 } from 'uuid';
import { inTransaction, type Actor, type Ctx, type UserActor } from '../../http/context.js';
import { forbidden, notFound } from '../../http/errors.js';
import { TOPIC_SPACES, type SpaceAnswer } from '../../../shared/schemas/community-spaces.js';
import { can, requireUser } from '../platform/index.js';
import { spacePolicy } from './community.policy.js';
import { sanctionsRepository } from './sanctions.repository.js';
import { spacesRepository, type CountedSpaceRow, type MemberRow, type SpaceRow } from './spaces.repository.js';
import type { Queryable } from '../../db/database.js';

/** The names of the topic spaces a community starts with, in the interface languages. */
const TOPIC_NAMES: Record<(typeof TOPIC_SPACES)[number], Record<'id' | 'en' | 'ja', string>> = {
  packaging: { id: 'Kemasan', en: 'Packaging', ja: 'パッケージ' },
  marketing: { id: 'Pemasaran', en: 'Marketing', ja: 'マーケティング' },
  bookkeeping: { id: 'Pembukuan', en: 'Bookkeeping', ja: '帳簿づけ' },
  export: { id: 'Ekspor', en: 'Export', ja: '輸出' },
  halal_food_safety: { id: 'Halal dan keamanan pangan', en: 'Halal and food safety', ja: 'ハラールと食品安全' },
  product_design: { id: 'Desain produk', en: 'Product design', ja: '商品デザイン' },
  selling_online: { id: 'Jualan online', en: 'Selling online', ja: 'ネット販売' },
};

/**
 * Adds the spaces a program's community is missing: the topic spaces, and, for a welcomed
 * member's village, its province's and regency's area spaces. Safe to repeat.
 */
export async function ensureSpaces(db: Queryable, programId: string, villagePath: string | null): Promise<void> {
  const topics = TOPIC_SPACES.map((topic) => ({ id: uuidv7(), topic, name: TOPIC_NAMES[topic] }));
  await spacesRepository.ensure(db, programId, topics, villagePath, uuidv7);
}

/**
 * Who is asking, in one program: the signed-in account and, when they were welcomed, their welcome;
 * a mute or suspension in force, and the spaces they were appointed to moderate.
 */
export interface Viewer {
  user: UserActor;
  member: MemberRow | undefined;
  sanction: { kind: 'mute' | 'suspend'; ends_at: Date } | undefined;
  moderates: string[];
}

export async function viewerIn(ctx: Pick<Ctx, 'actor' | 'clock'>, db: Queryable, programId: string): Promise<Viewer> {
  const user = requireUser(ctx.actor);
  const standing = await sanctionsRepository.standing(db, programId, user.id, ctx.clock.now());
  return { user, member: await spacesRepository.member(db, programId, user.id), ...standing };
}

/**
 * A suspended member reads nothing and a muted one posts nothing in the program's community: each
 * is told so with a code and when it ends (decision 019), rather than a bare 404.
 */
export function refuseSanctioned(viewer: Viewer, doing: 'read' | 'post'): void {
  const s = viewer.sanction;
  if (!s || (doing === 'read' && s.kind === 'mute')) return;
  const until = s.ends_at.toISOString();
  throw s.kind === 'suspend'
    ? forbidden(`You are suspended from this community until ${until}.`, {
        code: 'member-suspended',
        params: { until },
      })
    : forbidden(`You are muted in this community until ${until}: you may read, not post.`, {
        code: 'member-muted',
        params: { until },
      });
}

/** Whether the actor holds a community role in the program (staff: no new-member limits, every space). */
export const isCommunityStaff = (actor: Actor, programId: string) =>
  can(actor, spacePolicy, 'read', { programId, areaPath: '' });

/** Whether a welcomed member is in the space: every topic space, and the area spaces over their village. */
const memberIn = (member: MemberRow | undefined, space: Pick<SpaceRow, 'kind' | 'area_path'>) =>
  !!member && (space.kind === 'topic' || member.area_path.startsWith(space.area_path));

/** What the viewer may do in a space: the policy for staff, the welcome for members. */
export function spaceReach(
  actor: Actor,
  viewer: Viewer,
  space: Pick<SpaceRow, 'id' | 'program_id' | 'kind' | 'area_path'>,
) {
  const target = { programId: space.program_id, areaPath: space.area_path };
  const member = memberIn(viewer.member, space);
  const suspended = viewer.sanction?.kind === 'suspend';
  return {
    read: !suspended && (member || can(actor, spacePolicy, 'read', target)),
    post: !viewer.sanction && (member || can(actor, spacePolicy, 'post', target)),
    // A community manager whose grant holds the space, or a member appointed to moderate it.
    moderate: !viewer.sanction && (can(actor, spacePolicy, 'moderate', target) || viewer.moderates.includes(space.id)),
  };
}

/** A space the viewer may read, or 404: outside one's community nobody learns what exists. */
export async function readableSpace(ctx: Pick<Ctx, 'actor' | 'clock'>, db: Queryable, spaceId: string) {
  const space = await spacesRepository.byId(db, spaceId);
  if (!space) throw notFound('Space');
  const viewer = await viewerIn(ctx, db, space.program_id);
  refuseSanctioned(viewer, 'read');
  const reach = spaceReach(ctx.actor, viewer, space);
  if (!reach.read) throw notFound('Space');
  return { space, viewer, reach };
}

function presentSpace(actor: Actor, viewer: Viewer, row: CountedSpaceRow): SpaceAnswer {
  return {
    id: row.id,
    programId: row.program_id,
    kind: row.kind,
    topic: row.topic,
    area: row.area_code ? { code: row.area_code, level: row.area_level ?? '' } : null,
    name: row.name,
    near: row.kind === 'area' && !!viewer.member && viewer.member.area_path.startsWith(row.area_path),
    threadCount: row.thread_count,
    abilities: spaceReach(actor, viewer, row),
  };
}

/**
 * The spaces the caller may read in the program: a member's topic spaces and the area spaces over
 * their village ("near you"); staff with a community role, every space. Seeds the topic spaces on
 * first use. Someone in neither gets 404, as for a program outside their scope.
 */
export async function listSpaces(ctx: Ctx, programId: string): Promise<{ items: SpaceAnswer[] }> {
  const viewer = await viewerIn(ctx, ctx.db, programId);
  const staff = isCommunityStaff(ctx.actor, programId);
  if (!viewer.member && !staff) throw notFound('Community');
  refuseSanctioned(viewer, 'read');
  const list = () => spacesRepository.list(ctx.db, programId, staff ? null : viewer.member!.area_path, false);
  let rows = await list();
  // First use: the topic spaces; a member welcomed before spaces existed: their area spaces.
  const path = viewer.member?.area_path ?? null;
  const nearMissing = path !== null && !rows.some((r) => r.kind === 'area' && path.startsWith(r.area_path));
  if (!rows.some((r) => r.kind === 'topic') || nearMissing) {
    await inTransaction(ctx, (tx) => ensureSpaces(tx.db, programId, path));
    rows = await list();
  }
  return { items: rows.map((row) => presentSpace(ctx.actor, viewer, row)) };
}

/** The communities the caller is in: as a welcomed member, or as staff with a community role. */
export async function myCommunities(ctx: Ctx) {
  const user = requireUser(ctx.actor);
  const staffIn = [...new Set(user.grants.map((g) => g.programId))].filter((p) => isCommunityStaff(user, p));
  const rows = await spacesRepository.communities(ctx.db, user.id, user.isAdmin ? 'all' : staffIn);
  return { items: rows.map((r) => ({ programId: r.id, name: r.name, member: r.member })) };
}

/** One space the caller may read, with what they may do there. */
export async function showSpace(ctx: Ctx, id: string): Promise<SpaceAnswer> {
  const { space, viewer } = await readableSpace(ctx, ctx.db, id);
  return presentSpace(ctx.actor, viewer, {
    ...space,
    thread_count: await spacesRepository.threadCount(ctx.db, id, false),
  });
}
