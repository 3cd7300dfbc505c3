import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { loggableError, pgErrorCode } from '../db/database.js';

export interface FieldError {
  path: string;
  message: string;
}

/** An error a client may see, rendered as application/problem+json (RFC 9457). */
export class Problem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: string,
    readonly detail?: string,
    readonly errors?: FieldError[],
    readonly extra?: Record<string, unknown>,
  ) {
    super(detail ?? title);
  }
}

export const invalid = (errors: FieldError[], detail = 'The request has invalid fields.') =>
  new Problem(400, 'validation', 'Invalid request', detail, errors);
export const unauthorized = (detail = 'Sign in first.') => new Problem(401, 'unauthorized', 'Not signed in', detail);
export const forbidden = (detail = 'This is outside your access.') =>
  new Problem(403, 'forbidden', 'Forbidden', detail);
export const notFound = (what: string) => new Problem(404, 'not-found', 'Not found', `${what} not found.`);
export const conflict = (detail: string, extra?: Record<string, unknown>) =>
  new Problem(409, 'conflict', 'Conflict', detail, undefined, extra);
export const ruleBroken = (code: string, detail: string, errors?: FieldError[], extra?: Record<string, unknown>) =>
  new Problem(422, code, 'Rule refused', detail, errors, extra);
export const tooLarge = (detail: string, errors?: FieldError[]) =>
  new Problem(413, 'too-large', 'Too large', detail, errors);
export const tooManyRequests = (retryAfterSeconds: number) =>
  new Problem(429, 'rate-limited', 'Too many requests', 'Too many attempts; try again later.', undefined, {
    retryAfter: retryAfterSeconds,
  });

export function sendProblem(reply: FastifyReply, problem: Problem): FastifyReply {
  if (problem.status === 429 && typeof problem.extra?.retryAfter === 'number') {
    void reply.header('retry-after', String(problem.extra.retryAfter));
  }
  return reply
    .code(problem.status)
    .type('application/problem+json')
    .send({
      type: `/problems/${problem.code}`,
      title: problem.title,
      status: problem.status,
      ...(problem.detail ? { detail: problem.detail } : {}),
      ...(problem.errors ? { errors: problem.errors } : {}),
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
            message: UNKNOWN_FIELD,
          }))
        : [{ path: fieldPath(where, issue.instancePath), message: issue.message ?? 'is invalid' }],
    );
    return sendProblem(reply, invalid(errors));
  }
  const known = fromDatabase(error);
  if (known) return sendProblem(reply, known);
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    const status = error.statusCode;
    const code = status === 413 ? 'too-large' : status === 415 ? 'unsupported-media-type' : 'bad-request';
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
      return conflict('A record with the same unique value already exists.');
    case '23503':
      return ruleBroken('reference-missing', 'A referenced record does not exist.');
    case '22P02':
    case '22007':
    case '22008':
      return invalid([], 'A value has an invalid format.');
    default:
      return undefined;
  }
}

function titleFor(status: number): string {
  return status === 413 ? 'Payload too large' : status === 415 ? 'Unsupported media type' : 'Bad request';
}
