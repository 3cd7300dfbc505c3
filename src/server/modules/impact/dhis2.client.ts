import { z } from 'zod';
import { Problem } from '../../http/errors.js';
import type { DataValueSetAnswer } from '../../../shared/schemas/dhis2.js';

/**
 * Posting a `dataValueSets` payload to DHIS2 and reading its ImportSummary. DHIS2 Web API
 * ("Sending data values", "Import parameters", "Identifier schemes": dhis2-docs
 * src/developer/web-api/data.md): `POST /api/dataValueSets`, codes as identifiers with
 * `idScheme=CODE` (and the specific schemes spelled out, since they take precedence), basic
 * authentication or a personal access token (`Authorization: ApiToken …`, overview.md). A
 * synchronous import answers an ImportSummary — bare before 2.38, wrapped in a WebMessage's
 * `response` since (with 409 Conflict when values were refused), both read here.
 */
export interface Dhis2Server {
  baseUrl: string;
  auth: 'basic' | 'token';
  username: string;
  secret: string;
  timeoutSeconds: number;
}

export interface ImportSummary {
  status: string;
  importCount: { imported: number; updated: number; ignored: number; deleted: number };
  conflicts: { object: string; value: string }[];
  description: string;
}

/** Conflicts kept per push: enough to act on, bounded whatever DHIS2 sends. */
const MAX_CONFLICTS = 200;
/** A larger answer is not an ImportSummary of ours. */
const MAX_ANSWER_BYTES = 2 * 1024 * 1024;

const count = z.number().int().min(0).catch(0);
const summarySchema = z.object({
  responseType: z.literal('ImportSummary').optional(),
  status: z.string().min(1),
  importCount: z.object({ imported: count, updated: count, ignored: count, deleted: count }),
  conflicts: z
    .array(z.object({ object: z.string().catch(''), value: z.string().catch('') }).loose())
    .catch([])
    .default([]),
  description: z.string().catch('').default(''),
});

/** The ImportSummary in DHIS2's answer, bare or inside a WebMessage's `response`; undefined when there is none. */
export function importSummaryOf(body: unknown): ImportSummary | undefined {
  const inner =
    body && typeof body === 'object' && 'response' in body && typeof body.response === 'object' ? body.response : body;
  const parsed = summarySchema.safeParse(inner);
  if (!parsed.success) return undefined;
  const { status, importCount, conflicts, description } = parsed.data;
  return {
    status,
    importCount,
    conflicts: conflicts.slice(0, MAX_CONFLICTS).map((c) => ({ object: c.object, value: c.value })),
    description,
  };
}

const badGateway = (
  code: 'dhis2-unreachable' | 'dhis2-refused' | 'dhis2-answer-unreadable',
  detail: string,
  status?: number,
) =>
  new Problem(502, code, 'DHIS2 did not take the data', detail, undefined, undefined, {
    code,
    ...(status === undefined ? {} : { params: { status } }),
  });

function authorization(server: Dhis2Server): string {
  return server.auth === 'token'
    ? `ApiToken ${server.secret}`
    : `Basic ${Buffer.from(`${server.username}:${server.secret}`).toString('base64')}`;
}

/** Posts the payload; answers DHIS2's ImportSummary, or throws a 502 problem saying what went wrong. */
export async function postDataValueSet(server: Dhis2Server, payload: DataValueSetAnswer): Promise<ImportSummary> {
  const url = new URL('api/dataValueSets', server.baseUrl.endsWith('/') ? server.baseUrl : `${server.baseUrl}/`);
  for (const scheme of ['idScheme', 'dataElementIdScheme', 'orgUnitIdScheme']) url.searchParams.set(scheme, 'CODE');
  let response: Response;
  let text: string;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', authorization: authorization(server) },
      body: JSON.stringify(payload),
      // A redirect is DHIS2 sending us to its login page, or elsewhere: never follow it with the credentials.
      redirect: 'manual',
      signal: AbortSignal.timeout(server.timeoutSeconds * 1000),
    });
    text = await response.text();
  } catch (error) {
    const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
    throw badGateway(
      'dhis2-unreachable',
      timedOut
        ? `DHIS2 did not answer within ${server.timeoutSeconds} seconds.`
        : 'DHIS2 could not be reached at its address.',
    );
  }
  const summary = text.length <= MAX_ANSWER_BYTES ? importSummaryOf(parseJson(text)) : undefined;
  if (summary) return summary;
  if (response.status === 401 || response.status === 403 || (response.status >= 300 && response.status < 500)) {
    throw badGateway('dhis2-refused', `DHIS2 refused the data (HTTP ${response.status}).`, response.status);
  }
  throw badGateway(
    'dhis2-answer-unreadable',
    `DHIS2 answered without an import summary (HTTP ${response.status}).`,
    response.status,
  );
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
