import { randomBytes } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { ConfigError } from '../../config.js';
import type { Database } from '../../db/database.js';
import { lockRow } from '../../db/sql.js';
import { inTransaction, systemActor, type Actor, type Ctx } from '../../http/context.js';
import { createOnce, type Created } from '../../http/create-once.js';
import { conflict, forbidden, invalid, notFound } from '../../http/errors.js';
import { decodeCursor, toPage } from '../../http/pagination.js';
import { assertVersion } from '../../http/versioning.js';
import { requireUser } from './access.js';
import { recordAudit } from './audit.js';
import { endCredentialsOf } from './credentials.js';
import { abilities, can, scopeOf } from './authorize.js';
import { hashPassword, passwordWeakness, verifyPassword } from './passwords.js';
import { ACCOUNT_SCOPE, usersRepository, type AccountRow, type UserRow } from './platform.repository.js';
import { accountPolicy, accountSeenBy, accountTarget, mayInSomeProgram } from './platform.policy.js';
import type { CreateUserBody, ListUsersQuery, PatchUserBody, UserAnswer } from './platform.schemas.js';

/** An account's facts (what the audit log keeps); the password hash never leaves this module. */
export function presentUser(row: UserRow) {
  return {
    id: row.id,
    email: row.email,
    phone: row.phone,
    name: row.name,
    invited: row.password_hash === null,
    locale: row.locale,
    isAdmin: row.is_admin,
    disabled: row.disabled_at !== null,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
export type PresentedUser = ReturnType<typeof presentUser>;

/** An account as the actor gets it: its facts and what they may do with it. */
export function answerUser(actor: Actor, row: AccountRow): UserAnswer {
  const { read, update, administer } = abilities(actor, accountPolicy, accountSeenBy(actor, row.id, row.program_ids));
  return { ...presentUser(row), abilities: { read, update, administer } };
}

const mayRead = (actor: Actor, row: AccountRow) =>
  can(actor, accountPolicy, 'read', accountSeenBy(actor, row.id, row.program_ids));

/**
 * Accounts answer 403, not 404, to those who may not see them (as they always have): account ids
 * appear beside records in every program, so an account's existence is no secret of a scope.
 */
function refuseUnless(allowed: boolean, detail: string): void {
  if (!allowed) throw forbidden(detail);
}

export async function assertStrong(password: string, ...personal: (string | null)[]): Promise<void> {
  const weakness = await passwordWeakness(
    password,
    personal.filter((p): p is string => p !== null),
  );
  if (weakness) throw invalid([{ path: 'password', ...weakness }]);
}

export async function createUser(ctx: Ctx, input: CreateUserBody): Promise<Created<UserAnswer>> {
  requireUser(ctx.actor);
  if (input.isAdmin)
    refuseUnless(mayInSomeProgram(ctx.actor, 'createAdmin'), 'Only a platform admin may create an admin.');
  refuseUnless(mayInSomeProgram(ctx.actor, 'create'), 'Only an admin or a program manager may create accounts.');
  await assertStrong(input.password, input.email, input.name);
  const passwordHash = await hashPassword(input.password);
  return inTransaction(ctx, (tx) =>
    createOnce(tx.db, {
      id: input.id,
      find: (id) => usersRepository.byId(tx.db, id),
      visible: (row) => mayRead(tx.actor, row),
      // The password is not compared: only its hash is stored, salted anew on every create.
      stored: (row) => ({ email: row.email, name: row.name, locale: row.locale, isAdmin: row.is_admin }),
      input: { email: input.email, name: input.name, locale: input.locale, isAdmin: input.isAdmin },
      present: (row) => answerUser(tx.actor, row),
      create: async (id) => {
        if (await usersRepository.byEmail(tx.db, input.email)) {
          throw conflict(
            'An account with this email already exists.',
            {
              errors: [{ path: 'email', code: 'taken', message: 'is taken' }],
            },
            { code: 'email-taken' },
          );
        }
        const row = await usersRepository.insert(tx.db, {
          id,
          email: input.email,
          name: input.name,
          passwordHash,
          locale: input.locale,
          isAdmin: input.isAdmin,
        });
        await recordAudit(tx.db, tx, { action: 'user.create', entity: 'user', entityId: id, after: presentUser(row) });
        return answerUser(tx.actor, row);
      },
    }),
  );
}

export async function listUsers(ctx: Ctx, query: ListUsersQuery) {
  requireUser(ctx.actor);
  refuseUnless(mayInSomeProgram(ctx.actor, 'read'), 'Only an admin or a program manager may list accounts.');
  const after = decodeCursor(query.cursor, 1)?.[0] ?? null;
  const rows = await usersRepository.list(ctx.db, {
    scope: scopeOf(ctx.actor, accountPolicy, 'read', ACCOUNT_SCOPE),
    email: query.email,
    q: query.q,
    after,
    limit: query.limit,
  });
  return toPage(
    rows,
    query.limit,
    (row) => answerUser(ctx.actor, row),
    (r) => [r.email?.toLowerCase() ?? r.phone ?? ''],
  );
}

export async function getUser(ctx: Ctx, id: string): Promise<UserAnswer> {
  requireUser(ctx.actor);
  const row = await usersRepository.byId(ctx.db, id);
  if (!row) throw notFound('User');
  refuseUnless(mayRead(ctx.actor, row), 'This account is outside your programs.');
  return answerUser(ctx.actor, row);
}

export async function patchUser(ctx: Ctx, id: string, base: number, input: PatchUserBody): Promise<UserAnswer> {
  const actor = requireUser(ctx.actor);
  const self = accountTarget(id, null);
  refuseUnless(can(actor, accountPolicy, 'update', self), 'You may change only your own account.');
  if (input.isAdmin !== undefined || input.disabled !== undefined)
    refuseUnless(
      can(actor, accountPolicy, 'administer', self),
      'Only a platform admin may change admin rights or disable accounts.',
    );
  return inTransaction(ctx, async (tx) => {
    await lockRow(tx.db, 'users', id);
    const current = await usersRepository.byId(tx.db, id);
    if (!current) throw notFound('User');
    assertVersion(current, base, () => answerUser(actor, current));
    const changes: Parameters<typeof usersRepository.update>[2] = {};
    if (input.name !== undefined) changes.name = input.name;
    if (input.locale !== undefined) changes.locale = input.locale;
    if (input.isAdmin !== undefined) changes.is_admin = input.isAdmin;
    if (input.disabled !== undefined) changes.disabled_at = input.disabled ? tx.clock.now() : null;
    if (input.password !== undefined) {
      const currentOk =
        current.password_hash !== null && (await verifyPassword(current.password_hash, input.currentPassword ?? ''));
      if (actor.id === id && !currentOk) {
        throw invalid([{ path: 'currentPassword', code: 'wrong_password', message: 'is wrong' }]);
      }
      await assertStrong(input.password, current.email, current.phone, input.name ?? current.name);
      changes.password_hash = await hashPassword(input.password);
    }
    if (Object.keys(changes).length === 0) return answerUser(actor, current);
    const row = await usersRepository.update(tx.db, id, changes);
    // A new password or a disabled account ends every session and API token of that account.
    if (changes.password_hash || input.disabled) await endCredentialsOf(tx, id);
    await recordAudit(tx.db, tx, {
      action: changes.password_hash ? 'user.update_password' : 'user.update',
      entity: 'user',
      entityId: id,
      before: presentUser(current),
      after: presentUser(row),
    });
    return answerUser(actor, row);
  });
}

/**
 * The first admin: from OVOP_ADMIN_EMAIL / OVOP_ADMIN_PASSWORD, or with a generated password that
 * is returned once for the console. Does nothing when an admin exists.
 */
export async function ensureFirstAdmin(
  db: Database,
  wanted: { email?: string | undefined; password?: string | undefined },
): Promise<{ email: string; generatedPassword: string | null } | null> {
  if (await usersRepository.adminExists(db)) return null;
  const email = (wanted.email ?? 'admin@ovop.local').toLowerCase();
  const generatedPassword = wanted.password ? null : randomBytes(18).toString('base64url');
  const password = wanted.password ?? generatedPassword!;
  const weakness = await passwordWeakness(password, [email]);
  if (weakness) throw new ConfigError(`Invalid configuration:\n  OVOP_ADMIN_PASSWORD: ${weakness.message}`);
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    const existing = await usersRepository.byEmail(tx, email);
    const row = existing
      ? await usersRepository.update(tx, existing.id, {
          is_admin: true,
          password_hash: passwordHash,
          disabled_at: null,
        })
      : await usersRepository.insert(tx, {
          id: uuidv7(),
          email,
          name: 'Administrator',
          passwordHash,
          locale: 'id',
          isAdmin: true,
        });
    await recordAudit(
      tx,
      { actor: systemActor, requestId: null },
      {
        action: 'user.bootstrap_admin',
        entity: 'user',
        entityId: row.id,
        after: presentUser(row),
      },
    );
  });
  return { email, generatedPassword };
}
