import type { z } from 'zod';
import type { GrantAnswer, grantRoleBody } from '../../../../shared/schemas/programs';
import { formQuiet } from '../../../components/form';
import { api } from '../../../lib/http';

/** A role grant with its account's email and name (other features name it through this index). */
export type Grant = GrantAnswer;

export const listGrants = (programId: string, signal?: AbortSignal) =>
  api<{ items: Grant[] }>(`/api/v1/programs/${programId}/roles`, { signal, quiet: (e) => e.status === 403 });

export const grantRole = (programId: string, body: z.input<typeof grantRoleBody>) =>
  api<Grant>(`/api/v1/programs/${programId}/roles`, { method: 'POST', body, quiet: formQuiet });

export const revokeRole = (programId: string, grantId: string) =>
  api<void>(`/api/v1/programs/${programId}/roles/${grantId}`, { method: 'DELETE' });
