import { inTransaction, type Actor, type Ctx, type TxCtx } from '../../http/context.js';
import { createOnce, type Created } from '../../http/create-once.js';
import { conflict, forbidden, invalid, notFound, Problem, ruleBroken, type FieldError } from '../../http/errors.js';
import { decodeCursor, toPage } from '../../http/pagination.js';
import type {
  PostAnswer,
  ReplyBody,
  ThreadAnswer,
  ThreadBody,
  ThreadSummary,
  ThreadsQuery,
  TranslationBody,
} from '../../../shared/schemas/community-spaces.js';
import { PHOTOS_PER_POST, POST_LANGUAGES } from '../../../shared/schemas/community-spaces.js';
import { mediaUrl, type LinkSigner } from '../../storage/media-links.js';
import { programById } from '../programs/index.js';
import { can, recordAudit, requireUser } from '../platform/index.js';
import { mentioned } from './mentions.js';
import { tellAboutThread } from './notices.js';
import { answerPolicy } from './community.policy.js';
import { joinsRepository } from './joins.repository.js';
import { spacesRepository } from './spaces.repository.js';
import {
  isCommunityStaff,
  readableSpace,
  refuseSanctioned,
  spaceReach,
  viewerIn,
  type Viewer,
} from './spaces.service.js';
import { threadsRepository, type PostPhotoRow, type PostRow, type ThreadRow } from './threads.repository.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** New members (welcomed less than a week ago) open at most this many threads a day, and post no links on their first day. */
const NEW_MEMBER = { days: 7, threadsPerDay: 3, linksAfterDays: 1 } as const;

/** A web address or a bare domain: what a new member may not post on their first day. */
const LINK = /(https?:\/\/|www\.|\b[a-z0-9-]+\.(com|id|net|org|co|io|me|ly|info|biz|xyz|site|shop|link)\b)/i;

export function presentSummary(row: ThreadRow): ThreadSummary {
  return {
    id: row.id,
    spaceId: row.space_id,
    title: row.title,
    kind: row.kind,
    language: row.language,
    author: { id: row.author_id, name: row.author_name },
    replyCount: row.reply_count,
    answered: row.accepted_post_id !== null,
    locked: row.locked_at !== null,
    hidden: row.hidden_at !== null,
    lastActivityAt: row.last_activity_at.toISOString(),
    createdAt: row.created_at.toISOString(),
  };
}

type PostLanguage = (typeof POST_LANGUAGES)[number];

const isPostLanguage = (locale: string): locale is PostLanguage =>
  (POST_LANGUAGES as readonly string[]).includes(locale);

/** The language a post is in: as the writer said, or else the writer's own locale. */
function writtenIn(actor: Actor, given: PostLanguage | undefined): PostLanguage {
  if (given) return given;
  const locale = actor.kind === 'user' ? actor.locale : 'id';
  return isPostLanguage(locale) ? locale : 'id';
}

/** A post's photo: its addresses signed for the reader (private: whoever may read the post, decision 030). */
export const presentPostPhoto = (signer: LinkSigner, p: PostPhotoRow) => ({
  id: p.id,
  url: mediaUrl(signer, p.storage_key),
  thumbnailUrl: mediaUrl(signer, p.thumbnail_key),
  contentType: p.content_type,
  width: p.width,
  height: p.height,
  byteSize: p.byte_size,
});

function presentPost(
  signer: LinkSigner,
  row: PostRow,
  thread: ThreadRow,
  reach: { post: boolean; moderate: boolean },
  viewerId: string,
  photos: PostPhotoRow[],
): PostAnswer {
  const moderator = reach.moderate;
  const own = row.author_id === viewerId;
  return {
    id: row.id,
    author: { id: row.author_id, name: row.author_name },
    body: row.body,
    language: row.language,
    translation:
      row.tr_language === null
        ? null
        : {
            language: row.tr_language,
            title: row.tr_title,
            body: row.tr_body!,
            addedBy: { id: row.tr_added_by!, name: row.tr_added_by_name! },
            addedAt: row.tr_added_at!.toISOString(),
          },
    hidden: row.hidden_at !== null,
    accepted: thread.accepted_post_id === row.id,
    helpfulCount: row.helpful_count,
    helpfulByMe: row.helpful_by_me,
    reportedByMe: row.reported_by_me,
    reports: moderator ? row.reports : null,
    createdAt: row.created_at.toISOString(),
    photos: photos.map((p) => presentPostPhoto(signer, p)),
    abilities: {
      translate: moderator || own,
      addPhoto: own && reach.post && thread.locked_at === null && photos.length < PHOTOS_PER_POST,
      removePhoto: moderator || own,
    },
  };
}

/** A thread the viewer may read (a hidden one only if they moderate its space), or 404. */
async function readableThread(ctx: Pick<Ctx, 'actor' | 'clock'>, db: TxCtx['db'] | Ctx['db'], id: string) {
  const thread = await threadsRepository.byId(db, id);
  if (!thread) throw notFound('Thread');
  const space = await spacesRepository.byId(db, thread.space_id);
  const viewer = await viewerIn(ctx, db, thread.program_id);
  refuseSanctioned(viewer, 'read');
  const reach = spaceReach(ctx.actor, viewer, space!);
  if (!reach.read || (thread.hidden_at !== null && !reach.moderate)) throw notFound('Thread');
  return { thread, viewer, reach };
}

function mayAccept(actor: Actor, thread: ThreadRow): boolean {
  return (
    thread.kind === 'question' &&
    can(actor, answerPolicy, 'accept', { programId: thread.program_id, areaPath: '', ownerId: thread.author_id })
  );
}

/**
 * The limits on a member welcomed less than a week ago (staff with a community role have none):
 * no links on the first day, and at most three threads in any 24 hours. Their welcome is locked
 * first, so two posts racing cannot both take the last place.
 */
async function newMemberLimits(
  tx: TxCtx,
  viewer: Viewer,
  staff: boolean,
  fields: Record<string, string>,
  opensThread: boolean,
): Promise<void> {
  const member = viewer.member;
  if (!member || staff) return;
  const now = tx.clock.now();
  const age = now.getTime() - member.welcomed_at.getTime();
  if (age >= NEW_MEMBER.days * DAY_MS) return;
  if (age < NEW_MEMBER.linksAfterDays * DAY_MS) {
    const errors: FieldError[] = Object.entries(fields)
      .filter(([, text]) => LINK.test(text))
      .map(([path]) => ({ path, code: 'no_links_yet', message: 'new members may not post links yet' }));
    if (errors.length > 0) throw invalid(errors, 'New members may post links from their second day.');
  }
  if (!opensThread) return;
  await joinsRepository.lock(tx.db, member.id);
  const recent = await threadsRepository.threadsSince(
    tx.db,
    member.program_id,
    member.user_id,
    new Date(now.getTime() - DAY_MS),
  );
  if (recent.length >= NEW_MEMBER.threadsPerDay) {
    const retryAfter = Math.max(1, Math.ceil((recent[0]!.getTime() + DAY_MS - now.getTime()) / 1000));
    throw new Problem(
      429,
      'rate-limited',
      'Too many requests',
      `New members open at most ${NEW_MEMBER.threadsPerDay} threads a day.`,
      undefined,
      { retryAfter },
      { code: 'slow-mode', params: { maximum: NEW_MEMBER.threadsPerDay } },
    );
  }
}

/**
 * A new thread in a space the caller may post in; its author follows it. Under the client's id a
 * repeated create (a draft sent again after its answer was lost) answers the thread as posted.
 */
export async function openThread(ctx: Ctx, spaceId: string, input: ThreadBody): Promise<Created<ThreadAnswer>> {
  return inTransaction(ctx, async (tx) => {
    const { space, viewer, reach } = await readableSpace(tx, tx.db, spaceId);
    const language = writtenIn(tx.actor, input.language);
    return createOnce(tx.db, {
      id: input.id,
      find: (id) => threadsRepository.written(tx.db, id),
      visible: (row) => row.id === row.thread_id && row.author_id === viewer.user.id,
      stored: (row) => ({
        spaceId: row.space_id,
        title: row.title,
        body: row.body,
        kind: row.kind,
        language: row.language,
      }),
      input: { spaceId, title: input.title, body: input.body, kind: input.kind, language },
      present: (row) => showThread(tx, row.id),
      create: async (threadId) => {
        refuseSanctioned(viewer, 'post');
        if (!reach.post) throw notFound('Space');
        const staff = isCommunityStaff(tx.actor, space.program_id);
        await newMemberLimits(tx, viewer, staff, { title: input.title, body: input.body }, true);
        await threadsRepository.insert(tx.db, {
          id: threadId,
          programId: space.program_id,
          spaceId,
          authorId: viewer.user.id,
          title: input.title,
          body: input.body,
          kind: input.kind,
          language,
          at: tx.clock.now(),
        });
        await recordAudit(tx.db, tx, {
          action: 'community.thread.open',
          entity: 'community_thread',
          entityId: threadId,
          after: { spaceId, kind: input.kind, language },
        });
        const text = `${input.title}\n${input.body}`;
        const mentions = await mentioned(tx.db, {
          programId: space.program_id,
          areaPath: space.area_path,
          text,
          authorId: viewer.user.id,
        });
        await tellAboutThread(
          tx.db,
          'community.mention',
          mentions,
          { id: threadId, title: input.title },
          viewer.user.name,
        );
        return showThread(tx, threadId);
      },
    });
  });
}

/** A space's threads, newest activity first (hidden ones only to its moderators, marked). */
export async function listThreads(ctx: Ctx, spaceId: string, query: ThreadsQuery) {
  const { reach } = await readableSpace(ctx, ctx.db, spaceId);
  const after = decodeCursor(query.cursor, 2) as [string, string] | null;
  const rows = await threadsRepository.inSpace(ctx.db, {
    spaceId,
    withHidden: reach.moderate,
    after,
    limit: query.limit,
  });
  return toPage(rows, query.limit, presentSummary, (r) => [r.last_activity_at.toISOString(), r.id]);
}

/**
 * A thread with its posts in order; what the caller may do with it. Each post comes with its stored
 * translation into the reader's language: the one the request asks for, else their account's.
 */
export async function showThread(ctx: Ctx | TxCtx, id: string): Promise<ThreadAnswer> {
  const { thread, viewer, reach } = await readableThread(ctx, ctx.db, id);
  const posts = await threadsRepository.posts(
    ctx.db,
    id,
    viewer.user.id,
    reach.moderate,
    ctx.language ?? viewer.user.locale,
  );
  const photos = await threadsRepository.photos(
    ctx.db,
    posts.map((p) => p.id),
  );
  return {
    ...presentSummary(thread),
    space: { id: thread.space_id, name: thread.space_name, programId: thread.program_id },
    following: await threadsRepository.isFollowing(ctx.db, id, viewer.user.id),
    acceptedPostId: thread.accepted_post_id,
    posts: posts.map((p) =>
      presentPost(
        ctx,
        p,
        thread,
        reach,
        viewer.user.id,
        photos.filter((x) => x.post_id === p.id),
      ),
    ),
    mutedUntil: viewer.sanction?.kind === 'mute' ? viewer.sanction.ends_at.toISOString() : null,
    abilities: {
      read: true,
      reply: reach.post && thread.locked_at === null,
      accept: mayAccept(ctx.actor, thread),
      moderate: reach.moderate,
    },
  };
}

/**
 * Who hears of a reply (decision 019): the people it mentions, and the thread's other followers;
 * never the one replying, and nobody when the thread is hidden (only its moderators see it).
 */
async function tellOfReply(tx: TxCtx, thread: ThreadRow, viewer: Viewer, body: string): Promise<void> {
  if (thread.hidden_at !== null) return;
  const by = viewer.user.name;
  const mentions = await mentioned(tx.db, {
    programId: thread.program_id,
    areaPath: thread.space_area_path,
    text: body,
    authorId: viewer.user.id,
  });
  await tellAboutThread(tx.db, 'community.mention', mentions, thread, by);
  const followers = (await threadsRepository.followers(tx.db, thread.id)).filter(
    (id) => id !== viewer.user.id && !mentions.includes(id),
  );
  await tellAboutThread(tx.db, 'community.reply', followers, thread, by);
}

/** A reply as the thread shows it to the caller (a hidden one is gone for all but moderators). */
async function shownReply(tx: TxCtx, threadId: string, postId: string): Promise<PostAnswer> {
  const post = (await showThread(tx, threadId)).posts.find((p) => p.id === postId);
  if (!post) throw notFound('Post');
  return post;
}

/**
 * A reply to an open thread; the thread rises to the top of its space. Under the client's id a
 * repeated create answers the reply as posted, even if the thread was locked or the writer muted
 * since: it was posted before that.
 */
export async function reply(ctx: Ctx, threadId: string, input: ReplyBody): Promise<Created<PostAnswer>> {
  return inTransaction(ctx, async (tx) => {
    await threadsRepository.lock(tx.db, threadId);
    const { thread, viewer, reach } = await readableThread(tx, tx.db, threadId);
    const language = writtenIn(tx.actor, input.language);
    return createOnce(tx.db, {
      id: input.id,
      find: (id) => threadsRepository.written(tx.db, id),
      visible: (row) => row.id !== row.thread_id && row.author_id === viewer.user.id,
      stored: (row) => ({ threadId: row.thread_id, body: row.body, language: row.language }),
      input: { threadId, body: input.body, language },
      present: (row) => shownReply(tx, row.thread_id, row.id),
      create: async (id) => {
        refuseSanctioned(viewer, 'post');
        if (!reach.post) throw notFound('Thread');
        if (thread.locked_at !== null)
          throw ruleBroken('thread-locked', 'This thread is locked: it takes no more replies.');
        await newMemberLimits(tx, viewer, isCommunityStaff(tx.actor, thread.program_id), { body: input.body }, false);
        await threadsRepository.insertReply(tx.db, {
          id,
          threadId,
          programId: thread.program_id,
          authorId: viewer.user.id,
          body: input.body,
          language,
          at: tx.clock.now(),
        });
        await threadsRepository.refreshSearchText(tx.db, threadId);
        await recordAudit(tx.db, tx, {
          action: 'community.reply',
          entity: 'community_post',
          entityId: id,
          after: { threadId, language },
        });
        await tellOfReply(tx, thread, viewer, input.body);
        return shownReply(tx, threadId, id);
      },
    });
  });
}

/** Marks a reply as a question's accepted answer (or changes it), by the asker or a mentor; audited. */
export async function acceptAnswer(ctx: Ctx, threadId: string, postId: string): Promise<ThreadAnswer> {
  await inTransaction(ctx, async (tx) => {
    await threadsRepository.lock(tx.db, threadId);
    const { thread } = await readableThread(tx, tx.db, threadId);
    if (thread.kind !== 'question') throw ruleBroken('not-a-question', 'Only a question has an accepted answer.');
    if (!mayAccept(tx.actor, thread)) throw notFound('Thread');
    const post = await threadsRepository.post(tx.db, postId);
    if (!post || post.thread_id !== threadId || post.id === threadId || post.hidden_at !== null)
      throw invalid([{ path: 'postId', code: 'unknown_reference', message: 'is not a reply of this thread' }]);
    if (thread.accepted_post_id === postId) return;
    await threadsRepository.accept(tx.db, threadId, postId);
    await recordAudit(tx.db, tx, {
      action: 'community.answer.accept',
      entity: 'community_thread',
      entityId: threadId,
      before: { acceptedPostId: thread.accepted_post_id },
      after: { acceptedPostId: postId },
    });
    const author = await threadsRepository.postAuthor(tx.db, postId);
    const others = author && author !== requireUser(tx.actor).id ? [author] : [];
    await tellAboutThread(tx.db, 'community.answer-accepted', others, thread);
  });
  return showThread(ctx, threadId);
}

/** A post the viewer may read, with its thread and the viewer's reach there. */
export async function readablePost(ctx: Pick<Ctx, 'actor' | 'clock'>, db: Ctx['db'] | TxCtx['db'], postId: string) {
  const post = await threadsRepository.post(db, postId);
  if (!post) throw notFound('Post');
  const found = await readableThread(ctx, db, post.thread_id);
  if (post.hidden_at !== null && !found.reach.moderate) throw notFound('Post');
  return { post, ...found };
}

/** "Helpful" on or off: one per person per post. */
export async function toggleHelpful(ctx: Ctx, postId: string) {
  return inTransaction(ctx, async (tx) => {
    const { viewer } = await readablePost(tx, tx.db, postId);
    const { helpful, count } = await threadsRepository.toggleHelpful(tx.db, postId, viewer.user.id);
    return { helpful, helpfulCount: count };
  });
}

export async function follow(ctx: Ctx, threadId: string, following: boolean) {
  return inTransaction(ctx, async (tx) => {
    const { viewer } = await readableThread(tx, tx.db, threadId);
    await threadsRepository.setFollowing(tx.db, threadId, viewer.user.id, following);
    return { following };
  });
}

/** A report of a post, once per person: a second one is a 409. */
export async function reportPost(ctx: Ctx, postId: string, reason: string) {
  return inTransaction(ctx, async (tx) => {
    const { viewer } = await readablePost(tx, tx.db, postId);
    if (!(await threadsRepository.report(tx.db, postId, viewer.user.id, reason)))
      throw conflict('You reported this post already.');
    await recordAudit(tx.db, tx, { action: 'community.post.report', entity: 'community_post', entityId: postId });
    return { postId, reported: true as const };
  });
}

/**
 * Stores a post's translation into another of the program's locales (no outside service is
 * reachable): by the post's author or a moderator of its space; anyone else who reads it gets a 403.
 * An opening post's translation carries the thread's title. Search finds the thread by any; audited.
 */
export async function translatePost(ctx: Ctx, postId: string, input: TranslationBody): Promise<ThreadAnswer> {
  const threadId = await inTransaction(ctx, async (tx) => {
    const { post, thread, viewer, reach } = await readablePost(tx, tx.db, postId);
    await threadsRepository.lock(tx.db, thread.id);
    if (post.author_id !== viewer.user.id && !reach.moderate)
      throw forbidden('Only the post’s author or a moderator of its space adds a translation.', {
        code: 'translation-not-yours',
      });
    const program = await programById(tx.db, thread.program_id);
    const errors: FieldError[] = [];
    if (input.language === post.language)
      errors.push({ path: 'language', code: 'same_as_original', message: 'is the language the post is in' });
    else if (!program!.locales.includes(input.language))
      errors.push({
        path: 'language',
        code: 'not_a_program_locale',
        params: { values: program!.locales.join(', ') },
        message: 'is not a language of the program',
      });
    const opening = post.id === thread.id;
    if (opening && input.title === undefined)
      errors.push({ path: 'title', code: 'required', message: 'is required for a thread’s opening post' });
    if (!opening && input.title !== undefined)
      errors.push({ path: 'title', code: 'title_of_thread_only', message: 'only an opening post has a title' });
    if (errors.length > 0) throw invalid(errors);
    const before = await threadsRepository.translation(tx.db, postId, input.language);
    await threadsRepository.saveTranslation(tx.db, {
      postId,
      language: input.language,
      title: input.title ?? null,
      body: input.body,
      addedBy: viewer.user.id,
      at: tx.clock.now(),
    });
    await recordAudit(tx.db, tx, {
      action: 'community.post.translate',
      entity: 'community_post',
      entityId: postId,
      before: before
        ? { language: input.language, title: before.title, body: before.body, addedBy: before.added_by }
        : null,
      after: { language: input.language, title: input.title ?? null, body: input.body },
    });
    return thread.id;
  });
  return showThread(ctx, threadId);
}
