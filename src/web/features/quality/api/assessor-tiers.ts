import type { PanelTier } from '../../../../shared/schemas/quality';
import { formQuiet } from '../../../components/form';
import { api } from '../../../lib/http';

export interface AssessorTier {
  programId: string;
  userId: string;
  tier: PanelTier;
}

export const listAssessorTiers = (programId: string, signal?: AbortSignal) =>
  api<{ items: AssessorTier[] }>(`/api/v1/programs/${programId}/assessor-tiers`, { signal });

export const setAssessorTier = (programId: string, body: { userId: string; tier: PanelTier }) =>
  api<AssessorTier>(`/api/v1/programs/${programId}/assessor-tiers`, { method: 'PUT', body, quiet: formQuiet });
