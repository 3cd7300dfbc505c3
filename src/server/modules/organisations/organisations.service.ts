import { randomUUID } from 'node:crypto';
import { inTransaction, type Ctx } from '../../http/context.js';
import { forbidden, notFound, ruleBroken } from '../../http/errors.js';
import { convertMinor, fromMinor, toMinor } from '../../../shared/money.js';
import type {
  CreateOrganisationBody,
  OrganisationAnswer,
  OrganisationRole,
  RateAnswer,
  RateBody,
  SideBySideAnswer,
  SideBySideQuery,
} from '../../../shared/schemas/organisations.js';
import { listIndicators, periodRange, publicImpactValues } from '../impact/index.js';
import { accountById, recordAudit, requireUser } from '../platform/index.js';
import { programById } from '../programs/index.js';
import { mayEnterRates, mayManageOrganisations, mayReadOrganisation } from './organisations.policy.js';
import {
  organisationsRepository as repository,
  type MemberProgramRow,
  type OrganisationRow,
  type RateRow,
} from './organisations.repository.js';

const adminOnly = () => forbidden('Only a platform admin may do this.', { code: 'admin-only' });

function present(actor: { isAdmin: boolean }, row: OrganisationRow, programs: MemberProgramRow[]): OrganisationAnswer {
  return {
    id: row.id,
    name: row.name,
    reportingCurrency: row.reporting_currency,
    role: row.role,
    programs: programs.map(({ id, code, name, country, currency }) => ({ id, code, name, country, currency })),
    abilities: { enterRates: actor.isAdmin || row.role === 'organisation_admin', manage: actor.isAdmin },
  };
}

const presentRate = (r: RateRow, into: string): RateAnswer => ({
  currency: r.currency,
  into,
  rate: r.rate,
  asOf: r.as_of,
  enteredAt: r.entered_at.toISOString(),
});

/** The organisation as the reader may see it: a 404 for anyone not granted on it (its name is no one else's business). */
async function readable(ctx: Ctx, id: string): Promise<OrganisationRow> {
  const actor = requireUser(ctx.actor);
  const row = await repository.byId(ctx.db, id, actor.id);
  if (!row || !mayReadOrganisation(actor, row)) throw notFound('Organisation');
  return row;
}

export async function listOrganisations(ctx: Ctx): Promise<{ items: OrganisationAnswer[] }> {
  const actor = requireUser(ctx.actor);
  const rows = await repository.visibleTo(ctx.db, actor.id, actor.isAdmin);
  const programs = await repository.programsOf(
    ctx.db,
    rows.map((r) => r.id),
  );
  return {
    items: rows.map((r) =>
      present(
        actor,
        r,
        programs.filter((p) => p.organisation_id === r.id),
      ),
    ),
  };
}

export async function getOrganisation(ctx: Ctx, id: string): Promise<OrganisationAnswer> {
  const actor = requireUser(ctx.actor);
  const row = await readable(ctx, id);
  return present(actor, row, await repository.programsOf(ctx.db, [id]));
}

export async function createOrganisation(ctx: Ctx, body: CreateOrganisationBody): Promise<OrganisationAnswer> {
  const actor = requireUser(ctx.actor);
  if (!mayManageOrganisations(actor)) throw adminOnly();
  return inTransaction(ctx, async (tx) => {
    const id = randomUUID();
    await repository.insert(tx.db, { id, ...body });
    await recordAudit(tx.db, tx, { action: 'organisation.create', entity: 'organisation', entityId: id, after: body });
    return present(actor, (await repository.byId(tx.db, id, actor.id))!, []);
  });
}

/** Names a program as one of the organisation's (a platform admin's act: it opens the program's figures to the organisation). */
export async function addOrganisationProgram(ctx: Ctx, id: string, programId: string): Promise<OrganisationAnswer> {
  const actor = requireUser(ctx.actor);
  if (!mayManageOrganisations(actor)) throw adminOnly();
  return inTransaction(ctx, async (tx) => {
    const row = await repository.byId(tx.db, id, actor.id);
    if (!row) throw notFound('Organisation');
    if (!(await programById(tx.db, programId))) {
      throw ruleBroken('reference-missing', 'There is no such program.', [
        { path: 'programId', code: 'invalid', params: {}, message: 'no such program' },
      ]);
    }
    if (await repository.addProgram(tx.db, id, programId)) {
      await recordAudit(tx.db, tx, {
        action: 'organisation.add_program',
        entity: 'organisation',
        entityId: id,
        after: { programId },
      });
    }
    return present(actor, row, await repository.programsOf(tx.db, [id]));
  });
}

export async function grantOrganisationRole(
  ctx: Ctx,
  id: string,
  userId: string,
  role: OrganisationRole,
): Promise<{ userId: string; role: OrganisationRole }> {
  const actor = requireUser(ctx.actor);
  if (!mayManageOrganisations(actor)) throw adminOnly();
  return inTransaction(ctx, async (tx) => {
    if (!(await repository.byId(tx.db, id, actor.id))) throw notFound('Organisation');
    if (!(await accountById(tx.db, userId))) throw notFound('User');
    const before = await repository.byId(tx.db, id, userId);
    await repository.setMember(tx.db, id, userId, role);
    await recordAudit(tx.db, tx, {
      action: 'organisation.grant',
      entity: 'organisation',
      entityId: id,
      before: before?.role ? { userId, role: before.role } : undefined,
      after: { userId, role },
    });
    return { userId, role };
  });
}

export async function listRates(ctx: Ctx, id: string): Promise<{ items: RateAnswer[] }> {
  const row = await readable(ctx, id);
  const rates = await repository.rates(ctx.db, id);
  return { items: rates.map((r) => presentRate(r, row.reporting_currency)) };
}

/** Enters a dated rate into the reporting currency (one of the same date is replaced; the audit log keeps it). */
export async function enterRate(ctx: Ctx, id: string, body: RateBody): Promise<RateAnswer> {
  const actor = requireUser(ctx.actor);
  const row = await readable(ctx, id);
  if (!mayEnterRates(actor, row)) throw forbidden('Only the organisation’s admins enter its rates.');
  if (body.currency === row.reporting_currency) {
    throw ruleBroken(
      'rate-same-currency',
      `${body.currency} is the reporting currency.`,
      [{ path: 'currency', code: 'invalid', params: {}, message: 'is the reporting currency' }],
      undefined,
      { currency: body.currency },
    );
  }
  return inTransaction(ctx, async (tx) => {
    const before = await repository.rate(tx.db, id, body.currency, body.asOf);
    await repository.saveRate(tx.db, id, { ...body, by: actor.id });
    await recordAudit(tx.db, tx, {
      action: 'organisation.rate',
      entity: 'organisation',
      entityId: id,
      before: before ? { currency: before.currency, asOf: before.as_of, rate: before.rate } : undefined,
      after: { ...body, into: row.reporting_currency },
    });
    return presentRate((await repository.rate(tx.db, id, body.currency, body.asOf))!, row.reporting_currency);
  });
}

/** The latest rate of the currency dated on or before the day (rates come newest first). */
const rateOn = (rates: RateRow[], currency: string, day: string) =>
  rates.find((r) => r.currency === currency && r.as_of <= day);

/**
 * Each member program's figures of one indicator, side by side: exactly what the program's public
 * impact page gives (same definitions, the program's own suppression), and money also converted
 * into the reporting currency at the organisation's latest rate dated by the period's end — once,
 * rounded to the reporting currency's minor unit. No rate: no converted figure, never a guess.
 */
export async function sideBySide(ctx: Ctx, id: string, q: SideBySideQuery): Promise<SideBySideAnswer> {
  const row = await readable(ctx, id);
  const into = row.reporting_currency;
  const [programs, rates] = await Promise.all([repository.programsOf(ctx.db, [id]), repository.rates(ctx.db, id)]);
  const answers = [];
  for (const program of programs) {
    answers.push({ program, figures: await publicImpactValues(ctx, { ...q, every: 'none', programId: program.id }) });
  }
  const indicator = answers[0]?.figures.indicator ?? listIndicators().items.find((i) => i.code === q.indicator);
  if (!indicator) {
    throw ruleBroken('indicator-unknown', `There is no indicator "${q.indicator}".`, undefined, undefined, {
      indicator: q.indicator,
    });
  }
  return {
    organisation: { id: row.id, name: row.name, reportingCurrency: into },
    indicator,
    period: { name: q.period, ...periodRange(q.period) },
    by: q.by,
    programs: answers.map(({ program, figures }) => {
      const same = program.currency === into;
      const rate = same ? undefined : rateOn(rates, program.currency, figures.period.to);
      return {
        program: {
          id: program.id,
          code: program.code,
          name: program.name,
          country: program.country,
          currency: program.currency,
        },
        conversion: same ? ('same' as const) : rate ? ('rate' as const) : ('none' as const),
        rate: rate ? { rate: rate.rate, asOf: rate.as_of } : null,
        rows: figures.rows.map((r) => {
          if (r.currency === null || r.value === null) return { ...r, converted: null };
          if (r.currency === into)
            return { ...r, converted: { amount: r.value, currency: into, rate: '1', asOf: figures.period.to } };
          const at = rateOn(rates, r.currency, figures.period.to);
          if (!at) return { ...r, converted: null };
          const minor = convertMinor(toMinor(r.value, r.currency)!, r.currency, into, at.rate);
          return { ...r, converted: { ...fromMinor(minor, into), rate: at.rate, asOf: at.as_of } };
        }),
      };
    }),
  };
}
