import type { FieldError } from '../../http/errors.js';
import type { Queryable } from '../../db/database.js';
import { packOf, type NationalIdRule } from '../../packs/index.js';
import { programById } from '../programs/index.js';
import { nikProblem } from './nik.js';

/**
 * National id checks by the key a country pack names (`nationalId.rule`): Indonesia's NIK, or none.
 * A country without a pack, or whose pack names none, takes a member's id as given, or no id at all.
 */
const RULES: Record<
  NationalIdRule,
  (id: string, sex: 'female' | 'male', birthYear: number) => Omit<FieldError, 'path'> | null
> = {
  'id-nik': nikProblem,
  none: () => null,
};

/** The rule for members of a program's groups: its country's pack's. */
export async function nationalIdRuleOf(db: Queryable, programId: string): Promise<NationalIdRule> {
  const country = (await programById(db, programId))?.country;
  return (country && packOf(country)?.pack.nationalId.rule) || 'none';
}

/** Why a national id cannot be this member's under the rule, or null. */
export const nationalIdProblem = (
  rule: NationalIdRule,
  id: string,
  sex: 'female' | 'male',
  birthYear: number,
): Omit<FieldError, 'path'> | null => RULES[rule](id, sex, birthYear);
