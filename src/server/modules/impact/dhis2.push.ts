import { randomUUID } from 'node:crypto';
import { inTransaction, type Ctx } from '../../http/context.js';
import { invalid, ruleBroken } from '../../http/errors.js';
import { assertVersion } from '../../http/versioning.js';
import type { Dhis2PushAnswer, Dhis2ServerAnswer, Dhis2ServerBody } from '../../../shared/schemas/dhis2.js';
import { authorize, programTarget, recordAudit } from '../platform/index.js';
import { postDataValueSet } from './dhis2.client.js';
import { dhis2Policy } from './dhis2.policy.js';
import { dhis2Repository as repo, type Dhis2SettingsRow, type PushRow } from './dhis2.repository.js';
import { buildDataValueSet, requireProgram } from './dhis2.service.js';

/** A program's DHIS2 server (its secret stored encrypted, never answered), the push and its history. */

const presentServer = (programId: string, row: Dhis2SettingsRow | undefined): Dhis2ServerAnswer => ({
  programId,
  baseUrl: row?.base_url ?? null,
  auth: row?.auth ?? 'basic',
  username: row?.username ?? '',
  hasSecret: !!row?.secret_encrypted,
  timeoutSeconds: row?.timeout_seconds ?? 30,
  version: row?.version ?? 1,
});

export async function getDhis2Server(ctx: Ctx, programId: string): Promise<Dhis2ServerAnswer> {
  authorize(ctx.actor, dhis2Policy, 'read', programTarget(programId));
  await requireProgram(ctx, programId);
  return presentServer(programId, await repo.settings(ctx.db, programId));
}

/**
 * Sets the program's DHIS2 server. The secret is stored encrypted and never answered; left out, the
 * stored one is kept — but only for the same address, account and way of signing in, so nobody
 * can point the program's stored password at another server.
 */
export async function putDhis2Server(ctx: Ctx, programId: string, body: Dhis2ServerBody): Promise<Dhis2ServerAnswer> {
  authorize(ctx.actor, dhis2Policy, 'manage', programTarget(programId));
  await requireProgram(ctx, programId);
  if (body.auth === 'basic' && !body.username) {
    throw invalid([{ path: 'username', code: 'required', message: 'basic authentication needs a username' }]);
  }
  return inTransaction(ctx, async (tx) => {
    const current = await repo.settings(tx.db, programId, true);
    if (body.version !== undefined) {
      assertVersion({ version: current?.version ?? 1 }, body.version, () => presentServer(programId, current));
    }
    const sameAccount =
      current?.base_url === body.baseUrl && current.auth === body.auth && current.username === body.username;
    if (body.secret === undefined && !(sameAccount && current?.secret_encrypted)) {
      throw invalid([
        { path: 'secret', code: 'secret_needed', message: 'a new address or account needs its password or token' },
      ]);
    }
    await repo.saveServer(tx.db, programId, {
      base_url: body.baseUrl,
      auth: body.auth,
      username: body.username,
      secret_encrypted: body.secret === undefined ? current!.secret_encrypted : ctx.cipher.encrypt(body.secret),
      timeout_seconds: body.timeoutSeconds,
    });
    await recordAudit(tx.db, tx, {
      action: 'dhis2.server',
      entity: 'program',
      entityId: programId,
      before: current ? presentServer(programId, current) : undefined,
      after: { baseUrl: body.baseUrl, auth: body.auth, username: body.username, secretChanged: !!body.secret },
    });
    return presentServer(programId, await repo.settings(tx.db, programId));
  });
}

/** The stored password or token; one stored under another OVOP_SECRET cannot be read and must be entered again. */
function storedSecret(ctx: Ctx, encrypted: string): string {
  try {
    return ctx.cipher.decrypt(encrypted);
  } catch {
    throw ruleBroken('dhis2-not-configured', 'The stored DHIS2 password or token cannot be read; enter it again.');
  }
}

const presentPush = (row: PushRow): Dhis2PushAnswer => ({
  id: row.id,
  pushedAt: new Date(row.pushed_at).toISOString(),
  pushedBy: { id: row.pushed_by, name: row.pushed_by_name },
  period: row.period,
  dataValues: row.data_values,
  status: row.status,
  importCount: { imported: row.imported, updated: row.updated, ignored: row.ignored, deleted: row.deleted },
  conflicts: row.conflicts,
  description: row.description,
});

/**
 * Sends the period's values to the program's DHIS2 and records DHIS2's answer. The request goes
 * out with no transaction open; only an answered push is recorded, in one insert afterwards — a
 * DHIS2 that is down, refuses us or answers something else leaves no trace but the problem.
 */
export async function pushToDhis2(ctx: Ctx, programId: string, periodText: string): Promise<Dhis2PushAnswer> {
  const actor = authorize(ctx.actor, dhis2Policy, 'manage', programTarget(programId));
  await requireProgram(ctx, programId);
  const settings = await repo.settings(ctx.db, programId);
  if (!settings?.base_url || !settings.secret_encrypted) {
    throw ruleBroken('dhis2-not-configured', 'Set the program’s DHIS2 server first.');
  }
  const payload = await buildDataValueSet(ctx, programId, periodText);
  const summary = await postDataValueSet(
    {
      baseUrl: settings.base_url,
      auth: settings.auth,
      username: settings.username,
      secret: storedSecret(ctx, settings.secret_encrypted),
      timeoutSeconds: settings.timeout_seconds,
    },
    payload,
  );
  const push = {
    id: randomUUID(),
    program_id: programId,
    pushed_at: ctx.clock.now().toISOString(),
    pushed_by: actor.id,
    pushed_by_name: actor.name,
    period: payload.period,
    data_values: payload.dataValues.length,
    status: summary.status,
    ...summary.importCount,
    conflicts: summary.conflicts,
    description: summary.description,
  };
  await inTransaction(ctx, async (tx) => {
    await repo.insertPush(tx.db, push);
    await recordAudit(tx.db, tx, {
      action: 'dhis2.push',
      entity: 'program',
      entityId: programId,
      after: { period: push.period, status: push.status, ...summary.importCount },
    });
  });
  return presentPush({ ...push, pushed_at: new Date(push.pushed_at) });
}

export async function listDhis2Pushes(ctx: Ctx, programId: string) {
  authorize(ctx.actor, dhis2Policy, 'read', programTarget(programId));
  return { items: (await repo.pushes(ctx.db, programId)).map(presentPush) };
}
