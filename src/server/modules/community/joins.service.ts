import { v7 as uuidv7 } from 'uuid';
import { anonymous, inTransaction, type Actor, type Ctx } from '../../http/context.js';
import { conflict, invalid, notFound } from '../../http/errors.js';
import { decodeCursor, toPage } from '../../http/pagination.js';
import type {
  CommunityRulesAnswer,
  CommunityRulesBody,
  JoinAnswer,
  JoinBody,
  JoinsQuery,
} from '../../../shared/schemas/community.js';
import { areaPath } from '../geography/index.js';
import {
  abilities,
  authorize,
  openInvitedAccount,
  programTarget,
  recordAudit,
  requireUser,
  scopeOf,
  throttlePublicForm,
} from '../platform/index.js';
import { communityProgramPolicy, joinPolicy } from './community.policy.js';
import { ensureSpaces } from './spaces.service.js';
import { joinsRepository, rulesRepository, type JoinRow, type RulesRow } from './joins.repository.js';

const joinTarget = (row: Pick<JoinRow, 'program_id' | 'area_path'>) => ({
  programId: row.program_id,
  areaPath: row.area_path,
});

const presentRules = (row: RulesRow): CommunityRulesAnswer => ({
  programId: row.program_id,
  version: row.version,
  text: row.text,
  createdAt: row.created_at.toISOString(),
});

export function presentJoin(actor: Actor, row: JoinRow): JoinAnswer {
  return {
    id: row.id,
    programId: row.program_id,
    name: row.name,
    phone: row.phone,
    email: row.email,
    area: { code: row.area_code, name: row.area_name },
    business: row.business,
    topics: row.topics,
    locale: row.locale,
    rulesVersion: row.rules_version,
    linkConsent: row.link_consent,
    sex: row.sex,
    status: row.status,
    decidedAt: row.decided_at?.toISOString() ?? null,
    userId: row.user_id,
    createdAt: row.created_at.toISOString(),
    abilities: abilities(actor, joinPolicy, joinTarget(row)),
  };
}

/** The rules in force, public: the join page shows them and sends back their version. 404 while the program has none. */
export async function currentRules(ctx: Ctx, programId: string): Promise<CommunityRulesAnswer> {
  const row = await rulesRepository.current(ctx.db, programId);
  if (!row) throw notFound('Community');
  return presentRules(row);
}

/** A new version of the rules; joiners from now on consent to it. */
export async function writeRules(
  ctx: Ctx,
  programId: string,
  input: CommunityRulesBody,
): Promise<CommunityRulesAnswer> {
  const user = authorize(ctx.actor, communityProgramPolicy, 'writeRules', programTarget(programId));
  return inTransaction(ctx, async (tx) => {
    const row = await rulesRepository.insertNext(tx.db, programId, input.text, user.id);
    const rules = presentRules(row);
    await recordAudit(tx.db, tx, { action: 'community.rules', entity: 'program', entityId: programId, after: rules });
    return rules;
  });
}

/**
 * A request to join from the public page, throttled per client address like sign-up. Nothing is
 * written unless every field holds: the village must be a known area and the consent must be to
 * the rules in force (a page showing an older text is told so, field by field).
 */
export async function requestToJoin(
  ctx: Ctx,
  programId: string,
  input: JoinBody,
  ip: string,
): Promise<{ id: string; status: 'pending' }> {
  await throttlePublicForm(ctx, 'community-join', ip);
  return inTransaction({ ...ctx, actor: anonymous }, async (tx) => {
    const rules = await rulesRepository.current(tx.db, programId);
    if (!rules) throw notFound('Community');
    const path = await areaPath(tx.db, input.areaCode);
    const errors = [];
    if (path === undefined)
      errors.push({ path: 'areaCode', code: 'unknown_reference' as const, message: 'no such area' });
    if (input.rulesVersion !== rules.version)
      errors.push({
        path: 'rulesVersion',
        code: 'rules_outdated' as const,
        message: 'the rules have changed: read them again',
      });
    if (errors.length > 0 || path === undefined) throw invalid(errors);
    const id = uuidv7();
    await joinsRepository.insert(tx.db, {
      id,
      program_id: programId,
      name: input.name,
      phone: input.phone ?? null,
      email: input.email ?? null,
      area_code: input.areaCode,
      area_path: path,
      business: input.business,
      topics: input.topics,
      locale: input.locale,
      rules_version: rules.version,
      link_consent: input.linkConsent,
      sex: input.sex ?? null,
    });
    await recordAudit(tx.db, tx, {
      action: 'community.join.request',
      entity: 'community_join',
      entityId: id,
      after: { programId, areaCode: input.areaCode, rulesVersion: rules.version },
    });
    return { id, status: 'pending' as const };
  });
}

/** The requests a manager may decide, in their scope (a community manager of one province sees none of another's). */
export async function listJoins(ctx: Ctx, programId: string, query: JoinsQuery) {
  requireUser(ctx.actor);
  const after = decodeCursor(query.cursor, 2) as [string, string] | null;
  const rows = await joinsRepository.list(ctx.db, {
    programId,
    status: query.status,
    scope: scopeOf(ctx.actor, joinPolicy, 'read', { program: 'j.program_id', path: 'j.area_path', group: null }),
    after,
    limit: query.limit,
  });
  return toPage(
    rows,
    query.limit,
    (r) => presentJoin(ctx.actor, r),
    (r) => [r.created_at.toISOString(), r.id],
  );
}

/**
 * Welcomes or declines a pending request, once. A welcome opens the person's account through the
 * platform's invitation (or finds the account their email or phone already has) and answers the
 * link they set their password with; a decline opens nothing, so a declined joiner cannot sign in.
 */
export async function decideJoin(ctx: Ctx, id: string, decision: 'welcome' | 'decline') {
  return inTransaction(ctx, async (tx) => {
    await joinsRepository.lock(tx.db, id);
    const row = await joinsRepository.byId(tx.db, id);
    if (!row) throw notFound('Join request');
    const user = authorize(tx.actor, joinPolicy, 'decide', joinTarget(row));
    if (row.status !== 'pending')
      throw conflict('This request was decided already.', { current: presentJoin(tx.actor, row) });
    let invitation = null;
    let userId: string | null = null;
    if (decision === 'welcome') {
      const opened = await openInvitedAccount(
        tx,
        { name: row.name, email: row.email, phone: row.phone, locale: row.locale },
        async () => true,
      );
      userId = opened.accountId;
      invitation = opened.invitation;
      // The spaces a member is in from the first day: the topics, and their province and regency.
      await ensureSpaces(tx.db, row.program_id, row.area_path);
    }
    const status = decision === 'welcome' ? 'welcomed' : 'declined';
    await joinsRepository.decide(tx.db, id, { status, by: user.id, at: tx.clock.now(), userId });
    const after = await joinsRepository.byId(tx.db, id);
    const join = presentJoin(tx.actor, after!);
    await recordAudit(tx.db, tx, {
      action: `community.join.${decision}`,
      entity: 'community_join',
      entityId: id,
      before: { status: row.status },
      after: { status, userId },
    });
    return { join, invitation };
  });
}
