import type { z } from 'zod';
import type { createGroupBody, GroupAnswer, groupPage } from '../../../../shared/schemas/registry';
import { api, withQuery } from '../../../lib/http';
import { sendOrQueue } from '../../../lib/outbox/outbox';

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

/** Through the outbox: sent now, or kept on the phone until the network is back. */
export const registerGroup = (body: CreateGroup & { id: string }) =>
  sendOrQueue<GroupAnswer>({
    clientId: body.id,
    kind: 'group',
    label: body.name,
    method: 'POST',
    url: '/api/v1/groups',
    body,
  });

export const patchGroup = (id: string, label: string, body: Record<string, unknown>) =>
  sendOrQueue<GroupAnswer>({
    clientId: crypto.randomUUID(),
    kind: 'group-edit',
    label,
    method: 'PATCH',
    url: `/api/v1/groups/${id}`,
    body,
  });
