import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams } from '../../../shared/common.schemas.js';
import { ctxOf } from '../../http/context.js';
import { sendCreated } from '../../http/create-once.js';
import { fileAnswer } from '../../http/responses.js';
import { uploadedFile } from '../../http/uploads.js';
import { baseVersion } from '../../http/versioning.js';
import { getAttendance, recordAttendance } from './attendance.service.js';
import { certificatePdf } from './certificate-pdf.js';
import {
  getCertificateSettings,
  setCertificateSettings,
  setSignature,
  SIGNATURE_LIMITS,
  signatureImage,
} from './certificate-settings.service.js';
import {
  getCertificate,
  revokeCertificate,
  verifyCertificate,
  verifyCertificateNumber,
} from './certificates.service.js';
import {
  addMaterial,
  createCourse,
  getCourse,
  listCourses,
  MATERIAL_MAX_BYTES,
  patchCourse,
} from './courses.service.js';
import { cancelEnrolment, enrol, listEnrolments } from './enrolments.service.js';
import { groupTraining, memberTraining, trainingSummary } from './learning-record.service.js';
import { cancelSession, createSession, getSession, listSessions } from './sessions.service.js';
import { getSessionTest, recordTestAttempt } from './test-attempts.service.js';
import { exportCourse, importCourse } from './course-exchange.js';
import * as s from './training.schemas.js';

/** The address the caller reached us at: what a QR code printed for them must open. */
const originOf = (req: FastifyRequest) => `${req.protocol}://${req.host}`;

/** Training routes: validate → service (which authorizes) → present. 201 for a new record, 200 for a replay. */
export async function trainingRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const config = { access: 'user' } as const;

  // ---- courses ----------------------------------------------------------------------------------
  const courses = ['courses'];
  r.get(
    '/api/v1/courses',
    { schema: { querystring: s.listCoursesQuery, response: { 200: s.coursePage }, tags: courses }, config },
    async (req) => listCourses(ctxOf(req), req.query),
  );
  r.post(
    '/api/v1/courses',
    {
      schema: { body: s.createCourseBody, response: { 201: s.courseAnswer, 200: s.courseAnswer }, tags: courses },
      config,
    },
    async (req, reply) => sendCreated(reply, await createCourse(ctxOf(req), req.body)),
  );
  r.get(
    '/api/v1/courses/:id',
    { schema: { params: idParams, response: { 200: s.courseAnswer }, tags: courses }, config },
    async (req) => getCourse(ctxOf(req), req.params.id),
  );
  r.get(
    '/api/v1/courses/:id/export',
    { schema: { params: idParams, response: { 200: s.courseDocumentAnswer }, tags: courses }, config },
    async (req, reply) => {
      const document = await exportCourse(ctxOf(req), req.params.id);
      return reply.header('content-disposition', `attachment; filename="course-${req.params.id}.json"`).send(document);
    },
  );
  r.post(
    '/api/v1/programs/:id/courses/import',
    {
      schema: { params: idParams, body: s.courseDocument, response: { 201: s.courseImportAnswer }, tags: courses },
      config,
    },
    async (req, reply) => reply.code(201).send(await importCourse(ctxOf(req), req.params.id, req.body)),
  );
  r.patch(
    '/api/v1/courses/:id',
    { schema: { params: idParams, body: s.patchCourseBody, response: { 200: s.courseAnswer }, tags: courses }, config },
    async (req) => patchCourse(ctxOf(req), req.params.id, baseVersion(req, req.body.version), req.body),
  );
  r.post(
    '/api/v1/courses/:id/materials',
    {
      schema: {
        params: idParams,
        querystring: z.object({ title: z.string().trim().min(1).max(200).optional() }),
        consumes: ['multipart/form-data'],
        response: { 201: s.courseAnswer },
        tags: courses,
      },
      config,
    },
    async (req, reply) => {
      const { data, filename } = await uploadedFile(req, 'file', MATERIAL_MAX_BYTES);
      const title = req.query.title ?? filename.slice(0, 200);
      return reply.code(201).send(await addMaterial(ctxOf(req), req.params.id, { data, title }));
    },
  );

  // ---- sessions and enrolment -------------------------------------------------------------------
  const sessions = ['training sessions'];
  r.get(
    '/api/v1/sessions',
    { schema: { querystring: s.listSessionsQuery, response: { 200: s.sessionPage }, tags: sessions }, config },
    async (req) => listSessions(ctxOf(req), req.query),
  );
  r.post(
    '/api/v1/sessions',
    {
      schema: { body: s.createSessionBody, response: { 201: s.sessionAnswer, 200: s.sessionAnswer }, tags: sessions },
      config,
    },
    async (req, reply) => sendCreated(reply, await createSession(ctxOf(req), req.body)),
  );
  r.get(
    '/api/v1/sessions/:id',
    { schema: { params: idParams, response: { 200: s.sessionDetailAnswer }, tags: sessions }, config },
    async (req) => getSession(ctxOf(req), req.params.id),
  );
  r.post(
    '/api/v1/sessions/:id/cancel',
    { schema: { params: idParams, response: { 200: s.sessionAnswer }, tags: sessions }, config },
    async (req) => cancelSession(ctxOf(req), req.params.id),
  );
  r.get(
    '/api/v1/sessions/:id/enrolments',
    { schema: { params: idParams, response: { 200: s.enrolmentList }, tags: sessions }, config },
    async (req) => listEnrolments(ctxOf(req), req.params.id),
  );
  r.post(
    '/api/v1/sessions/:id/enrolments',
    {
      schema: {
        params: idParams,
        body: s.enrolBody,
        response: { 201: s.enrolmentAnswer, 200: s.enrolmentAnswer },
        tags: sessions,
      },
      config,
    },
    async (req, reply) => sendCreated(reply, await enrol(ctxOf(req), req.params.id, req.body)),
  );
  r.post(
    '/api/v1/sessions/:id/enrolments/:enrolmentId/cancel',
    { schema: { params: s.enrolmentParams, response: { 200: s.cancelledEnrolmentAnswer }, tags: sessions }, config },
    async (req) => cancelEnrolment(ctxOf(req), req.params.id, req.params.enrolmentId),
  );

  // ---- attendance and tests ---------------------------------------------------------------------
  r.get(
    '/api/v1/sessions/:id/attendance/:date',
    { schema: { params: s.attendanceParams, response: { 200: s.attendanceSheetAnswer }, tags: sessions }, config },
    async (req) => getAttendance(ctxOf(req), req.params.id, req.params.date),
  );
  r.put(
    '/api/v1/sessions/:id/attendance/:date',
    {
      schema: {
        params: s.attendanceParams,
        body: s.attendanceBody,
        response: { 200: s.attendanceSheetAnswer },
        tags: sessions,
      },
      config,
    },
    async (req) => recordAttendance(ctxOf(req), req.params.id, req.params.date, req.body),
  );
  r.get(
    '/api/v1/sessions/:id/tests/:kind',
    { schema: { params: s.sessionTestParams, response: { 200: s.sessionTestAnswer }, tags: sessions }, config },
    async (req) => getSessionTest(ctxOf(req), req.params.id, req.params.kind),
  );
  r.post(
    '/api/v1/sessions/:id/enrolments/:enrolmentId/tests/:kind',
    {
      schema: {
        params: s.testParams,
        body: s.testAttemptBody,
        response: { 201: s.testAttemptAnswer, 200: s.testAttemptAnswer },
        tags: sessions,
      },
      config,
    },
    async (req, reply) => {
      const { id, enrolmentId, kind } = req.params;
      return sendCreated(reply, await recordTestAttempt(ctxOf(req), id, enrolmentId, kind, req.body));
    },
  );

  // ---- certificates and learning records --------------------------------------------------------
  const certificates = ['training certificates'];
  r.get(
    '/api/v1/certificates/:id',
    { schema: { params: idParams, response: { 200: s.certificateAnswer }, tags: certificates }, config },
    async (req) => getCertificate(ctxOf(req), req.params.id),
  );
  r.get(
    '/api/v1/certificates/:id.pdf',
    {
      schema: {
        params: s.certificatePdfParams,
        response: { 200: fileAnswer('application/pdf') },
        tags: certificates,
      },
      config,
    },
    async (req, reply) => {
      const { pdf, name } = await certificatePdf(ctxOf(req), req.params.id, originOf(req));
      return reply.type('application/pdf').header('content-disposition', `inline; filename="${name}"`).send(pdf);
    },
  );
  r.get(
    '/api/v1/certificates/:id/verification',
    {
      schema: { params: idParams, response: { 200: s.verificationAnswer }, tags: certificates },
      config: { access: 'public' },
    },
    async (req) => verifyCertificate(ctxOf(req), req.params.id),
  );
  r.get(
    '/api/v1/certificate-verification',
    {
      schema: { querystring: s.verificationByNumberQuery, response: { 200: s.verificationAnswer }, tags: certificates },
      config: { access: 'public' },
    },
    async (req) => verifyCertificateNumber(ctxOf(req), req.query.number),
  );
  r.get(
    '/api/v1/programs/:id/certificate-settings',
    { schema: { params: idParams, response: { 200: s.certificateSettingsAnswer }, tags: certificates }, config },
    async (req) => getCertificateSettings(ctxOf(req), req.params.id),
  );
  r.put(
    '/api/v1/programs/:id/certificate-settings',
    {
      schema: {
        params: idParams,
        body: s.certificateSettingsBody,
        response: { 200: s.certificateSettingsAnswer },
        tags: certificates,
      },
      config,
    },
    async (req) => setCertificateSettings(ctxOf(req), req.params.id, req.body),
  );
  r.put(
    '/api/v1/programs/:id/certificate-settings/signature',
    {
      schema: {
        params: idParams,
        consumes: ['multipart/form-data'],
        response: { 200: s.certificateSettingsAnswer },
        tags: certificates,
      },
      config,
    },
    async (req) =>
      setSignature(ctxOf(req), req.params.id, await uploadedFile(req, 'signature', SIGNATURE_LIMITS.maxBytes)),
  );
  r.get(
    '/api/v1/programs/:id/certificate-settings/signature.png',
    { schema: { params: idParams, response: { 200: fileAnswer('image/png') }, tags: certificates }, config },
    async (req, reply) =>
      reply
        .type('image/png')
        .header('cache-control', 'private, no-store')
        .send(await signatureImage(ctxOf(req), req.params.id)),
  );
  r.post(
    '/api/v1/certificates/:id/revoke',
    { schema: { params: idParams, response: { 200: s.certificateAnswer }, tags: certificates }, config },
    async (req) => revokeCertificate(ctxOf(req), req.params.id),
  );
  r.get(
    '/api/v1/members/:id/training',
    { schema: { params: idParams, response: { 200: s.memberTrainingAnswer }, tags: certificates }, config },
    async (req) => memberTraining(ctxOf(req), req.params.id),
  );
  r.get(
    '/api/v1/groups/:id/training',
    { schema: { params: idParams, response: { 200: s.groupTrainingAnswer }, tags: certificates }, config },
    async (req) => groupTraining(ctxOf(req), req.params.id),
  );
  r.get(
    '/api/v1/programs/:id/training-summary',
    {
      schema: {
        params: idParams,
        querystring: s.trainingSummaryQuery,
        response: { 200: s.trainingSummaryAnswer },
        tags: certificates,
      },
      config,
    },
    async (req) => trainingSummary(ctxOf(req), req.params.id, req.query),
  );
}
