import type { z } from 'zod';
import type { grantRoleBody } from '../../../../shared/schemas/programs';
import { formQuiet } from '../../../components/form';
import { api } from '../../../lib/http';

export interface Grant {
  id: string;
  programId: string;
  userId: string;
  user: { email: string; name: string };
  role: string;
  areaCode: string | null;
  groupId: string | null;
  createdAt: string;
}

export const listGrants = (programId: string, signal?: AbortSignal) =>
  api<{ items: Grant[] }>(`/api/v1/programs/${programId}/roles`, { signal, quiet: (e) => e.status === 403 });

export const grantRole = (programId: string, body: z.input<typeof grantRoleBody>) =>
  api<Grant>(`/api/v1/programs/${programId}/roles`, { method: 'POST', body, quiet: formQuiet });

export const revokeRole = (programId: string, grantId: string) =>
  api<void>(`/api/v1/programs/${programId}/roles/${grantId}`, { method: 'DELETE' });
