import type { Queryable } from '../../db/database.js';
import type { StoryTemplateDefinition } from '../../../shared/schemas/community-stories.js';

export interface StoryTemplateRow {
  id: string;
  program_id: string;
  definition: StoryTemplateDefinition;
  archived_at: Date | null;
  version: number;
  created_at: Date;
}

const SELECT = 'SELECT id, program_id, definition, archived_at, version, created_at FROM community_story_templates';

export const storyTemplatesRepository = {
  async byId(db: Queryable, id: string): Promise<StoryTemplateRow | undefined> {
    return (await db.query<StoryTemplateRow>(`${SELECT} WHERE id = $1`, [id]))[0];
  },

  async lockedById(db: Queryable, id: string): Promise<StoryTemplateRow | undefined> {
    return (await db.query<StoryTemplateRow>(`${SELECT} WHERE id = $1 FOR UPDATE`, [id]))[0];
  },

  async list(db: Queryable, programId: string, archived: boolean): Promise<StoryTemplateRow[]> {
    return db.query<StoryTemplateRow>(
      `${SELECT} WHERE program_id = $1 AND (archived_at IS NOT NULL) = $2 ORDER BY created_at, id`,
      [programId, archived],
    );
  },

  async insert(
    db: Queryable,
    v: { id: string; programId: string; definition: StoryTemplateDefinition },
  ): Promise<void> {
    await db.query(`INSERT INTO community_story_templates (id, program_id, definition) VALUES ($1, $2, $3)`, [
      v.id,
      v.programId,
      JSON.stringify(v.definition),
    ]);
  },

  async update(
    db: Queryable,
    id: string,
    v: { definition: StoryTemplateDefinition; archived: boolean },
  ): Promise<void> {
    await db.query(
      `UPDATE community_story_templates
       SET definition = $2, archived_at = CASE WHEN $3 THEN COALESCE(archived_at, now()) END, version = version + 1
       WHERE id = $1`,
      [id, JSON.stringify(v.definition), v.archived],
    );
  },
};
