/**
 * The demo's ratings and certificates over its two years: the salak group's chips, P-IRT from the
 * start, rated by the program's Kemenperin OVOP scheme (Indonesia's own, the ID pack's default) three
 * times — 2★ by the district panel (a coaching tier, not shown in public), then 3★ by the province
 * after the packaging course, then 4★ by the national panel (full marks, held at 4★ without a
 * business licence, NIB) — and certified halal in the last year. So the dashboard shows stars rising
 * and the group "naik kelas" (stars up, a new certificate). Built
 * through the quality commands, each step by the person whose step it is; dates relative to the day
 * of seeding.
 */
import { addDays, dateIn } from '../../shared/dates.js';
import type { Ctx } from '../http/context.js';
import { actorOfAccount } from '../modules/platform/index.js';
import {
  createAssessment,
  createCertification,
  createScheme,
  finaliseAssessment,
  KEMENPERIN_TEMPLATE_ID,
  recordPanelScores,
  recordSelfAssessment,
  setAssessorTier,
} from '../modules/quality/index.js';
import { monthBefore } from './seed-history.js';

export interface RatingPeople {
  programManagerId: string;
  groupManagerId: string;
  assessorId: string;
}

/**
 * The rounds: months before the day of seeding, the panel's tier, and how far up each criterion's
 * scale the panel scored. Twelve months apart, so each falls in its own year: one round a year per
 * product. Kemenperin's scale is 1–3: the middle of it is two thirds of the points (3★ at 55 %),
 * which the district panel may award only up to 2★.
 */
export const DEMO_ROUNDS = [
  { back: 26, share: 1 / 2, panelTier: 'district' },
  { back: 14, share: 1 / 2, panelTier: 'province' },
  { back: 2, share: 1, panelTier: 'national' },
] as const;

export async function seedRatings(ctx: Ctx, programId: string, productId: string, people: RatingPeople) {
  const as = async (userId: string): Promise<Ctx> => {
    const actor = await actorOfAccount(ctx.db, userId);
    if (!actor) throw new Error(`the demo account ${userId} is missing`);
    return { ...ctx, actor };
  };
  const [manager, groupManager, assessor] = [
    await as(people.programManagerId),
    await as(people.groupManagerId),
    await as(people.assessorId),
  ];
  const today = dateIn(ctx.clock.now());
  const day = (back: number, d: number) => `${monthBefore(ctx.clock.now(), back)}-${String(d).padStart(2, '0')}`;

  const { record: scheme } = await createScheme(manager, { programId, templateId: KEMENPERIN_TEMPLATE_ID });
  await setAssessorTier(manager, programId, { userId: people.assessorId, tier: 'national' });

  // P-IRT (valid five years) before the first round; halal in the last year.
  const pirtFrom = day(28, 10);
  await createCertification(groupManager, {
    productId,
    kind: 'pirt',
    number: '2065107010541-29',
    issuer: 'Pemerintah Kabupaten Karangasem',
    issuedOn: pirtFrom,
    expiresOn: addDays(`${Number(pirtFrom.slice(0, 4)) + 5}${pirtFrom.slice(4)}`, -1),
  });
  await createCertification(groupManager, {
    productId,
    kind: 'halal',
    number: 'ID51110000123450125',
    issuer: 'BPJPH',
    issuedOn: day(7, 3),
    expiresOn: null,
  });

  const criteria = scheme.definition.parts.flatMap((part) => part.criteria);
  for (const round of DEMO_ROUNDS) {
    const assessedOn = day(round.back, 15);
    const { record: entered } = await createAssessment(manager, {
      productId,
      schemeId: scheme.id,
      year: Number(assessedOn.slice(0, 4)),
      panelTier: round.panelTier,
      assessedOn,
    });
    const scores = criteria.map((c) => {
      const levels = c.levels.map((l) => l.points).sort((a, b) => a - b);
      return { criterion: c.code, points: levels[Math.round(round.share * (levels.length - 1))]! };
    });
    await recordSelfAssessment(groupManager, entered.id, { scores });
    await recordPanelScores(assessor, entered.id, { scores });
    await finaliseAssessment(manager, entered.id, undefined);
    // Decided a week after the panel met, as it was then (never after the day of seeding).
    const decided = addDays(assessedOn, 7) < today ? addDays(assessedOn, 7) : today;
    await ctx.db.query(
      `UPDATE assessments SET finalised_at = $2::date + time '10:00', self_assessed_at = $3::date + time '09:00',
         created_at = $3::date + time '08:00' WHERE id = $1`,
      [entered.id, decided, addDays(assessedOn, -5)],
    );
  }
}
