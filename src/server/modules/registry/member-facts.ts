/**
 * Facts about a member that a program reports on and that need more than a schema: disability by
 * the Washington Group short set (the boolean derived by the WG cut-off) and the program's minimum age.
 */
import type { TxCtx } from '../../http/context.js';
import { invalid, ruleBroken } from '../../http/errors.js';
import { dateIn } from '../../../shared/dates.js';
import { programById } from '../programs/index.js';
import type { MemberRow } from './members.repository.js';
import { disabilityByWg, WG_DOMAINS, type Functioning } from './registry.schemas.js';

export const functioningOf = (row: MemberRow): Functioning => ({
  seeing: row.wg_seeing,
  hearing: row.wg_hearing,
  walking: row.wg_walking,
  cognition: row.wg_cognition,
  self_care: row.wg_self_care,
  communication: row.wg_communication,
});

/** Every domain, the answers given filling those they name (null: not answered). */
export const allDomains = (base: Functioning | null, given: Partial<Functioning> | undefined): Functioning =>
  Object.fromEntries(
    WG_DOMAINS.map((d) => [d, given && d in given ? (given[d] ?? null) : (base?.[d] ?? null)]),
  ) as Functioning;

/**
 * With any WG domain answered, the disability is derived by the WG cut-off and a different value
 * given with it is refused; without answers it is the value given, or `kept` (a hand-set value from
 * before the WG answers, or the default false).
 */
export function disabilityOf(functioning: Functioning, given: boolean | undefined, kept: boolean): boolean {
  const derived = disabilityByWg(functioning);
  if (derived === null) return given ?? kept;
  if (given !== undefined && given !== derived)
    throw invalid([
      {
        path: 'disability',
        code: 'disability_derived',
        message: `is derived from the Washington Group answers (${String(derived)})`,
      },
    ]);
  return derived;
}

/**
 * A member is at least the program's minimum age, counted on the server's today as the difference of
 * years (only the birth year is known: someone who turns that age later this year counts already).
 */
export async function assertOldEnough(tx: TxCtx, programId: string, birthYear: number): Promise<void> {
  const minAge = (await programById(tx.db, programId))?.member_min_age ?? 0;
  const age = Number(dateIn(tx.clock.now()).slice(0, 4)) - birthYear;
  if (age >= minAge) return;
  throw ruleBroken(
    'member-below-min-age',
    `Members of this program are at least ${minAge} years old.`,
    [
      {
        path: 'birthYear',
        code: 'member_below_min_age',
        params: { minAge },
        message: `is younger than the program's minimum age for members (${minAge})`,
      },
    ],
    {},
    { minAge },
  );
}
