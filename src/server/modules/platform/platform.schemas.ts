import { z } from 'zod';
import { email, personName, uuid, version } from '../../../shared/common.schemas.js';
import { UI_LOCALES } from '../../../shared/locales.js';
import { pageQuery } from '../../http/pagination.js';

export * from '../../../shared/schemas/platform.js';

export const createUserBody = z.strictObject({
  id: uuid.optional(),
  email,
  name: personName,
  password: z.string().min(1).max(256),
  locale: z.enum(UI_LOCALES).default('id'),
  isAdmin: z.boolean().default(false),
});
export type CreateUserBody = z.infer<typeof createUserBody>;

export const patchUserBody = z
  .object({
    version: version.optional(),
    name: personName.optional(),
    locale: z.enum(UI_LOCALES).optional(),
    password: z.string().min(1).max(256).optional(),
    currentPassword: z.string().max(256).optional(),
    isAdmin: z.boolean().optional(),
    disabled: z.boolean().optional(),
  })
  .strict();
export type PatchUserBody = z.infer<typeof patchUserBody>;

/** `q`: part of a name, an email or a phone number (for pickers). */
export const listUsersQuery = pageQuery.extend({
  email: z.email().optional(),
  q: z.string().trim().min(1).max(100).optional(),
});
export type ListUsersQuery = z.infer<typeof listUsersQuery>;

export const createTokenBody = z.strictObject({
  name: z.string().trim().min(1).max(100),
  expiresInDays: z.number().int().min(1).max(3650).optional(),
});
export type CreateTokenBody = z.infer<typeof createTokenBody>;
