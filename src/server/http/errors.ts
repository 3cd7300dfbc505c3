import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import {
  issueCode,
  type ErrorParams,
  type FieldCode,
  type IssueLike,
  type ProblemCode,
} from '../../shared/problem-codes.js';
import { loggableError, pgErrorCode } from '../db/database.js';
import { errorLanguage, errorText } from './error-language.js';

/** A bad field: its path, a stable code and the code's parameters (`problem-codes.ts`), and the server's sentence. */
export interface FieldError {
  path: string;
  code: FieldCode;
  params?: ErrorParams;
  message: string;
}

/** Why, more finely than the problem's kind: the code the web translates and its parameters. */
export interface Reason {
  code: ProblemCode;
  params?: ErrorParams;
}

/** An error a client may see, rendered as application/problem+json (RFC 9457). */
export class Problem extends Error {
  readonly reason: Reason;
  constructor(
    readonly status: number,
    readonly code: ProblemCode,
    readonly title: string,
    readonly detail?: string,
    readonly errors?: FieldError[],
    readonly extra?: Record<string, unknown>,
    reason?: Reason,
  ) {
    super(detail ?? title);
    this.reason = reason ?? { code };
  }
}

export const invalid = (errors: FieldError[], detail = 'The request has invalid fields.') =>
  new Problem(400, 'validation', 'Invalid request', detail, errors);
export const unauthorized = (detail = 'Sign in first.', reason?: Reason) =>
  new Problem(401, 'unauthorized', 'Not signed in', detail, undefined, undefined, reason);
export const forbidden = (detail = 'This is outside your access.', reason?: Reason) =>
  new Problem(403, 'forbidden', 'Forbidden', detail, undefined, undefined, reason);
export const notFound = (what: string) => new Problem(404, 'not-found', 'Not found', `${what} not found.`);
/** A 409; `errors` name the fields at fault, `current` carries the record as it now stands. */
export const conflict = (
  detail: string,
  { errors, ...extra }: { errors?: FieldError[]; current?: unknown } = {},
  reason?: Reason,
) => new Problem(409, 'conflict', 'Conflict', detail, errors, extra, reason);
export const ruleBroken = (
  code: ProblemCode,
  detail: string,
  errors?: FieldError[],
  extra?: Record<string, unknown>,
  params?: ErrorParams,
) => new Problem(422, code, 'Rule refused', detail, errors, extra, { code, ...(params ? { params } : {}) });
/** A 413 that states its limit (`{ maxMegabytes }`, or another reason's parameters). */
export const tooLarge = (detail: string, reason: Reason, errors?: FieldError[]) =>
  new Problem(413, 'too-large', 'Too large', detail, errors, undefined, reason);
export const tooManyRequests = (retryAfterSeconds: number) =>
  new Problem(
    429,
    'rate-limited',
    'Too many requests',
    'Too many attempts; try again later.',
    undefined,
    { retryAfter: retryAfterSeconds },
    { code: 'rate-limited', params: { retryAfter: retryAfterSeconds } },
  );

export function sendProblem(reply: FastifyReply, problem: Problem): FastifyReply {
  if (problem.status === 429 && typeof problem.extra?.retryAfter === 'number') {
    void reply.header('retry-after', String(problem.extra.retryAfter));
  }
  const language = errorLanguage(reply.request.headers['accept-language']);
  const { code, params = {} } = problem.reason;
  return reply
    .code(problem.status)
    .type('application/problem+json')
    .header('content-language', language)
    .send({
      type: `/problems/${problem.code}`,
      code,
      params,
      title: problem.title,
      status: problem.status,
      ...(problem.detail ? { detail: errorText(language, code, params, problem.detail) } : {}),
      ...(problem.errors
        ? {
            errors: problem.errors.map((e) => ({
              path: e.path,
              code: e.code,
              params: e.params ?? {},
              message: errorText(language, e.code, e.params ?? {}, e.message),
            })),
          }
        : {}),
      ...problem.extra,
      instance: reply.request.id,
    });
}

/** Turns anything thrown into problem+json. Only a real bug becomes a 500, and it never shows internals. */
export function errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof Problem) return sendProblem(reply, error);
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = error.validationContext ?? 'body';
    const errors = error.validation.flatMap((issue): FieldError[] =>
      issue.keyword === 'unrecognized_keys'
        ? unknownKeys(issue.params).map((key) => ({
            path: fieldPath(where, `${issue.instancePath.replace(/\/$/, '')}/${key}`),
            code: 'unknown_field',
            message: UNKNOWN_FIELD,
          }))
        : [
            {
              path: fieldPath(where, issue.instancePath),
              ...issueCode({ ...issue.params, code: issue.keyword, message: issue.message ?? '' } as IssueLike),
              message: issue.message ?? 'is invalid',
            },
          ],
    );
    return sendProblem(reply, invalid(errors));
  }
  const known = fromDatabase(error);
  if (known) return sendProblem(reply, known);
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    const status = error.statusCode;
    if (status === 413) return sendProblem(reply, tooLarge(error.message, { code: 'too-large' }));
    const code = status === 415 ? 'unsupported-media-type' : 'bad-request';
    return sendProblem(reply, new Problem(status, code, titleFor(status), error.message));
  }
  request.log.error({ err: loggableError(error) }, 'unhandled error');
  return sendProblem(reply, new Problem(500, 'internal', 'Internal error', 'Something went wrong on our side.'));
}

const UNKNOWN_FIELD = 'is not a known field';

/** A strict object's unknown keys (zod's `unrecognized_keys` issue): each is named as its own field. */
function unknownKeys(params: Record<string, unknown>): string[] {
  return Array.isArray(params.keys) ? params.keys.map(String) : [];
}

/** 'body' fields are named as they are sent ('email'); others carry their place ('query.limit'). */
function fieldPath(where: string, instancePath: string): string {
  const field = instancePath.replace(/^\//, '').replaceAll('/', '.');
  if (where === 'body') return field || '(body)';
  return field ? `${where === 'querystring' ? 'query' : where}.${field}` : where;
}

/** Constraint violations that slipped past validation are the client's conflict, not our crash. */
function fromDatabase(error: unknown): Problem | undefined {
  switch (pgErrorCode(error)) {
    case '23505':
      return conflict('A record with the same unique value already exists.', {}, { code: 'unique-value-taken' });
    case '23503':
      return ruleBroken('reference-missing', 'A referenced record does not exist.');
    case '22P02':
    case '22007':
    case '22008':
      return new Problem(400, 'validation', 'Invalid request', 'A value has an invalid format.', [], undefined, {
        code: 'invalid-format',
      });
    default:
      return undefined;
  }
}

function titleFor(status: number): string {
  return status === 415 ? 'Unsupported media type' : 'Bad request';
}
