import { api } from '../../../lib/http';

export interface Role {
  id: string;
  role: string;
  programId: string;
  areaCode: string | null;
  groupId: string | null;
}

export interface Me {
  id: string;
  email: string;
  name: string;
  locale: string;
  isAdmin: boolean;
  roles: Role[];
}

export const getMe = (signal?: AbortSignal) =>
  api<Me>('/api/v1/me', { signal, quiet: (error) => error.status === 401 });

export const signIn = (body: { email: string; password: string }) =>
  api<{ user: unknown }>('/api/v1/auth/sign-in', {
    method: 'POST',
    body,
    quiet: (error) => error.status === 400 || error.status === 401,
  });

export const signOut = () => api<void>('/api/v1/auth/sign-out', { method: 'POST' });
