import type { z } from 'zod';
import type { createGroupBody, GroupAnswer, groupPage } from '../../../../shared/schemas/registry';
import { formQuiet } from '../../../components/form';
import { api, withQuery } from '../../../lib/http';

export type CreateGroup = z.input<typeof createGroupBody>;
/** A page of groups, with whether the caller may register a group (`abilities.create`). */
export type GroupPage = z.infer<typeof groupPage>;

export interface GroupFilters {
  programId?: string | undefined;
  area?: string | undefined;
  kind?: string | undefined;
}

export const listGroups = (query: GroupFilters, cursor?: string, signal?: AbortSignal) =>
  api<GroupPage>(withQuery('/api/v1/groups', { ...query, cursor }), { signal });

export const getGroup = (id: string, signal?: AbortSignal) =>
  api<GroupAnswer>(`/api/v1/groups/${id}`, { signal, quiet: (e) => e.status === 404 || e.status === 400 });

export const registerGroup = (body: CreateGroup) =>
  api<GroupAnswer>('/api/v1/groups', { method: 'POST', body, quiet: formQuiet });

export const patchGroup = (id: string, body: Record<string, unknown>) =>
  api<GroupAnswer>(`/api/v1/groups/${id}`, { method: 'PATCH', body, quiet: formQuiet });
