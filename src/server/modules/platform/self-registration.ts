import { v7 as uuidv7 } from 'uuid';
import type { Tx } from '../../db/database.js';
import type { Ctx } from '../../http/context.js';
import { conflict, invalid } from '../../http/errors.js';
import { recordAudit } from './audit.js';
import { hashPassword, passwordWeakness } from './passwords.js';
import { usersRepository } from './platform.repository.js';
import { presentUser, type PresentedUser } from './users.service.js';

export interface OwnAccount {
  email: string;
  name: string;
  password: string;
  locale: string;
}

/**
 * An account a person opens for themselves (a buyer), with the same password rules as accounts
 * staff create. `withAccount` adds what the account is for (a buyer profile) in the same
 * transaction, so a refused profile leaves no orphan account behind.
 */
export async function registerOwnAccount<T>(
  ctx: Ctx,
  input: OwnAccount,
  withAccount: (tx: Tx, user: PresentedUser) => Promise<T>,
): Promise<T> {
  const weakness = passwordWeakness(input.password, [input.email, input.name]);
  if (weakness) throw invalid([{ path: 'password', message: weakness }]);
  const passwordHash = await hashPassword(input.password);
  return ctx.db.transaction(async (tx) => {
    if (await usersRepository.byEmail(tx, input.email)) {
      throw conflict('An account with this email already exists.', {
        errors: [{ path: 'email', message: 'is taken' }],
      });
    }
    const row = await usersRepository.insert(tx, {
      id: uuidv7(),
      email: input.email,
      name: input.name,
      passwordHash,
      locale: input.locale,
      isAdmin: false,
    });
    const user = presentUser(row);
    await recordAudit(
      tx,
      { ...ctx, actor: { kind: 'anonymous' } },
      {
        action: 'user.self_register',
        entity: 'user',
        entityId: row.id,
        after: user,
      },
    );
    return withAccount(tx, user);
  });
}
