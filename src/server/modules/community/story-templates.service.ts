import { v7 as uuidv7 } from 'uuid';
import type { Queryable } from '../../db/database.js';
import { inTransaction, type Actor, type Ctx } from '../../http/context.js';
import { conflict, notFound } from '../../http/errors.js';
import { textsMissingLocales } from '../../../shared/localized.js';
import {
  STORY_TEMPLATE_DOCUMENT_FORMAT,
  type StoryTemplateAnswer,
  type StoryTemplateDefinition,
  type StoryTemplateDocument,
} from '../../../shared/schemas/community-stories.js';
import { abilities, authorize, can, programTarget, recordAudit, requireUser } from '../platform/index.js';
import { programById } from '../programs/index.js';
import { storyTemplatePolicy } from './community.policy.js';
import { storyTemplatesRepository, type StoryTemplateRow } from './story-templates.repository.js';

/**
 * A program's story templates (issue #19): the sections a success story tells, each a heading and a
 * prompt for the writer. A draft may start from one; the program manager keeps them and copies them
 * to and from other programs and installations as a file (decision 027), like courses and schemes.
 */
const present = (actor: Actor, row: StoryTemplateRow): StoryTemplateAnswer => ({
  id: row.id,
  programId: row.program_id,
  definition: row.definition,
  archived: row.archived_at !== null,
  version: row.version,
  createdAt: row.created_at.toISOString(),
  abilities: abilities(actor, storyTemplatePolicy, programTarget(row.program_id)),
});

/** A template the caller may read; one of a program out of reach is not found. */
async function readable(ctx: Ctx, id: string): Promise<StoryTemplateRow> {
  const row = await storyTemplatesRepository.byId(ctx.db, id);
  if (!row || !can(ctx.actor, storyTemplatePolicy, 'read', programTarget(row.program_id)))
    throw notFound('Story template');
  return row;
}

export async function listStoryTemplates(ctx: Ctx, programId: string, archived: boolean) {
  requireUser(ctx.actor);
  if (!can(ctx.actor, storyTemplatePolicy, 'read', programTarget(programId))) throw notFound('Program');
  const rows = await storyTemplatesRepository.list(ctx.db, programId, archived);
  return {
    items: rows.map((row) => present(ctx.actor, row)),
    abilities: { manage: can(ctx.actor, storyTemplatePolicy, 'manage', programTarget(programId)) },
  };
}

export async function showStoryTemplate(ctx: Ctx, id: string): Promise<StoryTemplateAnswer> {
  return present(ctx.actor, await readable(ctx, id));
}

/** A new template of the program, by its manager; audited. */
export async function createStoryTemplate(
  ctx: Ctx,
  programId: string,
  definition: StoryTemplateDefinition,
): Promise<StoryTemplateAnswer> {
  const id = await inTransaction(ctx, async (tx) => {
    if (!(await programById(tx.db, programId))) throw notFound('Program');
    authorize(tx.actor, storyTemplatePolicy, 'manage', programTarget(programId));
    const templateId = uuidv7();
    await storyTemplatesRepository.insert(tx.db, { id: templateId, programId, definition });
    await recordAudit(tx.db, tx, {
      action: 'community.story_template.create',
      entity: 'community_story_template',
      entityId: templateId,
      after: { programId, definition },
    });
    return templateId;
  });
  return showStoryTemplate(ctx, id);
}

/** Changes a template (its definition, or archived / back in use); the version read must be the current one. */
export async function changeStoryTemplate(
  ctx: Ctx,
  id: string,
  change: { version: number; definition?: StoryTemplateDefinition; archived?: boolean },
): Promise<StoryTemplateAnswer> {
  await inTransaction(ctx, async (tx) => {
    const row = await storyTemplatesRepository.lockedById(tx.db, id);
    if (!row || !can(tx.actor, storyTemplatePolicy, 'read', programTarget(row.program_id)))
      throw notFound('Story template');
    authorize(tx.actor, storyTemplatePolicy, 'manage', programTarget(row.program_id));
    if (change.version !== row.version)
      throw conflict('The story template changed since it was read.', { current: present(tx.actor, row) });
    const after = {
      definition: change.definition ?? row.definition,
      archived: change.archived ?? row.archived_at !== null,
    };
    await storyTemplatesRepository.update(tx.db, id, after);
    await recordAudit(tx.db, tx, {
      action: 'community.story_template.change',
      entity: 'community_story_template',
      entityId: id,
      before: { definition: row.definition, archived: row.archived_at !== null },
      after,
    });
  });
  return showStoryTemplate(ctx, id);
}

/** A template as a file: its definition under a format name and version, never an id (decision 027). */
export async function exportStoryTemplate(ctx: Ctx, id: string): Promise<StoryTemplateDocument> {
  const row = await readable(ctx, id);
  authorize(ctx.actor, storyTemplatePolicy, 'manage', programTarget(row.program_id));
  const program = await programById(ctx.db, row.program_id);
  return {
    format: STORY_TEMPLATE_DOCUMENT_FORMAT,
    formatVersion: 1,
    source: { programCode: program?.code ?? null, exportedAt: ctx.clock.now().toISOString() },
    definition: row.definition,
  };
}

/**
 * Takes a template file into a program as a new template: its texts kept in every language they
 * have, the ones missing a language of the program reported for the manager to complete.
 */
export async function importStoryTemplate(ctx: Ctx, programId: string, document: StoryTemplateDocument) {
  const program = await programById(ctx.db, programId);
  if (!program) throw notFound('Program');
  const template = await createStoryTemplate(ctx, programId, document.definition);
  return { template, missingLocales: textsMissingLocales(document.definition, program.locales) };
}

/** The program a template belongs to, when the caller may read it (a draft starting from it). */
export async function storyTemplateProgram(db: Queryable, actor: Actor, id: string): Promise<string | undefined> {
  const row = await storyTemplatesRepository.byId(db, id);
  return row && can(actor, storyTemplatePolicy, 'read', programTarget(row.program_id)) ? row.program_id : undefined;
}
