import { formQuiet } from '../../../components/form';
import { api, withQuery, type Page } from '../../../lib/http';
import type { z } from 'zod';
import type { createProgramBody, grantRoleBody } from '../../../../shared/schemas/programs';

export interface Program {
  id: string;
  code: string;
  name: string;
  country: string;
  currency: string;
  locales: string[];
  startedOn: string;
  categories: { code: string; name: Record<string, string> }[];
  version: number;
}

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

export interface User {
  id: string;
  email: string;
  name: string;
}

export const listPrograms = (cursor?: string, signal?: AbortSignal) =>
  api<Page<Program>>(withQuery('/api/v1/programs', { cursor, limit: 100 }), { signal });

export const getProgram = (id: string, signal?: AbortSignal) =>
  api<Program>(`/api/v1/programs/${id}`, { signal, quiet: (e) => e.status === 404 || e.status === 400 });

export const createProgram = (body: z.input<typeof createProgramBody>) =>
  api<Program>('/api/v1/programs', { method: 'POST', body, quiet: formQuiet });

export const patchProgram = (id: string, body: Record<string, unknown>) =>
  api<Program>(`/api/v1/programs/${id}`, { method: 'PATCH', body, quiet: formQuiet });

export const listGrants = (programId: string, signal?: AbortSignal) =>
  api<{ items: Grant[] }>(`/api/v1/programs/${programId}/roles`, { signal, quiet: (e) => e.status === 403 });

export const grantRole = (programId: string, body: z.input<typeof grantRoleBody>) =>
  api<Grant>(`/api/v1/programs/${programId}/roles`, { method: 'POST', body, quiet: formQuiet });

export const revokeRole = (programId: string, grantId: string) =>
  api<void>(`/api/v1/programs/${programId}/roles/${grantId}`, { method: 'DELETE' });

export const findUserByEmail = (email: string) =>
  api<Page<User>>(withQuery('/api/v1/users', { email }), { quiet: (e) => e.status === 400 });
