import { formQuiet } from '../../../components/form';
import { api, withQuery, type Page } from '../../../lib/http';
import type { CreateGroup, Group } from './registry.types';

export interface GroupFilters {
  programId?: string | undefined;
  area?: string | undefined;
  kind?: string | undefined;
}

export const listGroups = (query: GroupFilters, cursor?: string, signal?: AbortSignal) =>
  api<Page<Group>>(withQuery('/api/v1/groups', { ...query, cursor }), { signal });

export const getGroup = (id: string, signal?: AbortSignal) =>
  api<Group>(`/api/v1/groups/${id}`, { signal, quiet: (e) => e.status === 404 || e.status === 400 });

export const registerGroup = (body: CreateGroup) =>
  api<Group>('/api/v1/groups', { method: 'POST', body, quiet: formQuiet });

export const patchGroup = (id: string, body: Record<string, unknown>) =>
  api<Group>(`/api/v1/groups/${id}`, { method: 'PATCH', body, quiet: formQuiet });
