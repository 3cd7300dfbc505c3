import type { Queryable } from '../../db/database.js';
import { inTransaction, type Actor, type Ctx } from '../../http/context.js';
import { createOnce } from '../../http/create-once.js';
import { notFound, ruleBroken } from '../../http/errors.js';
import { assertVersion } from '../../http/versioning.js';
import { dateIn } from '../../../shared/dates.js';
import type {
  CreateTargetBody,
  ImpactSettingsAnswer,
  PatchTargetBody,
  TargetAnswer,
} from '../../../shared/schemas/impact.js';
import {
  abilities,
  authorize,
  can,
  programTarget,
  recordAudit,
  requireUser,
  scopeOf,
  type Target,
} from '../platform/index.js';
import { programById } from '../programs/index.js';
import { areaByCode } from './impact.repository.js';
import { impactValues, periodRange } from './impact.service.js';
import { targetPolicy } from './impact.policy.js';
import { indicatorByCode } from './indicators.js';
import { DEFAULT_SUPPRESS_BELOW, targetsRepository, type SettingsRow, type TargetRow } from './targets.repository.js';

export interface StatusRule {
  onTrackFrom: number;
  atRiskFrom: number;
}

export const DEFAULT_SETTINGS = { suppressBelow: DEFAULT_SUPPRESS_BELOW, onTrackFrom: 0.9, atRiskFrom: 0.7 };

const days = (from: string, to: string) =>
  (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;

/**
 * How far a target has come and what that means today. Progress is (actual − baseline) / (target −
 * baseline), so a target below its baseline (fewer dropouts) reads the same way; the progress
 * expected by now is the share of the period gone by. Before the period: not started; after it: met
 * or missed; during it: on track when the progress is at least `onTrackFrom` of the expected, at
 * risk from `atRiskFrom`, off track below.
 */
export function targetStatus(
  t: { baseline: number; target: number; actual: number; from: string; to: string },
  today: string,
  rule: StatusRule,
): { progress: number | null; expected: number; status: TargetAnswer['status'] } {
  const span = days(t.from, t.to) + 1;
  const expected = Math.min(1, Math.max(0, (days(t.from, today) + 1) / span));
  const change = t.target - t.baseline;
  const progress = change === 0 ? null : (t.actual - t.baseline) / change;
  const reached = progress === null ? t.actual === t.target : progress >= 1;
  if (today < t.from) return { progress, expected: 0, status: 'not_started' };
  if (today > t.to) return { progress, expected: 1, status: reached ? 'met' : 'missed' };
  if (reached) return { progress, expected, status: 'on_track' };
  const share = (progress ?? 0) / expected;
  const status = share >= rule.onTrackFrom ? 'on_track' : share >= rule.atRiskFrom ? 'at_risk' : 'off_track';
  return { progress, expected, status };
}

const settingsOf = (row: SettingsRow | undefined, programId: string): ImpactSettingsAnswer => ({
  programId,
  suppressBelow: row?.suppress_below ?? DEFAULT_SETTINGS.suppressBelow,
  onTrackFrom: row ? Number(row.on_track_from) : DEFAULT_SETTINGS.onTrackFrom,
  atRiskFrom: row ? Number(row.at_risk_from) : DEFAULT_SETTINGS.atRiskFrom,
  version: row?.version ?? 1,
});

const placeOf = (row: Pick<TargetRow, 'program_id' | 'area_path'>): Target => ({
  programId: row.program_id,
  areaPath: row.area_path,
});

/** The indicator's value now for the target's area, period and breakdown cell (a sum when several rows match). */
async function actualOf(ctx: Ctx, row: TargetRow): Promise<number> {
  const by = Object.keys(row.breakdown) as Parameters<typeof impactValues>[1]['by'];
  const answer = await impactValues(ctx, {
    indicator: row.indicator,
    programId: row.program_id,
    ...(row.area_code ? { area: row.area_code } : {}),
    period: row.period,
    every: 'none',
    by,
  });
  return answer.rows
    .filter((r) => by.every((d) => r.by[d] === row.breakdown[d]))
    .reduce((sum, r) => sum + Number(r.value ?? 0), 0);
}

async function present(ctx: Ctx, row: TargetRow, rule: StatusRule): Promise<TargetAnswer> {
  const period = periodRange(row.period);
  const actual = await actualOf(ctx, row);
  const today = dateIn(ctx.clock.now());
  return {
    id: row.id,
    programId: row.program_id,
    indicator: row.indicator,
    area: row.area_code ? { code: row.area_code, name: row.area_name ?? row.area_code } : null,
    period: { name: row.period, ...period },
    breakdown: row.breakdown,
    baseline: row.baseline,
    target: row.target,
    actual: String(actual),
    ...targetStatus({ baseline: Number(row.baseline), target: Number(row.target), actual, ...period }, today, rule),
    note: row.note,
    version: row.version,
    abilities: abilities(ctx.actor, targetPolicy, placeOf(row)),
  };
}

export async function listTargets(ctx: Ctx, programId: string) {
  const actor = requireUser(ctx.actor);
  const rule = settingsOf(await targetsRepository.settings(ctx.db, programId), programId);
  const rows = await targetsRepository.list(
    ctx.db,
    programId,
    scopeOf(actor, targetPolicy, 'read', { program: 't.program_id', path: 't.area_path', group: null }),
  );
  const items: TargetAnswer[] = [];
  for (const row of rows) items.push(await present(ctx, row, rule));
  return { items, abilities: { manage: can(actor, targetPolicy, 'manage', programTarget(programId)) } };
}

/** Sets a target (a client id makes a retry the same target); one per indicator, area, period and breakdown cell. */
export async function createTarget(ctx: Ctx, programId: string, body: CreateTargetBody) {
  const actor = authorize(ctx.actor, targetPolicy, 'manage', programTarget(programId));
  const created = await inTransaction(ctx, async (tx) => {
    if (!(await programById(tx.db, programId))) throw ruleBroken('reference-missing', 'There is no such program.');
    const indicator = indicatorByCode(body.indicator);
    if (!indicator) {
      throw ruleBroken('indicator-unknown', `There is no indicator "${body.indicator}".`, [], undefined, {
        indicator: body.indicator,
      });
    }
    for (const dimension of Object.keys(body.breakdown)) {
      if (!indicator.disaggregations.includes(dimension as never)) {
        throw ruleBroken(
          'breakdown-not-allowed',
          `The indicator "${indicator.code}" cannot be broken down by "${dimension}".`,
          [],
          undefined,
          { dimension, indicator: indicator.code },
        );
      }
    }
    const area = body.area ? await areaByCode(tx.db, body.area) : undefined;
    if (body.area && !area) throw ruleBroken('areas-missing', `There is no area ${body.area}.`);
    const row = {
      program_id: programId,
      indicator: indicator.code,
      area_code: area?.code ?? null,
      area_path: area?.path ?? '',
      period: body.period,
      breakdown: body.breakdown as Record<string, string>,
      baseline: body.baseline,
      target: body.target,
      note: body.note,
    };
    return createOnce(tx.db, {
      id: body.id,
      find: (id) => targetsRepository.byId(tx.db, id),
      visible: (found) => found.program_id === programId,
      stored: (found) => ({ ...pick(found), baseline: Number(found.baseline), target: Number(found.target) }),
      input: { ...pick(row), baseline: Number(row.baseline), target: Number(row.target) },
      present: (found) => found,
      create: async (id) => {
        const same = await targetsRepository.same(tx.db, row);
        if (same) {
          throw ruleBroken(
            'target-exists',
            'This indicator already has a target for that area, period and breakdown.',
            [],
            {
              current: { id: same.id },
            },
          );
        }
        await targetsRepository.insert(tx.db, { ...row, id, created_by: actor.id });
        await recordAudit(tx.db, tx, { action: 'target.create', entity: 'impact_target', entityId: id, after: row });
        return (await targetsRepository.byId(tx.db, id))!;
      },
    });
  });
  const rule = settingsOf(await targetsRepository.settings(ctx.db, programId), programId);
  return { created: created.created, record: await present(ctx, created.record, rule) };
}

const pick = (t: Pick<TargetRow, 'indicator' | 'area_code' | 'period' | 'breakdown' | 'note'>) => ({
  indicator: t.indicator,
  area: t.area_code,
  period: t.period,
  breakdown: t.breakdown,
  note: t.note,
});

async function targetFor(ctx: { db: Queryable; actor: Actor }, id: string, action: 'read' | 'manage', lock = false) {
  const row = await targetsRepository.byId(ctx.db, id, lock);
  // Not found and out of reach look alike (404).
  if (!row) throw notFound(targetPolicy.what);
  authorize(ctx.actor, targetPolicy, action, placeOf(row));
  return row;
}

export async function patchTarget(ctx: Ctx, id: string, base: number, body: PatchTargetBody) {
  const row = await inTransaction(ctx, async (tx) => {
    const current = await targetFor(tx, id, 'manage', true);
    assertVersion(current, base, () => current);
    const change = {
      baseline: body.baseline ?? current.baseline,
      target: body.target ?? current.target,
      note: body.note ?? current.note,
    };
    await targetsRepository.update(tx.db, id, change);
    await recordAudit(tx.db, tx, {
      action: 'target.update',
      entity: 'impact_target',
      entityId: id,
      before: current,
      after: change,
    });
    return (await targetsRepository.byId(tx.db, id))!;
  });
  const rule = settingsOf(await targetsRepository.settings(ctx.db, row.program_id), row.program_id);
  return present(ctx, row, rule);
}

export async function removeTarget(ctx: Ctx, id: string): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const current = await targetFor(tx, id, 'manage', true);
    await targetsRepository.remove(tx.db, id);
    await recordAudit(tx.db, tx, { action: 'target.delete', entity: 'impact_target', entityId: id, before: current });
  });
}

export async function getImpactSettings(ctx: Ctx, programId: string): Promise<ImpactSettingsAnswer> {
  requireUser(ctx.actor);
  return settingsOf(await targetsRepository.settings(ctx.db, programId), programId);
}

export async function putImpactSettings(
  ctx: Ctx,
  programId: string,
  body: {
    version?: number | undefined;
    suppressBelow?: number | undefined;
    onTrackFrom?: number | undefined;
    atRiskFrom?: number | undefined;
  },
): Promise<ImpactSettingsAnswer> {
  authorize(ctx.actor, targetPolicy, 'manage', programTarget(programId));
  return inTransaction(ctx, async (tx) => {
    const current = settingsOf(await targetsRepository.settings(tx.db, programId), programId);
    if (body.version !== undefined) assertVersion(current, body.version, () => current);
    const next = {
      programId,
      suppressBelow: body.suppressBelow ?? current.suppressBelow,
      onTrackFrom: body.onTrackFrom ?? current.onTrackFrom,
      atRiskFrom: body.atRiskFrom ?? current.atRiskFrom,
    };
    if (next.atRiskFrom > next.onTrackFrom) {
      throw ruleBroken('at-risk-above-on-track', 'The at-risk threshold must not be above the on-track one.', [
        { path: 'atRiskFrom', code: 'too_big', params: { maximum: next.onTrackFrom }, message: 'is above onTrackFrom' },
      ]);
    }
    await targetsRepository.saveSettings(tx.db, next);
    await recordAudit(tx.db, tx, {
      action: 'impact.settings',
      entity: 'program',
      entityId: programId,
      before: current,
      after: next,
    });
    return settingsOf(await targetsRepository.settings(tx.db, programId), programId);
  });
}
