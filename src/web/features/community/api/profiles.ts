import type { MyProfileAnswer, ProfileBody } from '../../../../shared/schemas/community-profiles';
import { formQuiet } from '../../../components/form';
import { api } from '../../../lib/http';

/** The caller's profile settings in a program's community. */
export const getMyProfile = (programId: string, signal?: AbortSignal) =>
  api<MyProfileAnswer>(`/api/v1/community/${programId}/profile`, { signal });

export const writeMyProfile = (programId: string, body: ProfileBody) =>
  api<MyProfileAnswer>(`/api/v1/community/${programId}/profile`, { method: 'PUT', body, quiet: formQuiet });
