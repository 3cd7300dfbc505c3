import type { UserAnswer } from '../../../../shared/schemas/platform';
import { api, withQuery, type Page } from '../../../lib/http';

export const findUserByEmail = (email: string) =>
  api<Page<UserAnswer>>(withQuery('/api/v1/users', { email }), { quiet: (e) => e.status === 400 });
