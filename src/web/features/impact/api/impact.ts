import type {
  CreateTargetBody,
  ImpactAnswer,
  IndicatorAnswer,
  PatchTargetBody,
  TargetAnswer,
} from '../../../../shared/schemas/impact';
import { formQuiet } from '../../../components/form';
import { api, withQuery } from '../../../lib/http';

export interface ValuesQuery {
  indicator: string;
  programId: string;
  area?: string | undefined;
  level?: string | undefined;
  period: string;
  every?: 'none' | 'month' | 'quarter' | 'year';
  by?: string | undefined;
}

export const listIndicators = (signal?: AbortSignal) =>
  api<{ items: IndicatorAnswer[] }>('/api/v1/indicators', { signal });

/** An indicator's values: one, a series (`every`), one per area below (`level`), or broken down (`by`). */
export const getValues = (query: ValuesQuery, signal?: AbortSignal) =>
  api<ImpactAnswer>(withQuery('/api/v1/impact', { ...query }), { signal });

export const listTargets = (programId: string, signal?: AbortSignal) =>
  api<{ items: TargetAnswer[]; abilities: { manage: boolean } }>(
    `/api/v1/programs/${encodeURIComponent(programId)}/targets`,
    { signal },
  );

export const createTarget = (programId: string, body: CreateTargetBody) =>
  api<TargetAnswer>(`/api/v1/programs/${encodeURIComponent(programId)}/targets`, {
    method: 'POST',
    body,
    quiet: formQuiet,
  });

export const patchTarget = (id: string, body: PatchTargetBody) =>
  api<TargetAnswer>(`/api/v1/targets/${encodeURIComponent(id)}`, { method: 'PATCH', body, quiet: formQuiet });

/** The same view as `getValues` as a file to save: CSV or XLSX, in `lang`. */
export const impactExportUrl = (query: ValuesQuery & { format: 'csv' | 'xlsx'; lang: string }) =>
  withQuery('/api/v1/impact/export', { ...query });

/** The program's impact report for a period (and an area of it) as a PDF, in `lang`. */
export const impactReportUrl = (
  programId: string,
  query: { period: string; area?: string | undefined; lang: string },
) => withQuery(`/api/v1/programs/${encodeURIComponent(programId)}/impact-report.pdf`, { ...query });
