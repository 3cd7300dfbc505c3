/** The platform module's public face: what other modules and the app may use. */
import type { Queryable } from '../../db/database.js';
import { usersRepository } from './platform.repository.js';
export { recordAudit } from './audit.js';
export {
  grantsIn,
  holdsAnyRole,
  isAdmin,
  managesProgram,
  programIdsOf,
  reaches,
  scopeCondition,
  type ScopeTarget,
  requireAdmin,
  requireUser,
} from './access.js';
export {
  abilities,
  authorize,
  can,
  definePolicy,
  scopeOf,
  type Policy,
  type Rule,
  type ScopeColumns,
  type Target,
} from './authorize.js';
export { registerAuthHooks } from './auth.hooks.js';
export { platformRoutes } from './platform.routes.js';
export { ensureFirstAdmin, createUser } from './users.service.js';
export { usersRepository } from './platform.repository.js';
export { notify, type Notice } from './notifications.service.js';
export { notificationsRoutes } from './notifications.routes.js';
export { registerOwnAccount, type OwnAccount } from './self-registration.js';

/** An account by email (case as stored: lower). */
export const accountByEmail = (db: Queryable, email: string) => usersRepository.byEmail(db, email);
/** The role grants an account holds, with their areas' paths. */
export const grantsOf = (db: Queryable, userId: string) => usersRepository.grantsOf(db, userId);
