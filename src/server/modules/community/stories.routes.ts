import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParams } from '../../../shared/common.schemas.js';
import * as st from '../../../shared/schemas/community-stories.js';
import { mentoringParams as programParams } from '../../../shared/schemas/community-mentoring.js';
import { ctxOf } from '../../http/context.js';
import { uploadedFile } from '../../http/uploads.js';
import { PHOTO_LIMITS } from '../../storage/photo-encoding.js';
import {
  addStoryPhoto,
  draftStory,
  editStory,
  listStories,
  publicStories,
  publicStory,
  publishStory,
  sendBackStory,
  showStory,
  submitStory,
} from './stories.service.js';
import {
  changeStoryTemplate,
  createStoryTemplate,
  exportStoryTemplate,
  importStoryTemplate,
  listStoryTemplates,
  showStoryTemplate,
} from './story-templates.service.js';

/** Success stories: drafted and reviewed by staff and group managers; published ones are public. */
export function storiesRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const config = { access: 'user' } as const;
  const tags = ['community'];
  const one = { params: idParams, response: { 200: st.storyAnswer }, tags };

  r.get(
    '/api/v1/stories/:id',
    { schema: { params: idParams, response: { 200: st.publicStoryAnswer }, tags }, config: { access: 'public' } },
    async (req) => publicStory(ctxOf(req), req.params.id),
  );
  r.get(
    '/api/v1/community/:programId/public-stories',
    { schema: { params: programParams, response: { 200: st.publicStoryList }, tags }, config: { access: 'public' } },
    async (req) => publicStories(ctxOf(req), req.params.programId),
  );
  r.get(
    '/api/v1/community/:programId/stories',
    { schema: { params: programParams, querystring: st.storiesQuery, response: { 200: st.storyList }, tags }, config },
    async (req) => listStories(ctxOf(req), req.params.programId, req.query.status),
  );
  r.post(
    '/api/v1/community/stories',
    { schema: { body: st.storyBody, response: { 201: st.storyAnswer }, tags }, config },
    async (req, reply) => reply.code(201).send(await draftStory(ctxOf(req), req.body)),
  );
  r.get('/api/v1/community/stories/:id', { schema: one, config }, async (req) => showStory(ctxOf(req), req.params.id));
  r.patch('/api/v1/community/stories/:id', { schema: { ...one, body: st.storyPatch }, config }, async (req) =>
    editStory(ctxOf(req), req.params.id, req.body),
  );
  r.post(
    '/api/v1/community/stories/:id/photos',
    { schema: { ...one, consumes: ['multipart/form-data'], response: { 201: st.storyAnswer } }, config },
    async (req, reply) => {
      const { data, mimetype } = await uploadedFile(req, 'photo', PHOTO_LIMITS.maxBytes);
      return reply.code(201).send(await addStoryPhoto(ctxOf(req), req.params.id, { data, mimetype }));
    },
  );
  r.post('/api/v1/community/stories/:id/submit', { schema: one, config }, async (req) =>
    submitStory(ctxOf(req), req.params.id),
  );
  r.post('/api/v1/community/stories/:id/publish', { schema: one, config }, async (req) =>
    publishStory(ctxOf(req), req.params.id),
  );
  r.post(
    '/api/v1/community/stories/:id/send-back',
    { schema: { ...one, body: st.sendBackBody }, config },
    async (req) => sendBackStory(ctxOf(req), req.params.id, req.body.comment),
  );

  // Story templates: the sections a story tells, kept by the program manager and copied as a file.
  const template = { params: idParams, response: { 200: st.storyTemplateAnswer }, tags };
  r.get(
    '/api/v1/programs/:id/story-templates',
    {
      schema: { params: idParams, querystring: st.storyTemplatesQuery, response: { 200: st.storyTemplateList }, tags },
      config,
    },
    async (req) => listStoryTemplates(ctxOf(req), req.params.id, req.query.archived === 'true'),
  );
  r.post(
    '/api/v1/programs/:id/story-templates',
    {
      schema: { params: idParams, body: st.storyTemplateBody, response: { 201: st.storyTemplateAnswer }, tags },
      config,
    },
    async (req, reply) =>
      reply.code(201).send(await createStoryTemplate(ctxOf(req), req.params.id, req.body.definition)),
  );
  r.get('/api/v1/story-templates/:id', { schema: template, config }, async (req) =>
    showStoryTemplate(ctxOf(req), req.params.id),
  );
  r.patch(
    '/api/v1/story-templates/:id',
    { schema: { ...template, body: st.storyTemplatePatch }, config },
    async (req) => changeStoryTemplate(ctxOf(req), req.params.id, req.body),
  );
  r.post(
    '/api/v1/story-templates/:id/archive',
    { schema: { ...template, body: st.storyTemplateArchive }, config },
    async (req) => changeStoryTemplate(ctxOf(req), req.params.id, { version: req.body.version, archived: true }),
  );
  r.post(
    '/api/v1/story-templates/:id/restore',
    { schema: { ...template, body: st.storyTemplateArchive }, config },
    async (req) => changeStoryTemplate(ctxOf(req), req.params.id, { version: req.body.version, archived: false }),
  );
  r.get(
    '/api/v1/story-templates/:id/export',
    { schema: { params: idParams, response: { 200: st.storyTemplateDocumentAnswer }, tags }, config },
    async (req, reply) =>
      reply
        .header('content-disposition', `attachment; filename="story-template-${req.params.id}.json"`)
        .send(await exportStoryTemplate(ctxOf(req), req.params.id)),
  );
  r.post(
    '/api/v1/programs/:id/story-templates/import',
    {
      schema: {
        params: idParams,
        body: st.storyTemplateDocument,
        response: { 201: st.storyTemplateImportAnswer },
        tags,
      },
      config,
    },
    async (req, reply) => reply.code(201).send(await importStoryTemplate(ctxOf(req), req.params.id, req.body)),
  );
}
