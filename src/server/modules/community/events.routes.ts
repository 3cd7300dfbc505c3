import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParams } from '../../../shared/common.schemas.js';
import * as ev from '../../../shared/schemas/community-events.js';
import { spaceParams } from '../../../shared/schemas/community-spaces.js';
import { ctxOf } from '../../http/context.js';
import { fileAnswer } from '../../http/responses.js';
import { announce, listAnnouncements, markAnnouncementRead, showAnnouncement } from './announcements.service.js';
import { feedStatus, myFeed, publicEventFile, renewFeed, revokeFeed, spaceFeed } from './calendar.service.js';
import { answerEvent, cancelEvent, createEvent, editEvent, listEvents, showEvent } from './events.service.js';
import { listPublicEvents, showPublicEvent } from './public-events.service.js';
import { checkIn, listAttendees, myTicket } from './tickets.service.js';

const originOf = (req: FastifyRequest) => `${req.protocol}://${req.host}`;
const ICS = 'text/calendar; charset=utf-8';

/** Events, their tickets and calendar feeds, and announcements: validate → service (which authorizes) → present. */
export function eventRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const config = { access: 'user' } as const;
  const tags = ['community'];

  r.get(
    '/api/v1/community/:programId/events',
    {
      schema: { params: spaceParams, querystring: ev.eventsQuery, response: { 200: ev.eventList }, tags },
      config,
    },
    async (req) => listEvents(ctxOf(req), req.params.programId, req.query),
  );
  r.post(
    '/api/v1/community/:programId/events',
    { schema: { params: spaceParams, body: ev.eventBody, response: { 201: ev.eventAnswer }, tags }, config },
    async (req, reply) => reply.code(201).send(await createEvent(ctxOf(req), req.params.programId, req.body)),
  );
  r.get(
    '/api/v1/community/:programId/public-events',
    { schema: { params: spaceParams, response: { 200: ev.publicEventList }, tags }, config: { access: 'public' } },
    async (req) => listPublicEvents(ctxOf(req), req.params.programId),
  );
  r.get(
    '/api/v1/community/public-events/:id',
    { schema: { params: idParams, response: { 200: ev.publicEventAnswer }, tags }, config: { access: 'public' } },
    async (req) => showPublicEvent(ctxOf(req), req.params.id),
  );
  r.get(
    '/api/v1/community/public-events/:id/calendar',
    {
      schema: { params: idParams, response: { 200: fileAnswer('text/calendar') }, tags },
      config: { access: 'public' },
    },
    async (req, reply) => reply.type(ICS).send(await publicEventFile(ctxOf(req), req.params.id, originOf(req))),
  );
  r.get(
    '/api/v1/community/events/:id',
    { schema: { params: idParams, response: { 200: ev.eventAnswer }, tags }, config },
    async (req) => showEvent(ctxOf(req), req.params.id),
  );
  r.patch(
    '/api/v1/community/events/:id',
    { schema: { params: idParams, body: ev.eventChange, response: { 200: ev.eventAnswer }, tags }, config },
    async (req) => editEvent(ctxOf(req), req.params.id, req.body),
  );
  r.post(
    '/api/v1/community/events/:id/cancel',
    { schema: { params: idParams, body: ev.cancelBody, response: { 200: ev.eventAnswer }, tags }, config },
    async (req) => cancelEvent(ctxOf(req), req.params.id, req.body?.reason ?? ''),
  );
  r.put(
    '/api/v1/community/events/:id/rsvp',
    { schema: { params: idParams, body: ev.rsvpBody, response: { 200: ev.rsvpAnswer }, tags }, config },
    async (req) => answerEvent(ctxOf(req), req.params.id, req.body.going),
  );
  r.get(
    '/api/v1/community/events/:id/ticket',
    { schema: { params: idParams, response: { 200: ev.ticketAnswer }, tags }, config },
    async (req) => myTicket(ctxOf(req), req.params.id),
  );
  r.post(
    '/api/v1/community/events/:id/check-in',
    { schema: { params: idParams, body: ev.checkInBody, response: { 200: ev.checkInAnswer }, tags }, config },
    async (req) => checkIn(ctxOf(req), req.params.id, req.body.code),
  );
  r.get(
    '/api/v1/community/events/:id/attendees',
    { schema: { params: idParams, response: { 200: ev.attendeeList }, tags }, config },
    async (req) => listAttendees(ctxOf(req), req.params.id),
  );
  calendarRoutes(app);
  announcementRoutes(app);
}

/** The caller's feed secret, and the feeds a calendar app reads by it (no cookie: the secret is the key). */
function calendarRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const config = { access: 'user' } as const;
  const tags = ['community'];
  const feed = { 200: fileAnswer('text/calendar') };

  r.get(
    '/api/v1/community/calendar-feed',
    { schema: { response: { 200: ev.calendarFeedAnswer }, tags }, config },
    async (req) => feedStatus(ctxOf(req)),
  );
  r.post(
    '/api/v1/community/calendar-feed',
    { schema: { response: { 200: ev.calendarFeedAnswer }, tags }, config },
    async (req) => renewFeed(ctxOf(req), originOf(req)),
  );
  r.delete(
    '/api/v1/community/calendar-feed',
    { schema: { response: { 200: ev.calendarFeedAnswer }, tags }, config },
    async (req) => revokeFeed(ctxOf(req)),
  );
  r.get(
    '/api/v1/community/calendar/:token',
    { schema: { params: ev.calendarParams, response: feed, tags }, config: { access: 'public' } },
    async (req, reply) => reply.type(ICS).send(await myFeed(ctxOf(req), req.params.token, originOf(req))),
  );
  r.get(
    '/api/v1/community/calendar/:token/spaces/:spaceId',
    { schema: { params: ev.spaceCalendarParams, response: feed, tags }, config: { access: 'public' } },
    async (req, reply) =>
      reply.type(ICS).send(await spaceFeed(ctxOf(req), req.params.token, req.params.spaceId, originOf(req))),
  );
}

function announcementRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const config = { access: 'user' } as const;
  const tags = ['community'];

  r.get(
    '/api/v1/community/:programId/announcements',
    { schema: { params: spaceParams, response: { 200: ev.announcementList }, tags }, config },
    async (req) => listAnnouncements(ctxOf(req), req.params.programId),
  );
  r.post(
    '/api/v1/community/:programId/announcements',
    {
      schema: { params: spaceParams, body: ev.announcementBody, response: { 201: ev.announcementAnswer }, tags },
      config,
    },
    async (req, reply) => reply.code(201).send(await announce(ctxOf(req), req.params.programId, req.body)),
  );
  r.get(
    '/api/v1/community/announcements/:id',
    { schema: { params: idParams, response: { 200: ev.announcementAnswer }, tags }, config },
    async (req) => showAnnouncement(ctxOf(req), req.params.id),
  );
  r.post(
    '/api/v1/community/announcements/:id/read',
    { schema: { params: idParams, response: { 200: ev.announcementAnswer }, tags }, config },
    async (req) => markAnnouncementRead(ctxOf(req), req.params.id),
  );
}
