import type { z } from 'zod';
import type { createGroupBody, GroupAnswer } from '../../../../shared/schemas/registry';
import { api, withQuery, type Page } from '../../../lib/http';
import { sendOrQueue } from '../../../lib/outbox/outbox';

export type CreateGroup = z.input<typeof createGroupBody>;

export interface GroupFilters {
  programId?: string | undefined;
  area?: string | undefined;
  kind?: string | undefined;
}

export const listGroups = (query: GroupFilters, cursor?: string, signal?: AbortSignal) =>
  api<Page<GroupAnswer>>(withQuery('/api/v1/groups', { ...query, cursor }), { signal });

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
