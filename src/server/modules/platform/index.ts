/** The platform module's public face: what other modules and the app may use. */
import type { Queryable } from '../../db/database.js';
import type { Grant } from '../../http/context.js';
import { usersRepository as repository, type UserRow } from './platform.repository.js';
export { recordAudit } from './audit.js';
export { requireUser } from './access.js';
export {
  abilities,
  authorize,
  can,
  canSomewhere,
  definePolicy,
  programTarget,
  scopeOf,
  WHOLE_PROGRAM_PATH,
  type Policy,
  type Rule,
  type ScopeColumns,
  type Target,
} from './authorize.js';
export { registerAuthHooks } from './auth.hooks.js';
export { actorOfAccount } from './auth.service.js';
export { platformRoutes } from './platform.routes.js';
export { ensureFirstAdmin, createUser } from './users.service.js';
export { openInvitedAccount } from './invitations.js';
export { notify, type Notice } from './notifications.service.js';
export { notificationsRoutes } from './notifications.routes.js';
export { writeDigests } from './digests.js';
export { sendPendingPushes } from './push.js';
export {
  REGISTRATION_THROTTLE,
  registerOwnAccount,
  signUpOwnAccount,
  throttlePublicForm,
} from './self-registration.js';

/** An account as other modules may see it: everything but its password hash. */
export type Account = Omit<UserRow, 'password_hash'>;

const withoutHash = (row: UserRow | undefined): Account | undefined => {
  if (!row) return undefined;
  const { password_hash: _hash, ...account } = row;
  return account;
};

/** An account by email (case as stored: lower). */
export const accountByEmail = async (db: Queryable, email: string): Promise<Account | undefined> =>
  withoutHash(await repository.byEmail(db, email));
/** An account by id. */
export const accountById = async (db: Queryable, id: string): Promise<Account | undefined> =>
  withoutHash(await repository.byId(db, id));
/** The role grants an account holds, with their areas' paths. */
export const grantsOf = (db: Queryable, userId: string): Promise<Grant[]> => repository.grantsOf(db, userId);
