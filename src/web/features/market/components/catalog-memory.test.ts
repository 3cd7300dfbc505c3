import { describe, expect, it } from 'vitest';
import { keptList, MAX_KEPT_ITEMS, withKeptList } from './catalog-memory';

describe('the catalog list kept in its history entry', () => {
  const list = { key: '["batik","id"]', items: [1, 2, 3], nextCursor: 'c3', scrollY: 1200 };

  it('gives back the list kept for the same search and language, and keeps the rest of the state', () => {
    const state = withKeptList({ other: 1 }, list);
    expect(state.other).toBe(1);
    expect(keptList(state, list.key)).toEqual(list);
  });

  it('gives nothing for another search, or for an entry that kept nothing', () => {
    expect(keptList(withKeptList(null, list), '["madu","id"]')).toBeNull();
    expect(keptList(null, list.key)).toBeNull();
    expect(keptList({ ovopCatalog: 'garbage' }, list.key)).toBeNull();
  });

  it(`keeps no list longer than ${MAX_KEPT_ITEMS} products (and drops one kept before)`, () => {
    const long = { ...list, items: Array.from({ length: MAX_KEPT_ITEMS + 1 }, (_, i) => i) };
    const state = withKeptList(withKeptList({ other: 1 }, list), long);
    expect(keptList(state, list.key)).toBeNull();
    expect(state).toEqual({ other: 1 });
  });
});
