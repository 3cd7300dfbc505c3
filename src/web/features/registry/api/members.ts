import { formQuiet } from '../../../components/form';
import { api, withQuery, type Page } from '../../../lib/http';
import type { CreateMember, Member } from './registry.types';

export const listMembers = (groupId: string, cursor?: string, signal?: AbortSignal) =>
  api<Page<Member>>(withQuery(`/api/v1/groups/${groupId}/members`, { cursor }), { signal });

export const getMember = (id: string, signal?: AbortSignal) =>
  api<Member>(`/api/v1/members/${id}`, { signal, quiet: (e) => e.status === 404 || e.status === 400 });

export const addMember = (groupId: string, body: CreateMember) =>
  api<Member>(`/api/v1/groups/${groupId}/members`, { method: 'POST', body, quiet: formQuiet });

export const patchMember = (id: string, body: Record<string, unknown>) =>
  api<Member>(`/api/v1/members/${id}`, { method: 'PATCH', body, quiet: formQuiet });
