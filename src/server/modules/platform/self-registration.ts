import { v7 as uuidv7 } from 'uuid';
import type { Tx } from '../../db/database.js';
import { inTransaction, type Ctx } from '../../http/context.js';
import { conflict, invalid } from '../../http/errors.js';
import { recordAudit } from './audit.js';
import { hashPassword, passwordWeakness } from './passwords.js';
import { usersRepository } from './platform.repository.js';
import { countFailure, refuseWhileLocked } from './throttle.js';
import { presentUser, type PresentedUser } from './users.service.js';

/**
 * Opening accounts is public and hashing a password is deliberately costly, so each client address
 * may try a few times an hour, counted before any hashing (DESIGN §4: 429 when rate limited).
 */
export const REGISTRATION_THROTTLE = { windowSeconds: 60 * 60, perIp: 10 } as const;

async function throttleRegistration(ctx: Ctx, ip: string): Promise<void> {
  const key = `register:${ip}`;
  const now = ctx.clock.now();
  await refuseWhileLocked(ctx.db, [key], now);
  const { windowSeconds, perIp } = REGISTRATION_THROTTLE;
  await countFailure(
    ctx.db,
    key,
    { limit: perIp, windowSeconds, lockSeconds: windowSeconds, maxLockSeconds: windowSeconds },
    now,
  );
}

export interface OwnAccount {
  email: string;
  name: string;
  password: string;
  locale: string;
}

/**
 * An account a person opens for themselves (a buyer), with the same password rules as accounts
 * staff create. `withAccount` adds what the account is for (a buyer profile) in the same
 * transaction, so a refused profile leaves no orphan account behind. The caller is anonymous.
 */
export async function registerOwnAccount<T>(
  ctx: Ctx,
  input: OwnAccount,
  withAccount: (tx: Tx, user: PresentedUser) => Promise<T>,
  ip?: string,
): Promise<T> {
  if (ip !== undefined) await throttleRegistration(ctx, ip);
  const weakness = passwordWeakness(input.password, [input.email, input.name]);
  if (weakness) throw invalid([{ path: 'password', message: weakness }]);
  const passwordHash = await hashPassword(input.password);
  return inTransaction({ ...ctx, actor: { kind: 'anonymous' } }, async (tx) => {
    if (await usersRepository.byEmail(tx.db, input.email)) {
      throw conflict('An account with this email already exists.', {
        errors: [{ path: 'email', message: 'is taken' }],
      });
    }
    const row = await usersRepository.insert(tx.db, {
      id: uuidv7(),
      email: input.email,
      name: input.name,
      passwordHash,
      locale: input.locale,
      isAdmin: false,
    });
    const user = presentUser(row);
    await recordAudit(tx.db, tx, { action: 'user.self_register', entity: 'user', entityId: row.id, after: user });
    return withAccount(tx.db, user);
  });
}
