import { v7 as uuidv7 } from 'uuid';
import type { Queryable } from '../../db/database.js';
import { inTransaction, type Ctx } from '../../http/context.js';
import { forbidden, notFound } from '../../http/errors.js';
import type { ModerationLog, ReportQueue } from '../../../shared/schemas/community-moderation.js';
import { can, recordAudit } from '../platform/index.js';
import { spacePolicy } from './community.policy.js';
import { moderateIn } from './moderation.service.js';
import { moderatesAnywhere } from './sanctions.service.js';
import { reportsRepository } from './reports.repository.js';
import { spacesRepository } from './spaces.repository.js';
import { spaceReach, viewerIn } from './spaces.service.js';
import { threadsRepository } from './threads.repository.js';

/**
 * The spaces of the program the caller moderates (by grant or appointment); 404 to whoever
 * moderates nowhere in it (a community manager of an area whose spaces are not made yet has an
 * empty queue).
 */
async function moderatedSpaces(ctx: Pick<Ctx, 'actor' | 'clock'>, db: Queryable, programId: string) {
  const viewer = await viewerIn(ctx, db, programId);
  const spaces = await spacesRepository.list(db, programId, null, true);
  const ids = spaces.filter((s) => spaceReach(ctx.actor, viewer, s).moderate).map((s) => s.id);
  if (ids.length === 0 && !moderatesAnywhere(ctx, programId)) throw notFound('Community');
  return { viewer, ids };
}

/** The report queue: open reports grouped by post, in the spaces the caller moderates. */
export async function reportQueue(ctx: Ctx, programId: string): Promise<ReportQueue> {
  const { ids } = await moderatedSpaces(ctx, ctx.db, programId);
  const rows = await reportsRepository.open(ctx.db, ids);
  return {
    items: rows.map((r) => ({
      post: {
        id: r.post_id,
        body: r.body,
        author: { id: r.author_id, name: r.author_name },
        hidden: r.hidden,
        createdAt: r.post_created_at.toISOString(),
      },
      thread: { id: r.thread_id, title: r.title },
      space: { id: r.space_id, name: r.space_name },
      reports: r.reports.map((x) => ({ reason: x.reason, createdAt: new Date(x.createdAt).toISOString() })),
    })),
  };
}

/** The moderation log shows this many of the newest actions. */
const LOG_LENGTH = 100;

/**
 * The moderation log of the spaces the caller moderates: the actions in those spaces' threads, the
 * appointments to them, and the mutes and suspensions of the members the caller moderates (as the
 * report queue, 404 to whoever moderates nowhere in the program).
 */
export async function moderationLog(ctx: Ctx, programId: string): Promise<ModerationLog> {
  const { ids } = await moderatedSpaces(ctx, ctx.db, programId);
  const rows = await reportsRepository.log(ctx.db, programId, LOG_LENGTH * 4);
  const shown = rows.filter((r) =>
    r.space_id !== null
      ? ids.includes(r.space_id)
      : r.member_path !== null && can(ctx.actor, spacePolicy, 'moderate', { programId, areaPath: r.member_path }),
  );
  return {
    items: shown.slice(0, LOG_LENGTH).map((r) => ({
      id: r.id,
      action: r.action as ModerationLog['items'][number]['action'],
      reason: r.reason,
      createdAt: r.created_at.toISOString(),
      actor: { id: r.actor_id, name: r.actor_name },
      thread: r.thread_id ? { id: r.thread_id, title: r.thread_title ?? '' } : null,
      postId: r.post_id,
      user: r.user_id ? { id: r.user_id, name: r.user_name ?? '' } : null,
    })),
  };
}

/**
 * Resolves a post's open reports: "hide" hides the post (unless hidden already) and "dismiss"
 * leaves it, each closing the reports and written to the moderation and audit logs, all in one
 * transaction. Only a moderator of the post's space; others learn nothing (404).
 */
export async function resolveReports(ctx: Ctx, postId: string, action: 'hide' | 'dismiss', reason: string) {
  return inTransaction(ctx, async (tx) => {
    const post = await threadsRepository.post(tx.db, postId);
    const thread = post && (await threadsRepository.byId(tx.db, post.thread_id));
    if (!post || !thread) throw notFound('Post');
    const space = await spacesRepository.byId(tx.db, thread.space_id);
    const viewer = await viewerIn(tx, tx.db, thread.program_id);
    const reach = spaceReach(tx.actor, viewer, space!);
    if (!reach.read && !reach.moderate) throw notFound('Post');
    if (!reach.moderate) throw forbidden('Only the space’s moderators resolve its reports.');
    const hide = action === 'hide' && post.hidden_at === null;
    if (hide) await moderateIn(tx, { postId }, 'hide', reason);
    const resolved = await reportsRepository.resolve(tx.db, postId, viewer.user.id, tx.clock.now());
    if (action === 'dismiss') {
      await threadsRepository.logModeration(tx.db, {
        id: uuidv7(),
        programId: thread.program_id,
        actorId: viewer.user.id,
        action: 'dismiss',
        threadId: thread.id,
        postId,
        reason,
      });
      await recordAudit(tx.db, tx, {
        action: 'community.moderation.dismiss',
        entity: 'community_post',
        entityId: postId,
        after: { resolved, reason },
      });
    }
    return { postId, resolved, hidden: hide || post.hidden_at !== null };
  });
}
