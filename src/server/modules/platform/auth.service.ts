import { createHash, randomBytes } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import type { Database } from '../../db/database.js';
import { inTransaction, type Actor, type Ctx, type Grant, type UserActor } from '../../http/context.js';
import { forbidden, notFound, unauthorized } from '../../http/errors.js';
import { requireUser } from './access.js';
import { recordAudit } from './audit.js';
import { presentToken } from './credentials.js';
import { dummyPasswordHash, verifyPassword } from './passwords.js';
import { normalizePhone } from '../../../shared/phone.js';
import { menuOf } from './platform.policy.js';
import { countFailure, refuseWhileLocked, type ThrottleRule } from './throttle.js';
import {
  placeNames,
  sessionsRepository,
  throttleRepository,
  tokensRepository,
  usersRepository,
  type UserRow,
} from './platform.repository.js';
import type { CreateTokenBody, MeAnswer, SignInBody } from './platform.schemas.js';
import { presentUser } from './users.service.js';

export const SESSION_COOKIE = 'ovop_session';
export const SESSION_DAYS = 30;
const TOKEN_PREFIX = 'ovop_';

/**
 * Sign-in throttling by account AND address, so that a stranger cannot lock anyone out
 * (issue 12): only the address that fails is refused, never the account itself.
 * - One account from one address: `perPair` failures lock that pair for `lockSeconds`, doubled at
 *   each failure after a lock ends (at most `maxLockSeconds`). The owner elsewhere is not touched.
 * - One address across accounts: `perIp` failures lock the address for every account, growing alike.
 * - One account across addresses: past `perAccount` failures, each address is locked after its first
 *   failure on that account. That slows a guesser with many addresses, yet the right password from
 *   an address that has not failed is never refused.
 * A successful sign-in forgets its pair's failures; all counts fade after `windowSeconds` of quiet.
 */
export const THROTTLE = {
  windowSeconds: 15 * 60,
  perPair: 5,
  perIp: 30,
  perAccount: 20,
  lockSeconds: 60,
  maxLockSeconds: 60 * 60,
} as const;
const rule = (limit: number): ThrottleRule => ({ ...THROTTLE, limit });

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
const newSecret = () => randomBytes(32).toString('base64url');

/** The account a sign-in names, by email or by phone number (as written: `0812…` is `+62812…`). */
async function accountNamed(ctx: Ctx, input: SignInBody): Promise<{ login: string; user: UserRow | undefined }> {
  if (input.email !== undefined) {
    const login = input.email.toLowerCase();
    return { login, user: await usersRepository.byEmail(ctx.db, login) };
  }
  const phone = normalizePhone(input.phone ?? '');
  // A number that cannot be one is throttled by what was typed, and finds no account.
  return { login: phone ?? input.phone ?? '', user: phone ? await usersRepository.byPhone(ctx.db, phone) : undefined };
}

export async function signIn(ctx: Ctx, input: SignInBody, ip: string) {
  const { login, user } = await accountNamed(ctx, input);
  const keys = { pair: `pair:${ip}:${login}`, ip: `ip:${ip}`, account: `account:${login}` };
  const now = ctx.clock.now();
  await refuseWhileLocked(ctx.db, [keys.pair, keys.ip], now);

  // An invited account that has not set its password yet cannot sign in; it takes as long to refuse.
  const hash = user?.password_hash ?? (await dummyPasswordHash());
  const ok = (await verifyPassword(hash, input.password)) && !!user?.password_hash;
  if (!user || !ok || user.disabled_at) {
    await inTransaction(ctx, async (tx) => {
      const accountFailures = await countFailure(tx.db, keys.account, rule(Infinity), now);
      const pairLimit = accountFailures > THROTTLE.perAccount ? 1 : THROTTLE.perPair;
      await countFailure(tx.db, keys.pair, rule(pairLimit), now);
      await countFailure(tx.db, keys.ip, rule(THROTTLE.perIp), now);
    });
    throw unauthorized('The email or phone number, or the password, is wrong.', { code: 'wrong-credentials' });
  }
  const secret = newSecret();
  const expiresAt = new Date(ctx.clock.now().getTime() + SESSION_DAYS * 86_400_000);
  await inTransaction(ctx, async (tx) => {
    await throttleRepository.clear(tx.db, keys.pair);
    await sessionsRepository.insert(tx.db, sha256(secret), user.id, expiresAt);
    const actor = await actorFor(tx.db, user, 'session');
    await recordAudit(
      tx.db,
      { actor, requestId: tx.requestId },
      {
        action: 'auth.sign_in',
        entity: 'user',
        entityId: user.id,
      },
    );
  });
  return { secret, expiresAt, user: presentUser(user) };
}

export async function signOut(ctx: Ctx, sessionSecret: string | undefined): Promise<void> {
  if (!sessionSecret) return;
  await inTransaction(ctx, async (tx) => {
    await sessionsRepository.delete(tx.db, sha256(sessionSecret));
    if (tx.actor.kind === 'user') {
      await recordAudit(tx.db, tx, { action: 'auth.sign_out', entity: 'user', entityId: tx.actor.id });
    }
  });
}

/**
 * Who is calling: a session cookie or a bearer token, else anonymous. A bad credential is a 401.
 * `now` is the app's clock, the one that set the session's expiry.
 */
export async function resolveActor(
  db: Database,
  credentials: { sessionSecret?: string | undefined; bearer?: string | undefined },
  now: Date,
): Promise<Actor> {
  if (credentials.bearer !== undefined) {
    const user = credentials.bearer.startsWith(TOKEN_PREFIX)
      ? await tokensRepository.userOf(db, sha256(credentials.bearer), now)
      : undefined;
    if (!user) throw unauthorized('The API token is unknown, expired or revoked.', { code: 'token-unknown' });
    return actorFor(db, user, 'token');
  }
  if (credentials.sessionSecret !== undefined) {
    const user = await sessionsRepository.userOf(db, sha256(credentials.sessionSecret), now);
    // An expired cookie is simply no session: public pages keep working.
    if (user) return actorFor(db, user, 'session');
  }
  return { kind: 'anonymous' };
}

/**
 * The account a signed file link was made for, as it stands now: its current grants (a revoked
 * role no longer counts), or undefined when the account is disabled or gone.
 */
export async function actorOfAccount(db: Pick<Database, 'query'>, id: string): Promise<UserActor | undefined> {
  const user = await usersRepository.byId(db, id);
  return user && user.disabled_at === null ? actorFor(db, user, 'link') : undefined;
}

async function actorFor(
  db: Pick<Database, 'query'>,
  user: UserRow & { grants?: Grant[] },
  via: UserActor['via'],
): Promise<UserActor> {
  return {
    kind: 'user',
    id: user.id,
    email: user.email,
    name: user.name,
    locale: user.locale,
    isAdmin: user.is_admin,
    grants: user.grants ?? (await usersRepository.grantsOf(db, user.id)),
    via,
  };
}

export async function me(ctx: Ctx): Promise<MeAnswer> {
  const user = requireUser(ctx.actor);
  const names = await placeNames(
    ctx.db,
    user.grants.flatMap((g) => (g.areaCode ? [g.areaCode] : [])),
    user.grants.flatMap((g) => (g.groupId ? [g.groupId] : [])),
  );
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    locale: user.locale,
    isAdmin: user.isAdmin,
    roles: user.grants.map((g) => ({
      id: g.id,
      role: g.role,
      programId: g.programId,
      areaCode: g.areaCode,
      areaName: g.areaCode ? (names.areas.get(g.areaCode) ?? null) : null,
      groupId: g.groupId,
      groupName: g.groupId ? (names.groups.get(g.groupId) ?? null) : null,
    })),
    ...menuOf(user, await usersRepository.isBuyer(ctx.db, user.id)),
  };
}

/** A personal API token: shown once in full, stored only as its SHA-256. */
export async function createToken(ctx: Ctx, input: CreateTokenBody) {
  const user = requireUser(ctx.actor);
  if (user.via === 'token')
    throw forbidden('A token cannot create tokens; sign in.', { code: 'token-cannot-create-tokens' });
  const token = `${TOKEN_PREFIX}${newSecret()}`;
  const expiresAt = input.expiresInDays ? new Date(ctx.clock.now().getTime() + input.expiresInDays * 86_400_000) : null;
  return inTransaction(ctx, async (tx) => {
    const row = await tokensRepository.insert(tx.db, {
      id: uuidv7(),
      userId: user.id,
      name: input.name,
      tokenHash: sha256(token),
      prefix: token.slice(0, TOKEN_PREFIX.length + 6),
      expiresAt,
    });
    const presented = presentToken(row);
    await recordAudit(tx.db, tx, { action: 'token.create', entity: 'api_token', entityId: row.id, after: presented });
    return { ...presented, token };
  });
}

export async function listTokens(ctx: Ctx) {
  const user = requireUser(ctx.actor);
  return (await tokensRepository.listForUser(ctx.db, user.id)).map(presentToken);
}

export async function revokeToken(ctx: Ctx, id: string): Promise<void> {
  const user = requireUser(ctx.actor);
  await inTransaction(ctx, async (tx) => {
    const row = await tokensRepository.byIdForUser(tx.db, id, user.id);
    if (!row) throw notFound('Token');
    await tokensRepository.revoke(tx.db, id);
    await recordAudit(tx.db, tx, {
      action: 'token.revoke',
      entity: 'api_token',
      entityId: id,
      before: presentToken(row),
    });
  });
}
