import type { FastifyRequest } from 'fastify';
import { conflict, invalid } from './errors.js';

/** The version a PATCH was based on: from the body, or from an `If-Match: "N"` header. */
export function baseVersion(request: FastifyRequest, bodyVersion: number | undefined): number {
  const header = request.headers['if-match'];
  const fromHeader = typeof header === 'string' ? /^(?:W\/)?"?(\d+)"?$/.exec(header.trim())?.[1] : undefined;
  if (bodyVersion !== undefined && fromHeader !== undefined && Number(fromHeader) !== bodyVersion) {
    throw invalid([{ path: 'version', code: 'version_mismatch', message: 'differs from the If-Match header' }]);
  }
  const base = bodyVersion ?? (fromHeader === undefined ? undefined : Number(fromHeader));
  if (base === undefined)
    throw invalid([{ path: 'version', code: 'version_required', message: 'is required (or send If-Match)' }]);
  return base;
}

/** A stale edit is a conflict carrying the current record, never a silent overwrite. */
export function assertVersion(current: { version: number }, base: number, present: () => unknown): void {
  if (current.version !== base) {
    throw conflict(
      `The record changed since version ${base}; it is now version ${current.version}.`,
      { current: present() },
      { code: 'version-conflict', params: { base, version: current.version } },
    );
  }
}
