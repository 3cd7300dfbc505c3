import type { z } from 'zod';
import type {
  Dhis2MappingAnswer,
  dhis2MappingBody,
  Dhis2PushAnswer,
  Dhis2ServerAnswer,
  dhis2ServerBody,
} from '../../../../shared/schemas/dhis2';
import { formQuiet } from '../../../components/form';
import { api, withQuery, type ApiError } from '../../../lib/http';

const base = (programId: string) => `/api/v1/programs/${encodeURIComponent(programId)}/dhis2`;

/** DHIS2 that is down or refuses us (502) is shown beside the push button, not as a toast. */
const pushQuiet = (error: ApiError) => formQuiet(error) || error.status === 502;

export const getDhis2Mapping = (programId: string, signal?: AbortSignal) =>
  api<Dhis2MappingAnswer>(`${base(programId)}/mapping`, { signal });

export const putDhis2Mapping = (programId: string, body: z.input<typeof dhis2MappingBody>) =>
  api<Dhis2MappingAnswer>(`${base(programId)}/mapping`, { method: 'PUT', body, quiet: formQuiet });

export const getDhis2Server = (programId: string, signal?: AbortSignal) =>
  api<Dhis2ServerAnswer>(`${base(programId)}/server`, { signal });

export const putDhis2Server = (programId: string, body: z.input<typeof dhis2ServerBody>) =>
  api<Dhis2ServerAnswer>(`${base(programId)}/server`, { method: 'PUT', body, quiet: formQuiet });

/** The dataValueSets JSON for a period, as DHIS2 takes it. */
export const dataValueSetUrl = (programId: string, period: string) =>
  withQuery(`${base(programId)}/data-value-sets`, { period });

export const pushToDhis2 = (programId: string, period: string) =>
  api<Dhis2PushAnswer>(withQuery(`${base(programId)}/push`, { period }), { method: 'POST', quiet: pushQuiet });

export const listDhis2Pushes = (programId: string, signal?: AbortSignal) =>
  api<{ items: Dhis2PushAnswer[] }>(`${base(programId)}/pushes`, { signal });
