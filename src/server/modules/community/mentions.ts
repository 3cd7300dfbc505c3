import type { Queryable } from '../../db/database.js';

/** The longest name a mention may be: a few words after the @. */
const MAX_NAME_WORDS = 5;

const normal = (text: string) => text.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();

/**
 * The names an `@` in the text may stand for (decision 019): a mention is `@` followed by a
 * person's display name as the composer's autocomplete writes it ("@Ni Made Ayu, …"). Each `@`
 * gives the phrases of one to five words after it, so the longest name that matches wins.
 */
export function mentionCandidates(text: string): string[][] {
  const found: string[][] = [];
  for (const match of text.matchAll(/(?<![\p{L}\p{N}_])@([\p{L}\p{N}][^@\n]*)/gu)) {
    const words = normal(match[1]!.replace(/[.,;:!?()"“”]+/gu, ' '))
      .split(' ')
      .slice(0, MAX_NAME_WORDS);
    found.push(words.map((_, i) => words.slice(0, i + 1).join(' ')));
  }
  return found;
}

/** People of a program's community: welcomed members (of the given area, when one is given) and its community staff. */
const PEOPLE = `SELECT u.id, u.name FROM platform_accounts u WHERE u.id IN (
    SELECT j.user_id FROM community_joins j
    WHERE j.program_id = $1 AND j.status = 'welcomed' AND j.user_id IS NOT NULL AND j.area_path LIKE $2 || '%'
    UNION SELECT g.user_id FROM programs_role_grants g
    WHERE g.program_id = $1 AND g.role IN ('community_manager', 'trainer', 'program_manager'))`;

export const mentionsRepository = {
  /** The people of the community who can read a space (its area's members and the staff) named exactly as given. */
  async named(db: Queryable, programId: string, areaPath: string, names: string[]) {
    if (names.length === 0) return [];
    return db.query<{ id: string; name: string }>(
      `${PEOPLE} AND lower(regexp_replace(u.name, '\\s+', ' ', 'g')) = ANY($3::text[])`,
      [programId, areaPath, names],
    );
  },

  /** Up to ten people of the community whose name has a word starting with the text typed: the composer's choices. */
  async suggest(db: Queryable, programId: string, typed: string) {
    return db.query<{ id: string; name: string }>(
      `${PEOPLE} AND (lower(u.name) LIKE $3 || '%' OR lower(u.name) LIKE '% ' || $3 || '%') ORDER BY u.name, u.id LIMIT 10`,
      [programId, '', normal(typed).replace(/[%_\\]/g, '')],
    );
  },
};

/**
 * The accounts mentioned in a post: for each `@`, the person (or the people sharing that name)
 * whose display name is the longest phrase after it, among those who can read the space. The
 * author is never among them.
 */
export async function mentioned(
  db: Queryable,
  f: { programId: string; areaPath: string; text: string; authorId: string },
): Promise<string[]> {
  const candidates = mentionCandidates(f.text);
  const people = await mentionsRepository.named(db, f.programId, f.areaPath, [...new Set(candidates.flat())]);
  const byName = new Map<string, string[]>();
  for (const p of people) byName.set(normal(p.name), [...(byName.get(normal(p.name)) ?? []), p.id]);
  const ids = candidates.flatMap((phrases) => {
    const longest = [...phrases].reverse().find((phrase) => byName.has(phrase));
    return longest ? byName.get(longest)! : [];
  });
  return [...new Set(ids)].filter((id) => id !== f.authorId);
}
