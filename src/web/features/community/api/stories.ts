import type {
  PublicStoryAnswer,
  StoryAnswer,
  StoryBody,
  StoryPatch,
  StoryTemplateAnswer,
  StoryTemplateDefinition,
  StoryTemplateList,
} from '../../../../shared/schemas/community-stories';
import { formQuiet } from '../../../components/form';
import { api, withQuery } from '../../../lib/http';

/** A published story, for anyone. */
export const getPublicStory = (id: string, signal?: AbortSignal) =>
  api<PublicStoryAnswer>(`/api/v1/stories/${id}`, { signal, quiet: (e) => e.status === 404 });

/** The stories the caller may read in a program: their groups' drafts, those to review in their area. */
export const listStories = (programId: string, status: string | null, signal?: AbortSignal) =>
  api<{ items: StoryAnswer[] }>(withQuery(`/api/v1/community/${programId}/stories`, { status }), { signal });

export const getStory = (id: string, signal?: AbortSignal) =>
  api<StoryAnswer>(`/api/v1/community/stories/${id}`, { signal });

export const draftStory = (body: StoryBody) =>
  api<StoryAnswer>('/api/v1/community/stories', { method: 'POST', body, quiet: formQuiet });

export const editStory = (id: string, body: StoryPatch) =>
  api<StoryAnswer>(`/api/v1/community/stories/${id}`, { method: 'PATCH', body, quiet: formQuiet });

/** Submit, publish, or send back with a comment. */
export const moveStory = (id: string, step: 'submit' | 'publish' | 'send-back', comment?: string) =>
  api<StoryAnswer>(`/api/v1/community/stories/${id}/${step}`, {
    method: 'POST',
    ...(comment === undefined ? {} : { body: { comment }, quiet: formQuiet }),
  });

export const uploadStoryPhoto = (id: string, file: File) => {
  const body = new FormData();
  body.append('photo', file);
  return api<StoryAnswer>(`/api/v1/community/stories/${id}/photos`, { method: 'POST', body });
};

/** A program's published stories, for anyone. */
export const listPublicStories = (programId: string, signal?: AbortSignal) =>
  api<{ items: PublicStoryAnswer[] }>(`/api/v1/community/${programId}/public-stories`, { signal });

/** A program's story templates in use (the sections a story tells), and whether the caller keeps them. */
export const listStoryTemplates = (programId: string, signal?: AbortSignal) =>
  api<StoryTemplateList>(`/api/v1/programs/${programId}/story-templates`, { signal });

export const createStoryTemplate = (programId: string, definition: StoryTemplateDefinition) =>
  api<StoryTemplateAnswer>(`/api/v1/programs/${programId}/story-templates`, {
    method: 'POST',
    body: { definition },
    quiet: formQuiet,
  });

/** A template file (from another program or installation) taken in as a new template. */
export const importStoryTemplate = (programId: string, file: unknown) =>
  api<{ template: StoryTemplateAnswer; missingLocales: { path: string; locales: string[] }[] }>(
    `/api/v1/programs/${programId}/story-templates/import`,
    { method: 'POST', body: file, quiet: formQuiet },
  );

/** Where the browser downloads a template as a file. */
export const storyTemplateFileUrl = (id: string) => `/api/v1/story-templates/${id}/export`;
