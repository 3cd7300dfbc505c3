import { randomBytes } from 'node:crypto';
import { lockRow } from '../../db/sql.js';
import { v7 as uuidv7 } from 'uuid';
import { ConfigError } from '../../config.js';
import type { Database } from '../../db/database.js';
import { systemActor, type Ctx } from '../../http/context.js';
import { conflict, forbidden, invalid, notFound } from '../../http/errors.js';
import { decodeCursor, toPage } from '../../http/pagination.js';
import { assertVersion } from '../../http/versioning.js';
import { isAdmin, requireUser } from './access.js';
import { recordAudit } from './audit.js';
import { hashPassword, passwordWeakness, verifyPassword } from './passwords.js';
import { sessionsRepository, usersRepository, type UserRow } from './platform.repository.js';
import { assertMayCreateUser, assertMayListUsers, assertMayPatchUser, managedProgramIds } from './platform.policy.js';
import type { CreateUserBody, ListUsersQuery, PatchUserBody } from './platform.schemas.js';

/** The password hash never leaves this module. */
export function presentUser(row: UserRow) {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    locale: row.locale,
    isAdmin: row.is_admin,
    disabled: row.disabled_at !== null,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
export type PresentedUser = ReturnType<typeof presentUser>;

function assertStrong(password: string, email: string, name: string): void {
  const weakness = passwordWeakness(password, [email, name]);
  if (weakness) throw invalid([{ path: 'password', message: weakness }]);
}

export async function createUser(ctx: Ctx, input: CreateUserBody): Promise<{ user: PresentedUser; created: boolean }> {
  assertMayCreateUser(ctx.actor, input.isAdmin);
  assertStrong(input.password, input.email, input.name);
  const passwordHash = await hashPassword(input.password);
  return ctx.db.transaction(async (tx) => {
    if (input.id) {
      const existing = await usersRepository.byId(tx, input.id);
      if (existing) {
        const same = existing.email === input.email && existing.name === input.name && existing.locale === input.locale;
        if (!same) throw conflict('Another user already has this id.');
        return { user: presentUser(existing), created: false };
      }
    }
    if (await usersRepository.byEmail(tx, input.email)) {
      throw conflict('An account with this email already exists.', {
        errors: [{ path: 'email', message: 'is taken' }],
      });
    }
    const row = await usersRepository.insert(tx, {
      id: input.id ?? uuidv7(),
      email: input.email,
      name: input.name,
      passwordHash,
      locale: input.locale,
      isAdmin: input.isAdmin,
    });
    const user = presentUser(row);
    await recordAudit(tx, ctx, { action: 'user.create', entity: 'user', entityId: row.id, after: user });
    return { user, created: true };
  });
}

export async function listUsers(ctx: Ctx, query: ListUsersQuery) {
  assertMayListUsers(ctx.actor);
  const after = decodeCursor(query.cursor, 1)?.[0] ?? null;
  const rows = await usersRepository.list(ctx.db, {
    programIds: isAdmin(ctx.actor) ? null : managedProgramIds(ctx.actor),
    email: query.email,
    after,
    limit: query.limit,
  });
  return toPage(rows, query.limit, presentUser, (r) => [r.email.toLowerCase()]);
}

export async function getUser(ctx: Ctx, id: string): Promise<PresentedUser> {
  const actor = requireUser(ctx.actor);
  const row = await usersRepository.byId(ctx.db, id);
  if (!row) throw notFound('User');
  if (actor.id === id || isAdmin(actor)) return presentUser(row);
  const visible = await usersRepository.list(ctx.db, {
    programIds: managedProgramIds(actor),
    email: row.email,
    after: null,
    limit: 1,
  });
  if (visible.length === 0) throw forbidden();
  return presentUser(row);
}

export async function patchUser(ctx: Ctx, id: string, base: number, input: PatchUserBody): Promise<PresentedUser> {
  assertMayPatchUser(ctx.actor, id, input);
  const actor = requireUser(ctx.actor);
  return ctx.db.transaction(async (tx) => {
    await lockRow(tx, 'users', id);
    const current = await usersRepository.byId(tx, id);
    if (!current) throw notFound('User');
    assertVersion(current, base, () => presentUser(current));
    const changes: Parameters<typeof usersRepository.update>[2] = {};
    if (input.name !== undefined) changes.name = input.name;
    if (input.locale !== undefined) changes.locale = input.locale;
    if (input.isAdmin !== undefined) changes.is_admin = input.isAdmin;
    if (input.disabled !== undefined) changes.disabled_at = input.disabled ? new Date() : null;
    if (input.password !== undefined) {
      if (actor.id === id && !(await verifyPassword(current.password_hash, input.currentPassword ?? ''))) {
        throw invalid([{ path: 'currentPassword', message: 'is wrong' }]);
      }
      assertStrong(input.password, current.email, input.name ?? current.name);
      changes.password_hash = await hashPassword(input.password);
    }
    if (Object.keys(changes).length === 0) return presentUser(current);
    const row = await usersRepository.update(tx, id, changes);
    // A new password or a disabled account ends every open session of that account.
    if (changes.password_hash || input.disabled) await sessionsRepository.deleteForUser(tx, id);
    const after = presentUser(row);
    await recordAudit(tx, ctx, {
      action: changes.password_hash ? 'user.update_password' : 'user.update',
      entity: 'user',
      entityId: id,
      before: presentUser(current),
      after,
    });
    return after;
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
  const weakness = passwordWeakness(password, [email]);
  if (weakness) throw new ConfigError(`Invalid configuration:\n  OVOP_ADMIN_PASSWORD: ${weakness}`);
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
