import type { MeAnswer, SignInAnswer } from '../../../../shared/schemas/platform';
import { formQuiet } from '../../../components/form';
import { api } from '../../../lib/http';

/** The signed-in user: their roles, and the menu the server decided for them (`screens`, `bookGroups`). */
export type Me = MeAnswer;

export const getMe = (signal?: AbortSignal) =>
  api<Me>('/api/v1/me', { signal, quiet: (error) => error.status === 401 });

/** Sign-in by email or by phone number (`{ phone, password }`). */
export const signIn = (body: { email?: string; phone?: string; password: string }) =>
  api<SignInAnswer>('/api/v1/auth/sign-in', {
    method: 'POST',
    body,
    quiet: (error) => error.status === 400 || error.status === 401,
  });

export const signOut = () => api<void>('/api/v1/auth/sign-out', { method: 'POST' });

/** Sets the password of an invited account through its link; answers the name to sign in with. */
export const acceptInvitation = (body: { token: string; password: string }) =>
  api<{ login: string }>('/api/v1/invitations/accept', {
    method: 'POST',
    body,
    quiet: (error) => formQuiet(error) || error.status === 404,
  });
