import type { Queryable } from '../../db/database.js';
import { likeContaining, query, rawSql, sql, type Sql } from '../../db/sql.js';
import type { Grant, Role } from '../../http/context.js';
import { WHOLE_PROGRAM_PATH, type ScopeColumns } from './authorize.js';

export interface UserRow {
  id: string;
  email: string | null;
  /** E.164, '+62…'. */
  phone: string | null;
  name: string;
  /** Null until an invited person sets their password. */
  password_hash: string | null;
  locale: string;
  is_admin: boolean;
  disabled_at: Date | null;
  version: number;
  created_at: Date;
  updated_at: Date;
}

export interface TokenRow {
  id: string;
  user_id: string;
  name: string;
  prefix: string;
  created_at: Date;
  expires_at: Date | null;
  last_used_at: Date | null;
}

/** An account with the programs it holds a role in: the programs through which others see it. */
export interface AccountRow extends UserRow {
  program_ids: string[];
}

const USER_COLUMNS =
  'id, email, phone, name, password_hash, locale, is_admin, disabled_at, version, created_at, updated_at';
const ACCOUNT_COLUMNS = rawSql(
  `${USER_COLUMNS.split(', ')
    .map((c) => `u.${c}`)
    .join(', ')},
   ARRAY(SELECT DISTINCT g.program_id FROM programs_role_grants g WHERE g.user_id = u.id ORDER BY 1) AS program_ids`,
);

/**
 * The columns of `scopeOf(actor, accountPolicy, …)` in `list`: an account is seen through each
 * program it holds a role in (`seen.program_id`), or through none (a NULL program: its owner, admins).
 */
export const ACCOUNT_SCOPE: ScopeColumns = {
  program: 'seen.program_id',
  path: WHOLE_PROGRAM_PATH,
  group: null,
  owner: 'u.id',
};

/** Accounts are listed by email, those with only a phone by their number. */
const LOGIN_ORDER = rawSql('coalesce(lower(u.email), u.phone)');

/** A user row with their grants as `grantsOf` answers them. */
export type WithGrants<T> = T & { grants: Grant[] };

/** The grants of the user `u` of the same statement, as `grantsOf` orders and names them. */
const GRANTS_OF_U = `(SELECT coalesce(json_agg(json_build_object('id', g.id, 'programId', g.program_id, 'role', g.role,
    'areaCode', g.area_code, 'areaPath', a.path, 'groupId', g.group_id) ORDER BY g.created_at, g.id), '[]'::json)
  FROM programs_role_grants g LEFT JOIN geography_areas a ON a.code = g.area_code WHERE g.user_id = u.id) AS grants`;

export const usersRepository = {
  async byId(db: Queryable, id: string): Promise<AccountRow | undefined> {
    return (await query<AccountRow>(db, sql`SELECT ${ACCOUNT_COLUMNS} FROM users u WHERE u.id = ${id}`))[0];
  },

  async byEmail(db: Queryable, email: string): Promise<UserRow | undefined> {
    const rows = await db.query<UserRow>(`SELECT ${USER_COLUMNS} FROM users WHERE lower(email) = lower($1)`, [email]);
    return rows[0];
  },

  async byPhone(db: Queryable, phone: string): Promise<UserRow | undefined> {
    const rows = await db.query<UserRow>(`SELECT ${USER_COLUMNS} FROM users WHERE phone = $1`, [phone]);
    return rows[0];
  },

  async insert(
    db: Queryable,
    user: {
      id: string;
      email: string | null;
      phone?: string | null;
      name: string;
      passwordHash: string | null;
      locale: string;
      isAdmin: boolean;
    },
  ): Promise<AccountRow> {
    const rows = await db.query<AccountRow>(
      `INSERT INTO users (id, email, phone, name, password_hash, locale, is_admin)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${USER_COLUMNS}, ARRAY[]::uuid[] AS program_ids`,
      [user.id, user.email, user.phone ?? null, user.name, user.passwordHash, user.locale, user.isAdmin],
    );
    return rows[0]!;
  },

  async update(
    db: Queryable,
    id: string,
    changes: Partial<{
      name: string;
      locale: string;
      password_hash: string;
      is_admin: boolean;
      disabled_at: Date | null;
    }>,
  ): Promise<AccountRow> {
    const keys = Object.keys(changes) as (keyof typeof changes)[];
    const sets = keys.map((key, i) => `${key} = $${i + 2}`);
    const rows = await db.query<AccountRow>(
      `WITH u AS (
         UPDATE users SET ${[...sets, 'version = version + 1', 'updated_at = now()'].join(', ')}
         WHERE id = $1 RETURNING *)
       SELECT ${ACCOUNT_COLUMNS.render().text} FROM u`,
      [id, ...keys.map((key) => changes[key])],
    );
    return rows[0]!;
  },

  /** The accounts in `scope` (a condition on `ACCOUNT_SCOPE`'s columns), by email. */
  async list(
    db: Queryable,
    filter: {
      scope: Sql;
      email?: string | undefined;
      q?: string | undefined;
      after: string | null;
      limit: number;
    },
  ): Promise<AccountRow[]> {
    const q = filter.q ? likeContaining(filter.q.toLowerCase()) : null;
    return query<AccountRow>(
      db,
      sql`SELECT ${ACCOUNT_COLUMNS} FROM users u
       WHERE EXISTS (
               SELECT 1 FROM (SELECT NULL::uuid AS program_id
                              UNION ALL SELECT g.program_id FROM programs_role_grants g WHERE g.user_id = u.id) seen
               WHERE ${filter.scope})
         AND (${filter.email ?? null}::text IS NULL OR lower(u.email) = lower(${filter.email ?? null}))
         AND (${q}::text IS NULL OR lower(u.name) LIKE ${q} OR lower(u.email) LIKE ${q} OR u.phone LIKE ${q})
         AND (${filter.after}::text IS NULL OR ${LOGIN_ORDER} > ${filter.after})
       ORDER BY ${LOGIN_ORDER} LIMIT ${filter.limit + 1}`,
    );
  },

  /** Whether the user has a buyer's profile (the market's read model): who sends inquiries and orders. */
  async isBuyer(db: Queryable, userId: string): Promise<boolean> {
    const [row] = await db.query<{ buyer: boolean }>(
      'SELECT EXISTS (SELECT 1 FROM market_buyer_accounts WHERE user_id = $1) AS buyer',
      [userId],
    );
    return row!.buyer;
  },

  async adminExists(db: Queryable): Promise<boolean> {
    const rows = await db.query('SELECT 1 FROM users WHERE is_admin AND disabled_at IS NULL LIMIT 1');
    return rows.length > 0;
  },

  /** The user's grants, oldest first (`GRANTS_OF_U` gives the same beside a session's or token's user). */
  async grantsOf(db: Queryable, userId: string): Promise<Grant[]> {
    const rows = await db.query<{
      id: string;
      program_id: string;
      role: Role;
      area_code: string | null;
      path: string | null;
      group_id: string | null;
    }>(
      `SELECT g.id, g.program_id, g.role, g.area_code, a.path, g.group_id
       FROM programs_role_grants g LEFT JOIN geography_areas a ON a.code = g.area_code
       WHERE g.user_id = $1 ORDER BY g.created_at, g.id`,
      [userId],
    );
    return rows.map((r) => ({
      id: r.id,
      programId: r.program_id,
      role: r.role,
      areaCode: r.area_code,
      areaPath: r.path,
      groupId: r.group_id,
    }));
  },
};

/** The names a person reads beside their roles: each granted area's and group's. */
export async function placeNames(
  db: Queryable,
  areaCodes: string[],
  groupIds: string[],
): Promise<{ areas: Map<string, string>; groups: Map<string, string> }> {
  const areas = areaCodes.length
    ? await db.query<{ code: string; name: string }>('SELECT code, name FROM geography_areas WHERE code = ANY($1)', [
        areaCodes,
      ])
    : [];
  const groups = groupIds.length
    ? await db.query<{ id: string; name: string }>('SELECT id, name FROM registry_groups WHERE id = ANY($1)', [
        groupIds,
      ])
    : [];
  return {
    areas: new Map(areas.map((a) => [a.code, a.name])),
    groups: new Map(groups.map((g) => [g.id, g.name])),
  };
}

export const sessionsRepository = {
  async insert(db: Queryable, idHash: string, userId: string, expiresAt: Date): Promise<void> {
    await db.query('INSERT INTO sessions (id_hash, user_id, expires_at) VALUES ($1, $2, $3)', [
      idHash,
      userId,
      expiresAt,
    ]);
  },

  /** The live session's user with their grants, in one statement (it runs on every request). */
  async userOf(db: Queryable, idHash: string, now: Date): Promise<WithGrants<UserRow> | undefined> {
    const rows = await db.query<WithGrants<UserRow>>(
      `SELECT ${USER_COLUMNS.split(', ')
        .map((c) => `u.${c}`)
        .join(', ')}, ${GRANTS_OF_U}
       FROM sessions s JOIN users u ON u.id = s.user_id
       WHERE s.id_hash = $1 AND s.expires_at > $2 AND u.disabled_at IS NULL`,
      [idHash, now],
    );
    return rows[0];
  },

  async delete(db: Queryable, idHash: string): Promise<void> {
    await db.query('DELETE FROM sessions WHERE id_hash = $1', [idHash]);
  },

  async deleteForUser(db: Queryable, userId: string): Promise<void> {
    await db.query('DELETE FROM sessions WHERE user_id = $1', [userId]);
  },
};

const TOKEN_COLUMNS = 'id, user_id, name, prefix, created_at, expires_at, last_used_at';

export const tokensRepository = {
  async insert(
    db: Queryable,
    token: { id: string; userId: string; name: string; tokenHash: string; prefix: string; expiresAt: Date | null },
  ): Promise<TokenRow> {
    const rows = await db.query<TokenRow>(
      `INSERT INTO api_tokens (id, user_id, name, token_hash, prefix, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${TOKEN_COLUMNS}`,
      [token.id, token.userId, token.name, token.tokenHash, token.prefix, token.expiresAt],
    );
    return rows[0]!;
  },

  async listForUser(db: Queryable, userId: string): Promise<TokenRow[]> {
    return db.query<TokenRow>(
      `SELECT ${TOKEN_COLUMNS} FROM api_tokens WHERE user_id = $1 AND revoked_at IS NULL ORDER BY created_at DESC`,
      [userId],
    );
  },

  async byIdForUser(db: Queryable, id: string, userId: string): Promise<TokenRow | undefined> {
    const rows = await db.query<TokenRow>(
      `SELECT ${TOKEN_COLUMNS} FROM api_tokens WHERE id = $1 AND user_id = $2 AND revoked_at IS NULL`,
      [id, userId],
    );
    return rows[0];
  },

  async revoke(db: Queryable, id: string): Promise<void> {
    await db.query('UPDATE api_tokens SET revoked_at = now() WHERE id = $1', [id]);
  },

  /** Revokes every live token of the user, returning what it revoked. */
  async revokeForUser(db: Queryable, userId: string): Promise<TokenRow[]> {
    return db.query<TokenRow>(
      `UPDATE api_tokens SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL RETURNING ${TOKEN_COLUMNS}`,
      [userId],
    );
  },

  /** The live token's user; also stamps last use (at most once a minute, to spare writes). */
  async userOf(db: Queryable, tokenHash: string, now: Date): Promise<WithGrants<UserRow> | undefined> {
    const rows = await db.query<WithGrants<UserRow> & { token_id: string; last_used_at: Date | null }>(
      `SELECT ${USER_COLUMNS.split(', ')
        .map((c) => `u.${c}`)
        .join(', ')}, ${GRANTS_OF_U}, t.id AS token_id, t.last_used_at
       FROM api_tokens t JOIN users u ON u.id = t.user_id
       WHERE t.token_hash = $1 AND t.revoked_at IS NULL
         AND (t.expires_at IS NULL OR t.expires_at > $2) AND u.disabled_at IS NULL`,
      [tokenHash, now],
    );
    const row = rows[0];
    if (row && (!row.last_used_at || Date.now() - row.last_used_at.getTime() > 60_000)) {
      await db.query('UPDATE api_tokens SET last_used_at = now() WHERE id = $1', [row.token_id]);
    }
    return row;
  },
};

/** Failure counters behind sign-in and sign-up throttling (see `throttle.ts`); times come from the caller's clock. */
export const throttleRepository = {
  async lockedUntil(db: Queryable, keys: string[], now: Date): Promise<Date | null> {
    const rows = await db.query<{ until: Date | null }>(
      'SELECT max(locked_until) AS until FROM sign_in_failures WHERE key = ANY($1::text[]) AND locked_until > $2',
      [keys, now],
    );
    return rows[0]?.until ?? null;
  },

  /**
   * Counts one failure for `key` and answers how many it now holds; the count starts again once
   * `windowSeconds` have passed since both the last failure and the end of the last lock.
   */
  async count(db: Queryable, key: string, now: Date, windowSeconds: number): Promise<number> {
    const [row] = await db.query<{ failures: number }>(
      `INSERT INTO sign_in_failures AS f (key, failures, last_failed_at) VALUES ($1, 1, $2)
       ON CONFLICT (key) DO UPDATE SET
         failures = CASE WHEN greatest(f.last_failed_at, f.locked_until) < $2::timestamptz - make_interval(secs => $3)
                         THEN 1 ELSE f.failures + 1 END,
         last_failed_at = $2
       RETURNING failures`,
      [key, now, windowSeconds],
    );
    return row!.failures;
  },

  async lock(db: Queryable, key: string, until: Date): Promise<void> {
    await db.query('UPDATE sign_in_failures SET locked_until = $2 WHERE key = $1', [key, until]);
  },

  async clear(db: Queryable, key: string): Promise<void> {
    await db.query('DELETE FROM sign_in_failures WHERE key = $1', [key]);
  },
};

export interface InvitationRow {
  id: string;
  user_id: string;
  expires_at: Date;
}

/** Invitation links: only the SHA-256 of a link's secret is kept; one open link per account. */
export const invitationsRepository = {
  /** Replaces the account's open link (if any) with a new one. */
  async replace(
    db: Queryable,
    i: { id: string; userId: string; tokenHash: string; invitedBy: string; expiresAt: Date },
  ): Promise<InvitationRow> {
    await db.query('DELETE FROM invitations WHERE user_id = $1 AND used_at IS NULL', [i.userId]);
    const rows = await db.query<InvitationRow>(
      `INSERT INTO invitations (id, user_id, token_hash, invited_by, expires_at)
       VALUES ($1, $2, $3, $4, $5) RETURNING id, user_id, expires_at`,
      [i.id, i.userId, i.tokenHash, i.invitedBy, i.expiresAt],
    );
    return rows[0]!;
  },

  /** Uses the open, unexpired link with this hash, once: a second use (or a racing one) finds nothing. */
  async use(db: Queryable, tokenHash: string, now: Date): Promise<InvitationRow | undefined> {
    const rows = await db.query<InvitationRow>(
      `UPDATE invitations SET used_at = $2
       WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2
       RETURNING id, user_id, expires_at`,
      [tokenHash, now],
    );
    return rows[0];
  },
};
