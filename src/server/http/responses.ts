import { z } from 'zod';

/**
 * A file answer (PDF, XLSX, PNG): the body is bytes, never serialized as JSON; the schema only
 * documents the media type in OpenAPI and satisfies the rule that every route declares its answer.
 */
export const fileAnswer = (mediaType: string) => z.unknown().describe(`a file: ${mediaType}`);

/** No body (204). */
export const noContent = z.null().describe('no content');

/** No body (304): the copy the caller named in If-None-Match is still current. */
export const notModified = z.null().describe('not modified');
