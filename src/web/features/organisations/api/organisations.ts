import type {
  OrganisationAnswer,
  RateAnswer,
  RateBody,
  SideBySideAnswer,
} from '../../../../shared/schemas/organisations';
import { formQuiet } from '../../../components/form';
import { api, withQuery } from '../../../lib/http';

const url = (id: string) => `/api/v1/organisations/${encodeURIComponent(id)}`;

/** The organisations the reader is granted on (every one for a platform admin). */
export const listOrganisations = (signal?: AbortSignal) =>
  api<{ items: OrganisationAnswer[] }>('/api/v1/organisations', { signal });

/** One indicator of every member program, side by side, money also in the reporting currency. */
export const getSideBySide = (
  id: string,
  query: { indicator: string; period: string; by?: string | undefined },
  signal?: AbortSignal,
) => api<SideBySideAnswer>(withQuery(`${url(id)}/impact`, { ...query }), { signal });

export const listRates = (id: string, signal?: AbortSignal) =>
  api<{ items: RateAnswer[] }>(`${url(id)}/rates`, { signal });

export const enterRate = (id: string, body: RateBody) =>
  api<RateAnswer>(`${url(id)}/rates`, { method: 'POST', body, quiet: formQuiet });
