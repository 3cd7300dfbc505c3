import { v7 as uuidv7 } from 'uuid';
import { inTransaction, type Ctx, type TxCtx } from '../../http/context.js';
import { conflict, forbidden, notFound } from '../../http/errors.js';
import type { ThreadAnswer } from '../../../shared/schemas/community-spaces.js';
import { recordAudit } from '../platform/index.js';
import { spacesRepository } from './spaces.repository.js';
import { spaceReach, viewerIn } from './spaces.service.js';
import { threadsRepository } from './threads.repository.js';
import { showThread } from './threads.service.js';

type Action = 'hide' | 'restore' | 'lock' | 'unlock';

/**
 * One moderation action on a post or a thread by someone who moderates its space (a community
 * manager whose grant holds it, or the program's manager): written to the moderation log and the
 * platform audit log in the action's own transaction. Members and staff without the right get
 * 404 where they cannot read the thread and 403 where they can.
 */
async function moderate(
  ctx: Ctx,
  target: { postId: string } | { threadId: string },
  action: Action,
  reason: string,
): Promise<ThreadAnswer> {
  const threadId = await inTransaction(ctx, (tx) => moderateIn(tx, target, action, reason));
  return showThread(ctx, threadId);
}

/** The moderation action inside the caller's transaction (the report queue's "hide" runs it with its own). */
export async function moderateIn(
  tx: TxCtx,
  target: { postId: string } | { threadId: string },
  action: Action,
  reason: string,
): Promise<string> {
  {
    const post = 'postId' in target ? await threadsRepository.post(tx.db, target.postId) : undefined;
    if ('postId' in target && !post) throw notFound('Post');
    const threadId = post?.thread_id ?? (target as { threadId: string }).threadId;
    await threadsRepository.lock(tx.db, threadId);
    const thread = await threadsRepository.byId(tx.db, threadId);
    if (!thread) throw notFound('Thread');
    const space = await spacesRepository.byId(tx.db, thread.space_id);
    const viewer = await viewerIn(tx, tx.db, thread.program_id);
    const reach = spaceReach(tx.actor, viewer, space!);
    const seen =
      reach.moderate || (reach.read && thread.hidden_at === null && (post === undefined || post.hidden_at === null));
    if (!seen) throw notFound(post ? 'Post' : 'Thread');
    if (!reach.moderate) throw forbidden('Only the space’s moderators hide, restore and lock.');
    const now = tx.clock.now();
    let before: unknown;
    if (post) {
      const hide = action === 'hide';
      if ((post.hidden_at !== null) === hide)
        throw conflict(hide ? 'The post is hidden already.' : 'The post is not hidden.');
      before = { hidden: post.hidden_at !== null };
      await threadsRepository.setHidden(tx.db, post.id, hide ? { at: now, by: viewer.user.id } : null);
    } else {
      const lock = action === 'lock';
      if ((thread.locked_at !== null) === lock)
        throw conflict(lock ? 'The thread is locked already.' : 'The thread is not locked.');
      before = { locked: thread.locked_at !== null };
      await threadsRepository.setLocked(tx.db, threadId, lock ? now : null);
    }
    const postId = post?.id ?? null;
    await threadsRepository.logModeration(tx.db, {
      id: uuidv7(),
      programId: thread.program_id,
      actorId: viewer.user.id,
      action,
      threadId,
      postId,
      reason,
    });
    await recordAudit(tx.db, tx, {
      action: `community.moderation.${action}`,
      entity: post ? 'community_post' : 'community_thread',
      entityId: postId ?? threadId,
      before,
      after: { action, threadId, reason },
    });
    return threadId;
  }
}

export const hidePost = (ctx: Ctx, postId: string, reason: string) => moderate(ctx, { postId }, 'hide', reason);
export const restorePost = (ctx: Ctx, postId: string, reason: string) => moderate(ctx, { postId }, 'restore', reason);
export const lockThread = (ctx: Ctx, threadId: string, reason: string) => moderate(ctx, { threadId }, 'lock', reason);
export const unlockThread = (ctx: Ctx, threadId: string, reason: string) =>
  moderate(ctx, { threadId }, 'unlock', reason);
