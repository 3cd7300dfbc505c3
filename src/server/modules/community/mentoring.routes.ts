import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParams } from '../../../shared/common.schemas.js';
import * as m from '../../../shared/schemas/community-mentoring.js';
import { ctxOf } from '../../http/context.js';
import {
  addFollowUp,
  addSession,
  decideMentorship,
  giveFeedback,
  listMentors,
  listMentorships,
  myMentorProfile,
  requestMentoring,
  setFollowUpDone,
  showMentorship,
  writeMentorProfile,
} from './mentoring.service.js';

/** Mentoring: members and community staff only (no route here is public, decision 019). */
export function mentoringRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const config = { access: 'user' } as const;
  const tags = ['community'];
  const one = { 200: m.mentorshipAnswer };

  r.get(
    '/api/v1/community/:programId/mentors',
    {
      schema: { params: m.mentoringParams, querystring: m.mentorsQuery, response: { 200: m.mentorList }, tags },
      config,
    },
    async (req) => listMentors(ctxOf(req), req.params.programId, req.query),
  );
  r.get(
    '/api/v1/community/:programId/mentors/me',
    { schema: { params: m.mentoringParams, response: { 200: m.myMentorAnswer }, tags }, config },
    async (req) => myMentorProfile(ctxOf(req), req.params.programId),
  );
  r.put(
    '/api/v1/community/:programId/mentors/me',
    {
      schema: { params: m.mentoringParams, body: m.mentorProfileBody, response: { 200: m.mentorAnswer }, tags },
      config,
    },
    async (req) => writeMentorProfile(ctxOf(req), req.params.programId, req.body),
  );
  r.post(
    '/api/v1/community/mentors/:id/requests',
    {
      schema: { params: idParams, body: m.mentorshipRequestBody, response: { 201: m.mentorshipAnswer }, tags },
      config,
    },
    async (req, reply) => reply.code(201).send(await requestMentoring(ctxOf(req), req.params.id, req.body)),
  );
  r.get(
    '/api/v1/community/:programId/mentorships',
    { schema: { params: m.mentoringParams, response: { 200: m.mentorshipList }, tags }, config },
    async (req) => listMentorships(ctxOf(req), req.params.programId),
  );
  r.get(
    '/api/v1/community/mentorships/:id',
    { schema: { params: idParams, response: one, tags }, config },
    async (req) => showMentorship(ctxOf(req), req.params.id),
  );
  r.post(
    '/api/v1/community/mentorships/:id/accept',
    { schema: { params: idParams, response: one, tags }, config },
    async (req) => decideMentorship(ctxOf(req), req.params.id, 'accept', null),
  );
  r.post(
    '/api/v1/community/mentorships/:id/decline',
    { schema: { params: idParams, body: m.declineBody, response: one, tags }, config },
    async (req) => decideMentorship(ctxOf(req), req.params.id, 'decline', req.body.reason),
  );
  r.post(
    '/api/v1/community/mentorships/:id/sessions',
    { schema: { params: idParams, body: m.sessionBody, response: { 201: m.mentorshipAnswer }, tags }, config },
    async (req, reply) => reply.code(201).send(await addSession(ctxOf(req), req.params.id, req.body)),
  );
  r.post(
    '/api/v1/community/mentoring-sessions/:id/follow-ups',
    { schema: { params: idParams, body: m.followUpBody, response: { 201: m.mentorshipAnswer }, tags }, config },
    async (req, reply) => reply.code(201).send(await addFollowUp(ctxOf(req), req.params.id, req.body.text)),
  );
  r.patch(
    '/api/v1/community/mentoring-sessions/:id/follow-ups/:followUpId',
    { schema: { params: m.followUpParams, body: m.followUpPatch, response: one, tags }, config },
    async (req) => setFollowUpDone(ctxOf(req), req.params.id, req.params.followUpId, req.body.done),
  );
  r.post(
    '/api/v1/community/mentoring-sessions/:id/feedback',
    { schema: { params: idParams, body: m.feedbackBody, response: one, tags }, config },
    async (req) => giveFeedback(ctxOf(req), req.params.id, req.body),
  );
}
