import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A stand-in for DHIS2's `POST /api/dataValueSets`, since no DHIS2 runs here. Its shapes follow
 * DHIS2's documentation (dhis2-docs, src/developer/web-api/data.md "Sending data values", "Sending
 * bulks of data values", "Import parameters", "Identifier schemes"; overview.md "Date and period
 * format" and "Using a Personal Access Token"; maintenance.md for the ImportSummary JSON): it checks
 * basic authentication or an `ApiToken`, validates the payload against the documented
 * `dataValueSet` JSON, and answers an ImportSummary — bare (`{ responseType: 'ImportSummary',
 * status, importCount, conflicts }`, before 2.38) or wrapped in a WebMessage (`{ httpStatus,
 * httpStatusCode, status, message, response: { responseType: 'ImportSummary', … } }`, 2.38 and
 * later, 409 Conflict when values were refused). Values of unknown codes are ignored with a
 * conflict (`{ object, value }`); a value equal to the stored one is ignored, as DHIS2 does.
 */

/** The periods DHIS2 documents for the types a program may report by (overview.md, "Period format"). */
const DHIS2_PERIOD = /^\d{4}(?:0[1-9]|1[0-2]|Q[1-4]|April|July|Oct)?$/;
const SET_KEYS = ['dataSet', 'completeDate', 'period', 'orgUnit', 'attributeOptionCombo', 'dataValues'];
const VALUE_KEYS = [
  'dataElement',
  'period',
  'orgUnit',
  'categoryOptionCombo',
  'attributeOptionCombo',
  'value',
  'comment',
];

/** What is wrong with a body as a DHIS2 `dataValueSet` (JSON), by the documented shape; empty when nothing. */
export function dataValueSetErrors(body: unknown): string[] {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return ['not an object'];
  const set = body as Record<string, unknown>;
  const errors = Object.keys(set)
    .filter((k) => !SET_KEYS.includes(k))
    .map((k) => `unknown key ${k}`);
  for (const key of ['dataSet', 'orgUnit', 'attributeOptionCombo'] as const) {
    if (key in set && (typeof set[key] !== 'string' || !set[key])) errors.push(`${key} is not a code`);
  }
  if ('period' in set && !DHIS2_PERIOD.test(String(set.period))) errors.push('period is not a DHIS2 period');
  if ('completeDate' in set && !/^\d{4}-\d{2}-\d{2}$/.test(String(set.completeDate))) errors.push('completeDate');
  if (!Array.isArray(set.dataValues)) return [...errors, 'dataValues is not a list'];
  set.dataValues.forEach((v: unknown, i) => {
    if (!v || typeof v !== 'object') return errors.push(`dataValues[${i}] is not an object`);
    const value = v as Record<string, unknown>;
    for (const key of Object.keys(value)) if (!VALUE_KEYS.includes(key)) errors.push(`dataValues[${i}].${key} unknown`);
    for (const key of ['dataElement', 'value'] as const) {
      if (typeof value[key] !== 'string' || !value[key]) errors.push(`dataValues[${i}].${key} missing`);
    }
    // Each value needs its period and org unit, on itself or on the set.
    for (const key of ['period', 'orgUnit'] as const) {
      const own = value[key] ?? set[key];
      if (typeof own !== 'string' || !own) errors.push(`dataValues[${i}].${key} missing`);
    }
    if (typeof value.period === 'string' && !DHIS2_PERIOD.test(value.period)) {
      errors.push(`dataValues[${i}].period is not a DHIS2 period`);
    }
    for (const key of ['categoryOptionCombo', 'attributeOptionCombo', 'comment'] as const) {
      if (key in value && typeof value[key] !== 'string') errors.push(`dataValues[${i}].${key} is not text`);
    }
    if (typeof value.value === 'string' && !/^-?\d+(\.\d+)?$/.test(value.value)) {
      errors.push(`dataValues[${i}].value is not a number`);
    }
  });
  return errors;
}

export type Dhis2Answer = 'classic' | 'wrapped' | 'html' | 'hang';

export interface Dhis2Double {
  url: string;
  /** How the next requests are answered. */
  answer: Dhis2Answer;
  /** The requests received: their query and their body. */
  received: { query: URLSearchParams; body: unknown; authorization: string | undefined }[];
  /** Stored values by dataElement|period|orgUnit|coc|aoc. */
  stored: Map<string, string>;
  close(): Promise<void>;
}

interface Options {
  username?: string;
  password?: string;
  token?: string;
  dataElements: string[];
  orgUnits: string[];
}

const read = (req: IncomingMessage) =>
  new Promise<string>((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });

function authorized(header: string | undefined, o: Options): boolean {
  if (!header) return false;
  if (o.token && header === `ApiToken ${o.token}`) return true;
  const basic = /^Basic (.+)$/.exec(header);
  return !!basic && Buffer.from(basic[1]!, 'base64').toString('utf8') === `${o.username}:${o.password}`;
}

export async function startDhis2Double(options: Options): Promise<Dhis2Double> {
  const double = { answer: 'classic', received: [], stored: new Map() } as unknown as Dhis2Double;
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://dhis2.test');
    const text = await read(req);
    const send = (status: number, body: unknown, type = 'application/json') => {
      res.writeHead(status, { 'content-type': type });
      res.end(typeof body === 'string' ? body : JSON.stringify(body));
    };
    if (double.answer === 'hang') return; // never answers
    if (req.method !== 'POST' || url.pathname !== '/api/dataValueSets') return send(404, { httpStatus: 'Not Found' });
    if (!authorized(req.headers.authorization, options)) {
      return send(401, { httpStatus: 'Unauthorized', httpStatusCode: 401, status: 'ERROR', message: 'Unauthorized' });
    }
    if (double.answer === 'html') return send(200, '<html><body>Maintenance</body></html>', 'text/html');
    if (req.headers['content-type'] !== 'application/json') return send(415, { httpStatus: 'Unsupported Media Type' });
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return send(400, { httpStatus: 'Bad Request', httpStatusCode: 400, status: 'ERROR' });
    }
    double.received.push({ query: url.searchParams, body, authorization: req.headers.authorization });
    const errors = dataValueSetErrors(body);
    if (errors.length) return send(400, { httpStatus: 'Bad Request', httpStatusCode: 400, status: 'ERROR', errors });
    const set = body as { period?: string; dataValues: Record<string, string>[] };
    const count = { imported: 0, updated: 0, ignored: 0, deleted: 0 };
    const conflicts: { object: string; value: string }[] = [];
    for (const v of set.dataValues) {
      const unknown = !options.dataElements.includes(v.dataElement!)
        ? { object: v.dataElement!, value: 'Data element not found or not accessible' }
        : !options.orgUnits.includes(v.orgUnit!)
          ? { object: v.orgUnit!, value: 'Org unit not found or not accessible' }
          : undefined;
      if (unknown) {
        conflicts.push(unknown);
        count.ignored++;
        continue;
      }
      const key = [
        v.dataElement,
        v.period ?? set.period,
        v.orgUnit,
        v.categoryOptionCombo,
        v.attributeOptionCombo,
      ].join('|');
      const before = double.stored.get(key);
      if (before === v.value) count.ignored++;
      else if (before === undefined) count.imported++;
      else count.updated++;
      double.stored.set(key, v.value!);
    }
    const status = conflicts.length ? 'WARNING' : 'SUCCESS';
    const summary = {
      responseType: 'ImportSummary',
      status,
      importOptions: { idSchemes: {}, dryRun: false, async: false, importStrategy: 'CREATE_AND_UPDATE' },
      description: 'Import process completed successfully',
      importCount: count,
      conflicts,
      dataSetComplete: 'false',
    };
    if (double.answer === 'classic') return send(200, summary);
    return send(conflicts.length ? 409 : 200, {
      httpStatus: conflicts.length ? 'Conflict' : 'OK',
      httpStatusCode: conflicts.length ? 409 : 200,
      status: conflicts.length ? 'WARNING' : 'OK',
      message: conflicts.length
        ? 'One more conflicts encountered, please check import summary.'
        : 'Import was successful.',
      response: summary,
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  double.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  double.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return double;
}
