/**
 * What the catalog keeps in its own history entry (history.state), so that Back from a product
 * returns to the same list — every page loaded with "load more" — at the same place on the page.
 * Kept per entry, not per address: opening the catalog afresh starts at the top.
 */
export interface KeptList<T> {
  /** The list's search and language: a list kept for another is not restored. */
  key: string;
  items: T[];
  nextCursor: string | null;
  scrollY: number;
}

/** The most products kept (ten pages of 24); a longer list is loaded afresh on return. */
export const MAX_KEPT_ITEMS = 240;

const FIELD = 'ovopCatalog';

const stateObject = (state: unknown): Record<string, unknown> =>
  state !== null && typeof state === 'object' ? (state as Record<string, unknown>) : {};

/** The list kept in a history entry's state for `key`, or null. */
export function keptList<T>(state: unknown, key: string): KeptList<T> | null {
  const kept = stateObject(state)[FIELD] as KeptList<T> | undefined;
  if (!kept || kept.key !== key || !Array.isArray(kept.items)) return null;
  return kept;
}

/** The entry's state with the list kept in it (what else the state holds stays); without it past the cap. */
export function withKeptList<T>(state: unknown, list: KeptList<T>): Record<string, unknown> {
  const rest = { ...stateObject(state) };
  delete rest[FIELD];
  return list.items.length > MAX_KEPT_ITEMS ? rest : { ...rest, [FIELD]: list };
}
