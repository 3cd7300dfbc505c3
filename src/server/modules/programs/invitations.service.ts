import { v7 as uuidv7 } from 'uuid';
import { inTransaction, type Ctx, type Grant, type TxCtx } from '../../http/context.js';
import { invalid, notFound } from '../../http/errors.js';
import { areaPath, getArea } from '../geography/index.js';
import {
  authorize,
  can,
  grantsOf,
  openInvitedAccount,
  programTarget,
  recordAudit,
  type Target,
} from '../platform/index.js';
import { invitationPolicy, invitingAction, programPolicy } from './programs.policy.js';
import { assertGroupFitsRole } from './programs.service.js';
import { programsRepository } from './programs.repository.js';
import type { InvitationAnswer, InvitePersonBody } from './programs.schemas.js';

/**
 * Brings a person into a program: their account (opened when neither their email nor their phone
 * number has one) and one role at one place, in one transaction. The inviter may do it only where
 * their own grants reach (`invitationPolicy`). The answer carries the link to hand over for an
 * account that has no password yet, and nothing more about an account that exists.
 */
export async function invitePerson(ctx: Ctx, programId: string, input: InvitePersonBody): Promise<InvitationAnswer> {
  authorize(ctx.actor, programPolicy, 'read', programTarget(programId));
  assertGroupFitsRole(input.role, input.groupId);
  const program = await programsRepository.byId(ctx.db, programId);
  if (!program) throw notFound('Program');
  const place = await placeOf(ctx, programId, program.country, input);
  authorize(ctx.actor, invitationPolicy, invitingAction(input.role), place);
  return inTransaction(ctx, async (tx) => {
    const { accountId, invitation } = await openInvitedAccount(
      tx,
      { name: input.name, email: input.email ?? null, phone: input.phone ?? null, locale: input.locale },
      (id) => mayReissue(tx, id),
    );
    const grant = { areaCode: input.areaCode ?? null, groupId: input.groupId ?? null };
    const added = await programsRepository.insertGrantIfNew(tx.db, {
      id: uuidv7(),
      programId,
      userId: accountId,
      role: input.role,
      ...grant,
    });
    if (added)
      await recordAudit(tx.db, tx, {
        action: 'role.grant',
        entity: 'role_grant',
        entityId: added.id,
        after: { programId, userId: accountId, role: input.role, ...grant },
      });
    return { userId: accountId, role: input.role, ...grant, invitation };
  });
}

/** Where the role will hold, as a policy target; a group or an area must be the program's own. */
async function placeOf(ctx: Ctx, programId: string, country: string, input: InvitePersonBody): Promise<Target> {
  if (input.groupId) {
    const path = (await programsRepository.groupPaths(ctx.db, programId, [input.groupId])).get(input.groupId);
    if (!path)
      throw invalid([{ path: 'groupId', code: 'unknown_reference', message: 'no such group in this program' }]);
    return { programId, areaPath: path, groupId: input.groupId };
  }
  if (input.areaCode) {
    const area = await getArea(ctx, input.areaCode).catch(() => undefined);
    const path = area && (await areaPath(ctx.db, input.areaCode));
    if (!area || !path) throw invalid([{ path: 'areaCode', code: 'unknown_reference', message: 'no such area' }]);
    if (area.country !== country)
      throw invalid([
        {
          path: 'areaCode',
          code: 'not_in_country',
          params: { country },
          message: `is not an area of the program's country (${country})`,
        },
      ]);
    return { programId, areaPath: path };
  }
  return programTarget(programId);
}

/**
 * Whether the inviter may replace the link of an account that never set its password: only when
 * they could have brought it in with every role it holds. Else a facilitator could take over,
 * through a new link, an invited account that another program made a manager.
 */
async function mayReissue(tx: TxCtx, accountId: string): Promise<boolean> {
  const grants = await grantsOf(tx.db, accountId);
  const paths = new Map<string, Map<string, string>>();
  for (const programId of new Set(grants.map((g) => g.programId))) {
    const ids = grants.filter((g) => g.programId === programId && g.groupId).map((g) => g.groupId!);
    paths.set(programId, await programsRepository.groupPaths(tx.db, programId, ids));
  }
  return grants.every((g) => {
    const target = targetOfGrant(g, paths.get(g.programId)!);
    return target !== null && can(tx.actor, invitationPolicy, invitingAction(g.role), target);
  });
}

function targetOfGrant(g: Grant, groupPaths: Map<string, string>): Target | null {
  if (g.groupId) {
    const path = groupPaths.get(g.groupId);
    return path ? { programId: g.programId, areaPath: path, groupId: g.groupId } : null;
  }
  if (g.areaCode) return g.areaPath ? { programId: g.programId, areaPath: g.areaPath } : null;
  return programTarget(g.programId);
}
