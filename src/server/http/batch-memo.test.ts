import { describe, expect, it } from 'vitest';
import { AbsentIds, BatchMemo, writtenTables } from './batch-memo.js';

describe('the batch memo', () => {
  it('names the tables a statement writes, and none that it only reads', () => {
    expect(writtenTables(`INSERT INTO members (id) VALUES ($1)`)).toEqual(new Set(['members']));
    expect(writtenTables(`UPDATE producer_groups SET name = $2 WHERE id = $1`)).toEqual(new Set(['producer_groups']));
    expect(writtenTables(`DELETE FROM ledger_accounts WHERE id = $1`)).toEqual(new Set(['ledger_accounts']));
    expect(
      writtenTables(`WITH e AS (INSERT INTO journal_entries (id) VALUES ($1) RETURNING id)
        UPDATE ledger_books SET next_entry_no = next_entry_no + 1 FROM e WHERE group_id = $2`),
    ).toEqual(new Set(['journal_entries', 'ledger_books']));
    expect(writtenTables(`truncate table "Batches"`)).toEqual(new Set(['batches']));
    for (const read of [
      `SELECT * FROM producer_groups g JOIN villages v ON v.id = g.village_id WHERE g.id = $1`,
      `SELECT 1 FROM producer_groups WHERE id = $1 FOR UPDATE`,
      `SELECT id FROM ledger_accounts WHERE group_id = $1`,
    ])
      expect(
        [...writtenTables(read)].filter((t) => ['producer_groups', 'villages', 'ledger_accounts'].includes(t)),
      ).toEqual([]);
  });

  it('answers a read from memory until a table it came from is written, frozen or as a copy', async () => {
    const memo = new BatchMemo();
    let loads = 0;
    const load = async () => ({ loads: ++loads, at: new Date(0), rows: [{ code: '1-101' }] });
    const read = () => memo.read(['producer_groups', 'villages'], 'group:1', load);
    const first = await read();
    first.loads = 99;
    expect(await read()).toEqual({ loads: 1, at: new Date(0), rows: [{ code: '1-101' }] });
    // What the memo gives is frozen all the way down: changing it throws instead of changing the next read.
    const kept = await read();
    expect(() => ((kept as { loads: number }).loads = 7)).toThrow(TypeError);
    expect(() => kept.rows.push({ code: 'x' })).toThrow(TypeError);
    const copy = await memo.read(['producer_groups'], 'group:1', load, true);
    copy.rows.push({ code: '1-102' });
    expect((await read()).rows).toEqual([{ code: '1-101' }]);
    memo.wrote(`INSERT INTO members (id) VALUES ($1)`);
    memo.wrote(`SELECT * FROM villages`);
    expect((await read()).loads).toBe(1);
    memo.wrote(`UPDATE villages SET name = $1`);
    expect((await read()).loads).toBe(2);
    memo.clear();
    expect((await read()).loads).toBe(3);
  });
});

describe('the ids a batch knows to be new', () => {
  const [a, b, c] = ['0190f0d2-7c1e-7000-8000-00000000000a', '0190f0d2-7c1e-7000-8000-00000000000b', 'not-a-uuid'];

  it('asks once per kind which ids exist, and forgets an id once it is made', async () => {
    const absent = new AbsentIds([a, b, c]);
    const asked: string[][] = [];
    const existing = async (ids: string[]) => {
      asked.push(ids);
      return [b];
    };
    expect(await absent.has('member', a, existing)).toBe(true);
    expect(await absent.has('member', b, existing)).toBe(false);
    // An id that is not a uuid is never taken as new: it is looked for the usual way.
    expect(await absent.has('member', c, existing)).toBe(false);
    expect(asked).toEqual([[a, b]]);
    absent.made(a);
    expect(await absent.has('member', a, existing)).toBe(false);
    expect(asked).toHaveLength(1);
    // Another kind is asked on its own, from what the database holds when it is first asked.
    expect(await absent.has('product', a, async () => [])).toBe(true);
  });
});
