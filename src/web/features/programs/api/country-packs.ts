import type {
  PackPlanAnswer,
  PackSummary,
  ProgramFromPackAnswer,
  ProgramFromPackBody,
} from '../../../../shared/schemas/countries';
import { formQuiet } from '../../../components/form';
import { api } from '../../../lib/http';

const url = (country: string) => `/api/v1/country-packs/${encodeURIComponent(country)}`;

/** The country packs this installation carries, with the version installed (platform admins). */
export const listPacks = (signal?: AbortSignal) => api<{ items: PackSummary[] }>('/api/v1/country-packs', { signal });

/** What installing or upgrading the pack would change: the dry run. */
export const planPack = (country: string, signal?: AbortSignal) =>
  api<PackPlanAnswer>(`${url(country)}/plan`, { signal });

export const installPack = (country: string) => api<PackPlanAnswer>(`${url(country)}/install`, { method: 'POST' });

export const programFromPack = (country: string, body: ProgramFromPackBody) =>
  api<ProgramFromPackAnswer>(`${url(country)}/programs`, { method: 'POST', body, quiet: formQuiet });
