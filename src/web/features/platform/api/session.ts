import type { MeAnswer, SignInAnswer } from '../../../../shared/schemas/platform';
import { api } from '../../../lib/http';

/** The signed-in user: their roles, and the menu the server decided for them (`screens`, `bookGroups`). */
export type Me = MeAnswer;

export const getMe = (signal?: AbortSignal) =>
  api<Me>('/api/v1/me', { signal, quiet: (error) => error.status === 401 });

export const signIn = (body: { email: string; password: string }) =>
  api<SignInAnswer>('/api/v1/auth/sign-in', {
    method: 'POST',
    body,
    quiet: (error) => error.status === 400 || error.status === 401,
  });

export const signOut = () => api<void>('/api/v1/auth/sign-out', { method: 'POST' });
