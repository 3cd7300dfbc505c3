import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import { ORIGIN, testConfig, type Session, type TestApp } from '../app.js';
import { openTestDatabase } from '../database.js';

/** The slice of JSON Schema that the zod → OpenAPI transform writes. */
export interface JsonSchema {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  propertyNames?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  default?: unknown;
}

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema: JsonSchema;
}

/** One operation of the OpenAPI document: `key` is how tables name it, `GET /api/v1/groups/{id}`. */
export interface Operation {
  key: string;
  method: string;
  path: string;
  parameters: Parameter[];
  body?: JsonSchema;
}

interface OpenApiDocument {
  paths: Record<
    string,
    Record<string, { parameters?: Parameter[]; requestBody?: { content: Record<string, { schema: JsonSchema }> } }>
  >;
}

/** Every operation the app documents, in the document's order. */
export function operationsOf(app: FastifyInstance): Operation[] {
  const doc = app.swagger() as unknown as OpenApiDocument;
  return Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({
      key: `${method.toUpperCase()} ${path}`,
      method: method.toUpperCase(),
      path,
      parameters: op.parameters ?? [],
      body: op.requestBody?.content['application/json']?.schema,
    })),
  );
}

/**
 * The upload routes: their bodies are multipart (the document lists no body for them), each with
 * the form field that carries the file.
 */
export const MULTIPART_FIELDS: Record<string, string> = {
  'POST /api/v1/products/{id}/photos': 'photo',
  'POST /api/v1/assessments/{id}/evidence': 'file',
  'PUT /api/v1/certifications/{id}/document': 'document',
  'POST /api/v1/courses/{id}/materials': 'file',
};

/** A multipart/form-data body carrying one file, as a browser sends an upload. */
export function multipartBody(field: string, filename: string, type: string, data: Buffer) {
  const boundary = 'ovopsecurityboundary';
  return {
    contentType: `multipart/form-data; boundary=${boundary}`,
    payload: Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\n` +
          `Content-Type: ${type}\r\n\r\n`,
      ),
      data,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
  };
}

/**
 * One app and one database for the whole file, NOT emptied between tests: the security walks
 * build one world and run every request against it. Opened at load time (top-level await) so
 * that a test per documented operation can be declared from the app's own document.
 */
export async function openSharedApp(): Promise<TestApp> {
  const database = await openTestDatabase();
  const app = await buildApp({ config: testConfig, db: database.db, logger: false });
  await app.ready();
  afterAll(async () => {
    await app.close();
    await database.close();
  });
  return {
    app,
    database,
    request: ({ as, headers, ...options }: InjectOptions & { as?: Session }): Promise<LightMyRequestResponse> =>
      app.inject({ ...options, headers: { host: 'localhost:3000', origin: ORIGIN, ...as?.headers, ...headers } }),
  };
}
