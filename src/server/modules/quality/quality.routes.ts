import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams } from '../../../shared/common.schemas.js';
import { ctxOf } from '../../http/context.js';
import { sendCreated } from '../../http/create-once.js';
import { noContent } from '../../http/responses.js';
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
import { exportScheme, importScheme } from './scheme-exchange.js';
import { publicScheme } from './public-ratings.js';
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
  r.get(
    '/api/v1/rating-schemes',
    { schema: { querystring: s.listSchemesQuery, response: { 200: s.schemePage }, tags: schemes }, config },
    async (req) => listSchemes(ctxOf(req), req.query),
  );
  r.post(
    '/api/v1/rating-schemes',
    {
      schema: { body: s.createSchemeBody, response: { 200: s.schemeAnswer, 201: s.schemeAnswer }, tags: schemes },
      config,
    },
    async (req, reply) => sendCreated(reply, await createScheme(ctxOf(req), req.body)),
  );
  r.get(
    '/api/v1/rating-schemes/:id',
    { schema: { params: idParams, response: { 200: s.schemeAnswer }, tags: schemes }, config },
    async (req) => getScheme(ctxOf(req), req.params.id),
  );
  r.get(
    '/api/v1/catalog/rating-schemes/:id',
    {
      schema: {
        params: idParams,
        querystring: s.publicSchemeQuery,
        response: { 200: s.publicSchemeAnswer },
        tags: ['catalog'],
      },
      config: { access: 'public' },
    },
    async (req) => publicScheme(ctxOf(req).db, req.params.id, req.query.locale),
  );
  r.patch(
    '/api/v1/rating-schemes/:id',
    {
      schema: {
        params: idParams,
        body: s.patchSchemeBody,
        // 201 when the edit of a version in use became a new version.
        response: { 200: s.schemeAnswer, 201: s.schemeAnswer },
        tags: schemes,
      },
      config,
    },
    async (req, reply) =>
      sendCreated(reply, await patchScheme(ctxOf(req), req.params.id, baseVersion(req, req.body.version), req.body)),
  );
  r.get(
    '/api/v1/rating-schemes/:id/export',
    { schema: { params: idParams, response: { 200: s.schemeDocumentAnswer }, tags: schemes }, config },
    async (req, reply) => {
      const document = await exportScheme(ctxOf(req), req.params.id);
      return reply
        .header('content-disposition', `attachment; filename="rating-scheme-${req.params.id}.json"`)
        .send(document);
    },
  );
  r.post(
    '/api/v1/programs/:id/rating-schemes/import',
    {
      schema: { params: idParams, body: s.schemeDocument, response: { 201: s.schemeImportAnswer }, tags: schemes },
      config,
    },
    async (req, reply) => reply.code(201).send(await importScheme(ctxOf(req), req.params.id, req.body)),
  );
  r.get(
    '/api/v1/programs/:id/assessor-tiers',
    { schema: { params: idParams, response: { 200: s.assessorTiersAnswer }, tags: schemes }, config },
    async (req) => listAssessorTiers(ctxOf(req), req.params.id),
  );
  r.put(
    '/api/v1/programs/:id/assessor-tiers',
    {
      schema: { params: idParams, body: s.setAssessorTierBody, response: { 200: s.assessorTierAnswer }, tags: schemes },
      config,
    },
    async (req) => setAssessorTier(ctxOf(req), req.params.id, req.body),
  );

  // ---- assessments --------------------------------------------------------------------------
  const assessments = ['assessments'];
  r.get(
    '/api/v1/assessments',
    {
      schema: { querystring: s.listAssessmentsQuery, response: { 200: s.assessmentPage }, tags: assessments },
      config,
    },
    async (req) => listAssessments(ctxOf(req), req.query),
  );
  r.post(
    '/api/v1/assessments',
    {
      schema: {
        body: s.createAssessmentBody,
        response: { 200: s.assessmentAnswer, 201: s.assessmentAnswer },
        tags: assessments,
      },
      config,
    },
    async (req, reply) => sendCreated(reply, await createAssessment(ctxOf(req), req.body)),
  );
  r.get(
    '/api/v1/assessments/:id',
    { schema: { params: idParams, response: { 200: s.assessmentAnswer }, tags: assessments }, config },
    async (req) => getAssessment(ctxOf(req), req.params.id),
  );
  r.put(
    '/api/v1/assessments/:id/self-assessment',
    {
      schema: { params: idParams, body: s.scoresBody, response: { 200: s.assessmentAnswer }, tags: assessments },
      config,
    },
    async (req) => recordSelfAssessment(ctxOf(req), req.params.id, req.body),
  );
  r.put(
    '/api/v1/assessments/:id/panel-scores',
    {
      schema: { params: idParams, body: s.scoresBody, response: { 200: s.assessmentAnswer }, tags: assessments },
      config,
    },
    async (req) => recordPanelScores(ctxOf(req), req.params.id, req.body),
  );
  r.post(
    '/api/v1/assessments/:id/evidence',
    {
      schema: {
        params: idParams,
        querystring: z.object({ criterion: z.string().max(40).optional() }),
        consumes: ['multipart/form-data'],
        response: { 201: s.evidenceAnswer },
        tags: assessments,
      },
      config,
    },
    async (req, reply) => {
      const data = await upload(req, 'file');
      const evidence = await addEvidence(ctxOf(req), req.params.id, { data, criterion: req.query.criterion ?? null });
      return reply.code(201).send(evidence);
    },
  );
  r.post(
    '/api/v1/assessments/:id/finalise',
    {
      schema: {
        params: idParams,
        body: s.finaliseBody.optional(),
        response: { 200: s.assessmentAnswer },
        tags: assessments,
      },
      config,
    },
    async (req) => finaliseAssessment(ctxOf(req), req.params.id, req.body?.version),
  );
  r.post(
    '/api/v1/assessments/:id/appeals',
    {
      schema: { params: idParams, body: s.appealBody, response: { 201: s.assessmentAnswer }, tags: assessments },
      config,
    },
    async (req, reply) => reply.code(201).send(await fileAppeal(ctxOf(req), req.params.id, req.body.reason)),
  );
  r.post(
    '/api/v1/assessments/:id/appeals/:appealId/decision',
    {
      schema: {
        params: s.appealParams,
        body: s.decideAppealBody,
        response: { 200: s.assessmentAnswer },
        tags: assessments,
      },
      config,
    },
    async (req) => decideAppeal(ctxOf(req), req.params.id, req.params.appealId, req.body),
  );

  // ---- certifications and export readiness ----------------------------------------------------
  const certifications = ['certifications'];
  r.get(
    '/api/v1/certifications',
    {
      schema: { querystring: s.listCertificationsQuery, response: { 200: s.certificationPage }, tags: certifications },
      config,
    },
    async (req) => listCertifications(ctxOf(req), req.query),
  );
  r.post(
    '/api/v1/certifications',
    {
      schema: {
        body: s.createCertificationBody,
        response: { 200: s.certificationAnswer, 201: s.certificationAnswer },
        tags: certifications,
      },
      config,
    },
    async (req, reply) => sendCreated(reply, await createCertification(ctxOf(req), req.body)),
  );
  r.get(
    '/api/v1/certifications/:id',
    { schema: { params: idParams, response: { 200: s.certificationAnswer }, tags: certifications }, config },
    async (req) => getCertification(ctxOf(req), req.params.id),
  );
  r.patch(
    '/api/v1/certifications/:id',
    {
      schema: {
        params: idParams,
        body: s.patchCertificationBody,
        response: { 200: s.certificationAnswer },
        tags: certifications,
      },
      config,
    },
    async (req) => patchCertification(ctxOf(req), req.params.id, baseVersion(req, req.body.version), req.body),
  );
  r.delete(
    '/api/v1/certifications/:id',
    { schema: { params: idParams, response: { 204: noContent }, tags: certifications }, config },
    async (req, reply) => {
      await deleteCertification(ctxOf(req), req.params.id);
      return reply.code(204).send(null);
    },
  );
  r.put(
    '/api/v1/certifications/:id/document',
    {
      schema: {
        params: idParams,
        consumes: ['multipart/form-data'],
        response: { 200: s.certificationAnswer },
        tags: certifications,
      },
      config,
    },
    async (req) => attachCertificationDocument(ctxOf(req), req.params.id, await upload(req, 'document')),
  );
  r.get(
    '/api/v1/products/:id/export-readiness',
    { schema: { params: idParams, response: { 200: s.exportReadinessAnswer }, tags: certifications }, config },
    async (req) => getExportReadiness(ctxOf(req), req.params.id),
  );
}
