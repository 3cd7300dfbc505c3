import type { AssessorTierAnswer, AssessorTiersAnswer, SetAssessorTierBody } from '../../../../shared/schemas/quality';
import { formQuiet } from '../../../components/form';
import { api } from '../../../lib/http';

export const listAssessorTiers = (programId: string, signal?: AbortSignal) =>
  api<AssessorTiersAnswer>(`/api/v1/programs/${programId}/assessor-tiers`, { signal });

export const setAssessorTier = (programId: string, body: SetAssessorTierBody) =>
  api<AssessorTierAnswer>(`/api/v1/programs/${programId}/assessor-tiers`, { method: 'PUT', body, quiet: formQuiet });
