import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams } from '../../../shared/common.schemas.js';
import { ctxOf } from '../../http/context.js';
import { uploadedFile } from '../../http/uploads.js';
import { baseVersion } from '../../http/versioning.js';
import { decideAppeal, fileAppeal } from './appeals.service.js';
import {
  createAssessment,
  finaliseAssessment,
  getAssessment,
  listAssessments,
  recordPanelScores,
  recordSelfAssessment,
} from './assessments.service.js';
import { ATTACHMENT_MAX_BYTES } from './attachments.js';
import { addEvidence } from './evidence.service.js';
import {
  attachCertificationDocument,
  createCertification,
  deleteCertification,
  getCertification,
  listCertifications,
  patchCertification,
} from './certifications.service.js';
import * as s from './quality.schemas.js';
import { getExportReadiness } from './readiness.service.js';
import {
  createScheme,
  getScheme,
  listAssessorTiers,
  listSchemes,
  patchScheme,
  setAssessorTier,
} from './schemes.service.js';

/** The one uploaded file of a multipart request (evidence, a certificate's document). */
const upload = async (req: FastifyRequest, field: string) =>
  (await uploadedFile(req, field, ATTACHMENT_MAX_BYTES)).data;

/** Quality routes: validate → service (which authorizes) → present. 201 for a new record, 200 for a replay. */
export async function qualityRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const config = { access: 'user' } as const;

  // ---- rating schemes -----------------------------------------------------------------------
  const schemes = ['rating schemes'];
  r.get('/api/v1/rating-schemes', { schema: { querystring: s.listSchemesQuery, tags: schemes }, config }, async (req) =>
    listSchemes(ctxOf(req), req.query),
  );
  r.post(
    '/api/v1/rating-schemes',
    { schema: { body: s.createSchemeBody, tags: schemes }, config },
    async (req, reply) => {
      const { scheme, created } = await createScheme(ctxOf(req), req.body);
      return reply.code(created ? 201 : 200).send(scheme);
    },
  );
  r.get('/api/v1/rating-schemes/:id', { schema: { params: idParams, tags: schemes }, config }, async (req) =>
    getScheme(ctxOf(req), req.params.id),
  );
  r.patch(
    '/api/v1/rating-schemes/:id',
    { schema: { params: idParams, body: s.patchSchemeBody, tags: schemes }, config },
    async (req, reply) => {
      const { scheme, created } = await patchScheme(
        ctxOf(req),
        req.params.id,
        baseVersion(req, req.body.version),
        req.body,
      );
      return reply.code(created ? 201 : 200).send(scheme);
    },
  );
  r.get('/api/v1/programs/:id/assessor-tiers', { schema: { params: idParams, tags: schemes }, config }, async (req) =>
    listAssessorTiers(ctxOf(req), req.params.id),
  );
  r.put(
    '/api/v1/programs/:id/assessor-tiers',
    { schema: { params: idParams, body: s.setAssessorTierBody, tags: schemes }, config },
    async (req) => setAssessorTier(ctxOf(req), req.params.id, req.body),
  );

  // ---- assessments --------------------------------------------------------------------------
  const assessments = ['assessments'];
  r.get(
    '/api/v1/assessments',
    { schema: { querystring: s.listAssessmentsQuery, tags: assessments }, config },
    async (req) => listAssessments(ctxOf(req), req.query),
  );
  r.post(
    '/api/v1/assessments',
    { schema: { body: s.createAssessmentBody, tags: assessments }, config },
    async (req, reply) => {
      const { assessment, created } = await createAssessment(ctxOf(req), req.body);
      return reply.code(created ? 201 : 200).send(assessment);
    },
  );
  r.get('/api/v1/assessments/:id', { schema: { params: idParams, tags: assessments }, config }, async (req) =>
    getAssessment(ctxOf(req), req.params.id),
  );
  r.put(
    '/api/v1/assessments/:id/self-assessment',
    { schema: { params: idParams, body: s.scoresBody, tags: assessments }, config },
    async (req) => recordSelfAssessment(ctxOf(req), req.params.id, req.body),
  );
  r.put(
    '/api/v1/assessments/:id/panel-scores',
    { schema: { params: idParams, body: s.scoresBody, tags: assessments }, config },
    async (req) => recordPanelScores(ctxOf(req), req.params.id, req.body),
  );
  r.post(
    '/api/v1/assessments/:id/evidence',
    {
      schema: {
        params: idParams,
        querystring: z.object({ criterion: z.string().max(40).optional() }),
        consumes: ['multipart/form-data'],
        tags: assessments,
      },
      config,
    },
    async (req, reply) => {
      const data = await upload(req, 'file');
      const evidence = await addEvidence(ctxOf(req), req.server.files, req.params.id, {
        data,
        criterion: req.query.criterion ?? null,
      });
      return reply.code(201).send(evidence);
    },
  );
  r.post(
    '/api/v1/assessments/:id/finalise',
    { schema: { params: idParams, body: s.finaliseBody.optional(), tags: assessments }, config },
    async (req) => finaliseAssessment(ctxOf(req), req.params.id, req.body?.version),
  );
  r.post(
    '/api/v1/assessments/:id/appeals',
    { schema: { params: idParams, body: s.appealBody, tags: assessments }, config },
    async (req, reply) => reply.code(201).send(await fileAppeal(ctxOf(req), req.params.id, req.body.reason)),
  );
  r.post(
    '/api/v1/assessments/:id/appeals/:appealId/decision',
    { schema: { params: s.appealParams, body: s.decideAppealBody, tags: assessments }, config },
    async (req) => decideAppeal(ctxOf(req), req.params.id, req.params.appealId, req.body),
  );

  // ---- certifications and export readiness ----------------------------------------------------
  const certifications = ['certifications'];
  r.get(
    '/api/v1/certifications',
    { schema: { querystring: s.listCertificationsQuery, tags: certifications }, config },
    async (req) => listCertifications(ctxOf(req), req.query),
  );
  r.post(
    '/api/v1/certifications',
    { schema: { body: s.createCertificationBody, tags: certifications }, config },
    async (req, reply) => {
      const { certification, created } = await createCertification(ctxOf(req), req.body);
      return reply.code(created ? 201 : 200).send(certification);
    },
  );
  r.get('/api/v1/certifications/:id', { schema: { params: idParams, tags: certifications }, config }, async (req) =>
    getCertification(ctxOf(req), req.params.id),
  );
  r.patch(
    '/api/v1/certifications/:id',
    { schema: { params: idParams, body: s.patchCertificationBody, tags: certifications }, config },
    async (req) => patchCertification(ctxOf(req), req.params.id, baseVersion(req, req.body.version), req.body),
  );
  r.delete(
    '/api/v1/certifications/:id',
    { schema: { params: idParams, tags: certifications }, config },
    async (req, reply) => {
      await deleteCertification(ctxOf(req), req.server.files, req.params.id);
      return reply.code(204).send();
    },
  );
  r.put(
    '/api/v1/certifications/:id/document',
    { schema: { params: idParams, consumes: ['multipart/form-data'], tags: certifications }, config },
    async (req) =>
      attachCertificationDocument(ctxOf(req), req.server.files, req.params.id, await upload(req, 'document')),
  );
  r.get(
    '/api/v1/products/:id/export-readiness',
    { schema: { params: idParams, tags: certifications }, config },
    async (req) => getExportReadiness(ctxOf(req), req.params.id),
  );
}
