import { api, withQuery, type Page } from '../../../lib/http';

export interface User {
  id: string;
  email: string;
  name: string;
}

export const findUserByEmail = (email: string) =>
  api<Page<User>>(withQuery('/api/v1/users', { email }), { quiet: (e) => e.status === 400 });
