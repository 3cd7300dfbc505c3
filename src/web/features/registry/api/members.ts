import type { z } from 'zod';
import type { createMemberBody, MemberAnswer } from '../../../../shared/schemas/registry';
import { formQuiet } from '../../../components/form';
import { api, withQuery, type Page } from '../../../lib/http';
import { sendOrQueue } from '../../../lib/outbox/outbox';

export type CreateMember = z.input<typeof createMemberBody>;

export const listMembers = (groupId: string, cursor?: string, signal?: AbortSignal) =>
  api<Page<MemberAnswer>>(withQuery(`/api/v1/groups/${groupId}/members`, { cursor }), { signal });

export const getMember = (id: string, signal?: AbortSignal) =>
  api<MemberAnswer>(`/api/v1/members/${id}`, { signal, quiet: (e) => e.status === 404 || e.status === 400 });

/** Through the outbox; a member of a group registered offline waits for the group to arrive. */
export const addMember = (groupId: string, body: CreateMember & { id: string }) =>
  sendOrQueue<MemberAnswer>({
    clientId: body.id,
    kind: 'member',
    label: body.name,
    method: 'POST',
    url: `/api/v1/groups/${groupId}/members`,
    body,
    dependsOn: groupId,
  });

export const patchMember = (id: string, body: Record<string, unknown>) =>
  api<MemberAnswer>(`/api/v1/members/${id}`, { method: 'PATCH', body, quiet: formQuiet });
