import { v7 as uuidv7 } from 'uuid';
import { inTransaction, type Actor, type Ctx, type TxCtx } from '../../http/context.js';
import { conflict, invalid, notFound, ruleBroken } from '../../http/errors.js';
import type { Queryable } from '../../db/database.js';
import type {
  PublicStoryAnswer,
  StoryAnswer,
  StoryBody,
  StoryPatch,
} from '../../../shared/schemas/community-stories.js';
import { preparePhoto } from '../../storage/photo-encoding.js';
import { abilities, authorize, can, recordAudit, requireUser, scopeOf } from '../platform/index.js';
import { groupById } from '../registry/index.js';
import { storyPolicy } from './community.policy.js';
import { storiesRepository, type StoryPhotoRow, type StoryRow } from './stories.repository.js';
import { storyTemplateProgram } from './story-templates.service.js';

/** A story may show at most this many photos. */
const PHOTOS_PER_STORY = 10;

const storyTarget = (row: Pick<StoryRow, 'program_id' | 'area_path' | 'group_id'>) => ({
  programId: row.program_id,
  areaPath: row.area_path,
  groupId: row.group_id,
});

const presentPhoto = (p: StoryPhotoRow) => ({
  id: p.id,
  url: `/media/${p.storage_key}`,
  thumbnailUrl: `/media/${p.thumbnail_key}`,
  contentType: p.content_type,
  width: p.width,
  height: p.height,
  byteSize: p.byte_size,
});

/** The stories as anyone may see them once published, with the group's facts computed now. */
async function shown(db: Queryable, rows: StoryRow[]): Promise<PublicStoryAnswer[]> {
  const groupIds = [...new Set(rows.map((r) => r.group_id))];
  const [photos, facts, products] = [
    await storiesRepository.photos(
      db,
      rows.map((r) => r.id),
    ),
    await storiesRepository.facts(db, groupIds),
    await storiesRepository.products(db, groupIds),
  ];
  return rows.map((row) => {
    const f = facts.find((x) => x.group_id === row.group_id);
    return {
      id: row.id,
      programId: row.program_id,
      group: { id: row.group_id, name: row.group_name },
      title: row.title,
      body: row.body,
      publishedAt: row.published_at?.toISOString() ?? null,
      photos: photos.filter((p) => p.story_id === row.id).map(presentPhoto),
      facts: {
        stars: f?.stars ?? null,
        firstExportOn: f?.first_export_on ?? null,
        trainedMembers: f?.trained_members ?? 0,
      },
      products: products.filter((p) => p.group_id === row.group_id).map((p) => ({ id: p.id, name: p.name })),
    };
  });
}

async function present(db: Queryable, actor: Actor, rows: StoryRow[]): Promise<StoryAnswer[]> {
  const stories = await shown(db, rows);
  return rows.map((row, i) => ({
    ...stories[i]!,
    status: row.status,
    reviewComment: row.review_comment,
    templateId: row.template_id,
    version: row.version,
    abilities: abilities(actor, storyPolicy, storyTarget(row)),
  }));
}

export async function showStory(ctx: Ctx, id: string): Promise<StoryAnswer> {
  const row = await storiesRepository.byId(ctx.db, id);
  if (!row) throw notFound('Story');
  authorize(ctx.actor, storyPolicy, 'read', storyTarget(row));
  return (await present(ctx.db, ctx.actor, [row]))[0]!;
}

/** A program's stories the caller may read (drafts of their groups, those to review in their area). */
export async function listStories(ctx: Ctx, programId: string, status: string | undefined) {
  requireUser(ctx.actor);
  const scope = scopeOf(ctx.actor, storyPolicy, 'read', {
    program: 's.program_id',
    path: 's.area_path',
    group: 's.group_id',
  });
  const rows = await storiesRepository.list(ctx.db, programId, status ?? null, scope);
  return { items: await present(ctx.db, ctx.actor, rows) };
}

/** A published story, for anyone (no sign-in); any other is not found. */
export async function publicStory(ctx: Pick<Ctx, 'db'>, id: string): Promise<PublicStoryAnswer> {
  const row = await storiesRepository.byId(ctx.db, id);
  if (!row || row.status !== 'published') throw notFound('Story');
  return (await shown(ctx.db, [row]))[0]!;
}

export async function publicStories(ctx: Pick<Ctx, 'db'>, programId: string) {
  const rows = await storiesRepository.list(ctx.db, programId, 'published', null);
  return { items: await shown(ctx.db, rows) };
}

/** A new draft by the group's manager or a facilitator over it; a group out of reach is "no such group". */
export async function draftStory(ctx: Ctx, input: StoryBody): Promise<StoryAnswer> {
  const id = await inTransaction(ctx, async (tx) => {
    const group = await groupById(tx.db, input.groupId);
    const target = group && { programId: group.program_id, areaPath: group.area_path, groupId: group.id };
    if (!group || !target || !can(tx.actor, storyPolicy, 'read', target))
      throw invalid([{ path: 'groupId', code: 'unknown_reference', message: 'no such group' }]);
    const user = authorize(tx.actor, storyPolicy, 'draft', target);
    // A template it starts from is one of the group's program.
    if (input.templateId && (await storyTemplateProgram(tx.db, tx.actor, input.templateId)) !== group.program_id)
      throw invalid([
        { path: 'templateId', code: 'unknown_reference', message: "no such template in the group's program" },
      ]);
    const storyId = uuidv7();
    await storiesRepository.insert(tx.db, {
      id: storyId,
      program_id: group.program_id,
      group_id: group.id,
      area_path: group.area_path,
      title: input.title,
      body: input.body,
      author_id: user.id,
      template_id: input.templateId ?? null,
    });
    await recordAudit(tx.db, tx, {
      action: 'community.story.draft',
      entity: 'community_story',
      entityId: storyId,
      after: { groupId: group.id, title: input.title },
    });
    return storyId;
  });
  return showStory(ctx, id);
}

function requireStatus(row: StoryRow, status: StoryRow['status']): void {
  if (row.status !== status)
    throw ruleBroken('story-status', `The story is ${row.status}.`, undefined, undefined, { status: row.status });
}

/** Changes a story, under its lock, for one allowed in `action`; each change in the audit log. */
async function changeStory(
  ctx: Ctx,
  id: string,
  action: 'draft' | 'review',
  change: (tx: TxCtx, row: StoryRow, userId: string) => Promise<Partial<StoryRow> & { publishedBy?: string }>,
  audit: string,
): Promise<StoryAnswer> {
  await inTransaction(ctx, async (tx) => {
    const row = await storiesRepository.lockedById(tx.db, id);
    if (!row) throw notFound('Story');
    const user = authorize(tx.actor, storyPolicy, action, storyTarget(row));
    const changed = { ...row, ...(await change(tx, row, user.id)) };
    await storiesRepository.update(tx.db, id, { ...changed, publishedBy: changed.publishedBy ?? null });
    await recordAudit(tx.db, tx, {
      action: `community.story.${audit}`,
      entity: 'community_story',
      entityId: id,
      before: { status: row.status, title: row.title, body: row.body },
      after: { status: changed.status, title: changed.title, body: changed.body, comment: changed.review_comment },
    });
  });
  return showStory(ctx, id);
}

/** Edits a draft; the version it was based on must be the current one. */
export const editStory = (ctx: Ctx, id: string, patch: StoryPatch) =>
  changeStory(
    ctx,
    id,
    'draft',
    async (tx, row) => {
      requireStatus(row, 'draft');
      if (patch.version !== row.version)
        throw conflict('The story changed since it was read.', {
          current: (await present(tx.db, tx.actor, [row]))[0],
        });
      return { title: patch.title ?? row.title, body: patch.body ?? row.body };
    },
    'edit',
  );

/** The draft goes to review. */
export const submitStory = (ctx: Ctx, id: string) =>
  changeStory(
    ctx,
    id,
    'draft',
    async (_tx, row) => {
      requireStatus(row, 'draft');
      return { status: 'submitted' };
    },
    'submit',
  );

/** A community manager or the program's manager publishes a submitted story: it becomes public. */
export const publishStory = (ctx: Ctx, id: string) =>
  changeStory(
    ctx,
    id,
    'review',
    async (tx, row, userId) => {
      requireStatus(row, 'submitted');
      return { status: 'published', published_at: tx.clock.now(), review_comment: null, publishedBy: userId };
    },
    'publish',
  );

/** …or sends it back to its authors as a draft, with a comment. */
export const sendBackStory = (ctx: Ctx, id: string, comment: string) =>
  changeStory(
    ctx,
    id,
    'review',
    async (_tx, row) => {
      requireStatus(row, 'submitted');
      return { status: 'draft', review_comment: comment };
    },
    'send_back',
  );

/** A photo for a draft story, stored as product photos are (re-encoded WebP and a thumbnail, public address). */
export async function addStoryPhoto(ctx: Ctx, id: string, upload: { data: Buffer; mimetype: string }) {
  const before = await storiesRepository.byId(ctx.db, id);
  if (!before) throw notFound('Story');
  authorize(ctx.actor, storyPolicy, 'draft', storyTarget(before));
  const prepared = await preparePhoto(upload, 'stories', id);
  const photo: StoryPhotoRow = { ...prepared.fields, story_id: id };
  await inTransaction(ctx, async (tx) => {
    const row = (await storiesRepository.lockedById(tx.db, id))!;
    requireStatus(row, 'draft');
    if ((await storiesRepository.countPhotos(tx.db, id)) >= PHOTOS_PER_STORY)
      throw ruleBroken(
        'too-many-story-photos',
        `A story may have at most ${PHOTOS_PER_STORY} photos.`,
        undefined,
        undefined,
        {
          maximum: PHOTOS_PER_STORY,
        },
      );
    await prepared.write(tx.files);
    await storiesRepository.insertPhoto(tx.db, photo);
    await recordAudit(tx.db, tx, {
      action: 'community.story.photo_add',
      entity: 'community_story',
      entityId: id,
      after: presentPhoto(photo),
    });
  });
  return showStory(ctx, id);
}
