import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { BATCH_MAX_REQUESTS } from '../../shared/schemas/batch.js';
import { useTestApp, type Session } from '../../../test/app.js';
import { KARANGASEM, registryWorld } from '../../../test/registry-fixtures.js';
import { recordAudit } from '../modules/platform/index.js';
import { groupById } from '../modules/registry/index.js';
import { ctxOf, inTransaction } from './context.js';
import { ruleBroken } from './errors.js';
import { writeLater, type WrittenBehind } from './write-behind.js';

/** Notes a probe holds back in a batch's first run; a null note cannot be written (NOT NULL). */
const PROBE_NOTES: WrittenBehind<string | null> = {
  table: 'batch_probe',
  write: async (db, notes) => {
    await db.query('INSERT INTO batch_probe (note) SELECT unnest($1::text[])', [notes]);
  },
};

/**
 * Probes of what a batch does with a request that fails after it wrote: one that writes a row and
 * then is refused, one whose statement fails in the database (which aborts a transaction).
 */
function probes(app: FastifyInstance) {
  app.post('/api/v1/test-probe/half-written', { config: { access: 'user' } }, async (req) =>
    inTransaction(ctxOf(req), async (tx) => {
      await tx.db.query(`INSERT INTO batch_probe (note) VALUES ('half-written')`);
      await recordAudit(tx.db, tx, { action: 'probe.write', entity: 'batch_probe', entityId: 'half-written' });
      throw ruleBroken('outside-scope', 'Refused after writing.');
    }),
  );
  app.post('/api/v1/test-probe/database-error', { config: { access: 'user' } }, async (req) => {
    await ctxOf(req).db.query(`INSERT INTO batch_probe (note) VALUES ('before the error')`);
    await ctxOf(req).db.query('SELECT 1 / 0');
    return {};
  });
  // Renames a group and reads it back (so a batch may keep what it read), then is refused.
  app.post<{ Body: { groupId: string } }>(
    '/api/v1/test-probe/rename-refused',
    { config: { access: 'user' } },
    async (req) => {
      const db = ctxOf(req).db;
      await db.query(`UPDATE producer_groups SET name = 'Tidak jadi', version = version + 1 WHERE id = $1`, [
        req.body.groupId,
      ]);
      if ((await groupById(db, req.body.groupId))?.name !== 'Tidak jadi') throw new Error('not renamed');
      throw ruleBroken('outside-scope', 'Refused after renaming.');
    },
  );
  app.post<{ Body: { note: string | null } }>(
    '/api/v1/test-probe/held',
    { config: { access: 'user' } },
    async (req) => {
      const db = ctxOf(req).db;
      if (!(await writeLater(db, PROBE_NOTES, req.body.note))) await PROBE_NOTES.write(db, [req.body.note]);
      return {};
    },
  );
  // What a statement sees: the probe's notes and the group's members (through the registry's view).
  app.post<{ Body: { groupId: string } }>('/api/v1/test-probe/count', { config: { access: 'user' } }, async (req) => {
    const db = ctxOf(req).db;
    const [notes] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM batch_probe');
    const [members] = await db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM registry_members WHERE group_id = $1',
      [req.body.groupId],
    );
    return { notes: notes!.n, members: members!.n };
  });
  app.post('/api/v1/test-probe/written', { config: { access: 'user' } }, async (req) => {
    await ctxOf(req).db.query(`INSERT INTO batch_probe (note) VALUES ('written')`);
    await recordAudit(ctxOf(req).db, ctxOf(req), { action: 'probe.write', entity: 'batch_probe', entityId: 'written' });
    return {};
  });
}

const t = useTestApp({ routes: probes });

const batch = (as: Session | undefined, requests: object[], headers: Record<string, string> = {}) =>
  t.request({ method: 'POST', url: '/api/v1/batch', ...(as ? { as } : {}), headers, payload: { requests } });

const member = (groupId: string, id: string, name: string, birthYear: number) => ({
  id,
  method: 'POST',
  url: `/api/v1/groups/${groupId}/members`,
  body: { id, name, sex: 'female', birthYear, joinedOn: '2026-01-05' },
});

async function membersOf(groupId: string) {
  const rows = await t.database.db.query<{ id: string }>('SELECT id FROM members WHERE group_id = $1', [groupId]);
  return rows.map((r) => r.id);
}

describe('POST /api/v1/batch', () => {
  it('answers each request as it would be answered alone, in order, and keeps exactly what was accepted', async () => {
    const w = await registryWorld(t);
    const groupId = w.groups.bali.id as string;
    const manager = await w.as('group_manager', { groupId });
    const [a, b, bad] = [randomUUID(), randomUUID(), randomUUID()];
    const r = await batch(manager, [
      member(groupId, a, 'Ni Made Sari', 1988),
      member(groupId, bad, 'Ni Kadek Ayu', 1850),
      member(groupId, a, 'Ni Made Sari', 1988),
      member(groupId, a, 'Ni Made Lain', 1988),
      member(groupId, b, 'I Wayan Putu', 1979),
    ]);
    expect(r.statusCode).toBe(200);
    const results = r.json().results as { id: string; status: number; body: Record<string, unknown> }[];
    expect(results.map((x) => [x.id, x.status])).toEqual([
      [a, 201],
      [bad, 400],
      // The same create again is a replay; the same id with other content a conflict carrying the record.
      [a, 200],
      [a, 409],
      [b, 201],
    ]);
    expect(results[0]!.body.name).toBe('Ni Made Sari');
    expect((results[1]!.body.errors as { path: string }[]).map((e) => e.path)).toEqual(['birthYear']);
    expect((results[3]!.body.current as { name: string }).name).toBe('Ni Made Sari');
    expect((await membersOf(groupId)).sort()).toEqual([a, b].sort());
    // One audit row for each member made, in the order made; none for the refusal or the replays.
    const audited = await t.database.db.query<{ entity_id: string; action: string }>(
      `SELECT entity_id, action FROM audit_log WHERE entity = 'member' AND entity_id = ANY($1) ORDER BY id`,
      [[a, b, bad]],
    );
    expect(audited.map((x) => [x.entity_id, x.action])).toEqual([
      [a, 'member.add'],
      [b, 'member.add'],
    ]);
  });

  it('leaves nothing of a request refused after it wrote, and goes on after a database error', async () => {
    await t.database.db.query('CREATE TABLE IF NOT EXISTS batch_probe (note text NOT NULL)');
    await t.database.db.query('DELETE FROM batch_probe');
    const w = await registryWorld(t);
    const manager = await w.as('group_manager', { groupId: w.groups.bali.id });
    const r = await batch(manager, [
      { id: '1', method: 'POST', url: '/api/v1/test-probe/half-written' },
      { id: '2', method: 'POST', url: '/api/v1/test-probe/database-error' },
      { id: '3', method: 'POST', url: '/api/v1/test-probe/written' },
    ]);
    expect(r.statusCode).toBe(200);
    expect((r.json().results as { status: number }[]).map((x) => x.status)).toEqual([422, 500, 200]);
    const notes = await t.database.db.query<{ note: string }>('SELECT note FROM batch_probe');
    expect(notes.map((n) => n.note)).toEqual(['written']);
    // The audit rows a batch writes at its end: the accepted request's, not the refused one's.
    const audited = await t.database.db.query<{ entity_id: string; request_id: string | null }>(
      `SELECT entity_id, request_id FROM audit_log WHERE entity = 'batch_probe'`,
    );
    expect(audited.map((a) => a.entity_id)).toEqual(['written']);
    expect(audited[0]!.request_id).toBeTruthy();
  });

  it('keeps each accepted request once when a refusal late in the batch makes it run again', async () => {
    // A batch is first run whole; a refusal rolls that run back and the batch runs again request by
    // request. What was written before the refusal in the first run must not stay twice.
    await t.database.db.query('CREATE TABLE IF NOT EXISTS batch_probe (note text NOT NULL)');
    await t.database.db.query('DELETE FROM batch_probe');
    const w = await registryWorld(t);
    const groupId = w.groups.bali.id as string;
    const manager = await w.as('group_manager', { groupId });
    const [a, b] = [randomUUID(), randomUUID()];
    const r = await batch(manager, [
      { id: '1', method: 'POST', url: '/api/v1/test-probe/written' },
      member(groupId, a, 'Ni Luh Ratna', 1990),
      { id: '3', method: 'POST', url: '/api/v1/test-probe/written' },
      { id: '4', method: 'POST', url: '/api/v1/test-probe/half-written' },
      member(groupId, b, 'I Nyoman Gede', 1984),
    ]);
    expect((r.json().results as { status: number }[]).map((x) => x.status)).toEqual([200, 201, 200, 422, 201]);
    const notes = await t.database.db.query<{ note: string }>('SELECT note FROM batch_probe');
    expect(notes.map((n) => n.note)).toEqual(['written', 'written']);
    expect((await membersOf(groupId)).sort()).toEqual([a, b].sort());
    const audited = await t.database.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_log WHERE entity IN ('batch_probe', 'member') AND entity_id = ANY($1)`,
      [['written', 'half-written', a, b]],
    );
    expect(audited[0]!.n).toBe(4);
  });

  it('writes members made in a row together, before any statement reads them, and answers them as stored', async () => {
    await t.database.db.query('CREATE TABLE IF NOT EXISTS batch_probe (note text NOT NULL)');
    await t.database.db.query('DELETE FROM batch_probe');
    const w = await registryWorld(t);
    const groupId = w.groups.bali.id as string;
    const manager = await w.as('group_manager', { groupId });
    const before = (await membersOf(groupId)).length;
    const ids = [randomUUID(), randomUUID(), randomUUID()];
    const held = { id: 'h', method: 'POST', url: '/api/v1/test-probe/held', body: { note: 'held' } };
    const count = { id: 'c', method: 'POST', url: '/api/v1/test-probe/count', body: { groupId } };
    const productId = randomUUID();
    const product = {
      id: productId,
      method: 'POST',
      url: '/api/v1/products',
      body: {
        id: productId,
        groupId,
        name: { id: 'Keripik salak', ja: 'サラクチップス' },
        description: { id: 'Keripik dari salak.' },
        category: 'food',
        unit: '100 g',
        price: { amount: '15000', currency: 'IDR' },
        status: 'draft',
      },
    };
    const r = await batch(manager, [
      member(groupId, ids[0]!, 'Ni Wayan Sekar', 1991),
      held,
      product,
      member(groupId, ids[1]!, 'Ni Made Rai', 1987),
      // A statement through a view over members, and one naming the probe's table: both see the rows held back.
      count,
      member(groupId, ids[2]!, 'Ni Nyoman Asih', 1979),
    ]);
    const results = r.json().results as { status: number; body: Record<string, unknown> }[];
    expect(results.map((x) => x.status)).toEqual([201, 200, 201, 201, 200, 201]);
    expect(results[4]!.body).toEqual({ notes: 1, members: before + 2 });
    expect((await membersOf(groupId)).length).toBe(before + 3);
    // Each answer is the record as stored: read back alone, field for field (times included).
    const answers = [results[0], results[3], results[5]];
    for (const [i, id] of ids.entries()) {
      const stored = await t.request({ method: 'GET', url: `/api/v1/members/${id}`, as: manager });
      expect(answers[i]!.body).toEqual(stored.json());
    }
    const stored = await t.request({ method: 'GET', url: `/api/v1/products/${productId}`, as: manager });
    expect(results[2]!.body).toEqual(stored.json());
  });

  it('runs a batch guarded when a row held back cannot be written at its end', async () => {
    await t.database.db.query('CREATE TABLE IF NOT EXISTS batch_probe (note text NOT NULL)');
    await t.database.db.query('DELETE FROM batch_probe');
    const w = await registryWorld(t);
    const manager = await w.as('group_manager', { groupId: w.groups.bali.id });
    const held = (id: string, note: string | null) => ({
      id,
      method: 'POST',
      url: '/api/v1/test-probe/held',
      body: { note },
    });
    const r = await batch(manager, [
      held('1', 'first'),
      held('2', null),
      { id: '3', method: 'POST', url: '/api/v1/test-probe/written' },
    ]);
    // The first run holds all three back and fails at its end; the guarded run writes each at once.
    expect((r.json().results as { status: number }[]).map((x) => x.status)).toEqual([200, 500, 200]);
    const notes = await t.database.db.query<{ note: string }>('SELECT note FROM batch_probe ORDER BY note');
    expect(notes.map((n) => n.note)).toEqual(['first', 'written']);
  });

  it('reads a group once for many requests, and again after it is changed or a change is rolled back', async () => {
    const w = await registryWorld(t);
    const groupId = w.groups.bali.id as string;
    const manager = await w.as('group_manager', { groupId });
    const before = await t.request({ method: 'GET', url: `/api/v1/groups/${groupId}`, as: manager });
    const { version } = before.json() as { version: number };
    const rename = (id: string, base: number, name: string) => ({
      id,
      method: 'PATCH',
      url: `/api/v1/groups/${groupId}`,
      body: { version: base, name },
    });
    const r = await batch(manager, [
      member(groupId, randomUUID(), 'Ni Wayan Sari', 1991),
      rename('2', version, 'KWT Baru'),
      member(groupId, randomUUID(), 'Ni Made Rai', 1992),
      // Renames the group and reads it again, then is refused: none of it may outlive the refusal.
      { id: '4', method: 'POST', url: '/api/v1/test-probe/rename-refused', body: { groupId } },
      member(groupId, randomUUID(), 'Ni Ketut Ayu', 1993),
      rename('6', version + 1, 'KWT Lagi'),
      member(groupId, randomUUID(), 'Ni Luh Putu', 1994),
    ]);
    expect(r.statusCode, r.body).toBe(200);
    const results = r.json().results as { status: number; body: { name: string; version: number } }[];
    expect(results.map((x) => x.status)).toEqual([201, 200, 201, 422, 201, 200, 201]);
    expect([results[1]!.body, results[5]!.body].map((g) => [g.name, g.version])).toEqual([
      ['KWT Baru', version + 1],
      ['KWT Lagi', version + 2],
    ]);
    const after = await t.request({ method: 'GET', url: `/api/v1/groups/${groupId}`, as: manager });
    expect([after.json().name, after.json().version]).toEqual(['KWT Lagi', version + 2]);
  });

  it('finds an account opened earlier in the same batch, after an entry that read the chart before it', async () => {
    const w = await registryWorld(t);
    const groupId = w.groups.bali.id as string;
    const manager = await w.as('group_manager', { groupId });
    const entry = (id: string, debit: string) => ({
      id,
      method: 'POST',
      url: `/api/v1/groups/${groupId}/journal`,
      body: {
        date: '2026-02-02',
        memo: `Setoran ${id}`,
        lines: [
          { accountCode: debit, debit: '50000' },
          { accountCode: '3-101', credit: '50000' },
        ],
      },
    });
    const r = await batch(manager, [
      entry('1', '1-101'),
      {
        id: '2',
        method: 'POST',
        url: `/api/v1/groups/${groupId}/accounts`,
        body: { code: '1-199', name: { id: 'Kas kecil' }, line: 'cash_and_equivalents' },
      },
      entry('3', '1-199'),
    ]);
    expect(r.statusCode, r.body).toBe(200);
    const results = r.json().results as { status: number; body: unknown }[];
    expect(
      results.map((x) => x.status),
      JSON.stringify(results[2]!.body),
    ).toEqual([201, 201, 201]);
  });

  it('locks a group’s books once for many entries, numbers them without gaps, and sees a month closed in the batch', async () => {
    const w = await registryWorld(t);
    const groupId = w.groups.bali.id as string;
    const manager = await w.as('group_manager', { groupId });
    const sale = (id: string, date: string) => ({
      id,
      method: 'POST',
      url: `/api/v1/groups/${groupId}/transactions`,
      body: { id, kind: 'cash_sale', date, amount: { amount: '15000', currency: 'IDR' }, memo: `Jual ${date}` },
    });
    const ids = Array.from({ length: 6 }, () => randomUUID());
    const r = await batch(manager, [
      sale(ids[0]!, '2026-01-10'),
      sale(ids[1]!, '2026-01-12'),
      { id: 'close', method: 'POST', url: `/api/v1/groups/${groupId}/periods/close`, body: { month: '2026-01' } },
      // January is closed now: refused, and rolled back to its savepoint (the books' lock with it).
      sale(ids[2]!, '2026-01-20'),
      sale(ids[3]!, '2026-02-03'),
      sale(ids[4]!, '2026-02-04'),
    ]);
    expect(r.statusCode, r.body).toBe(200);
    const results = r.json().results as { status: number; body: { code?: string } }[];
    expect(results.map((x) => x.status)).toEqual([201, 201, 200, 422, 201, 201]);
    expect(results[3]!.body.code).toBe('period-closed');
    // Every entry numbered once, in order, without a gap: what was posted, and the books' next number after it.
    const numbers = await t.database.db.query<{ entry_no: number; id: string }>(
      'SELECT entry_no, id::text AS id FROM journal_entries WHERE group_id = $1 ORDER BY entry_no',
      [groupId],
    );
    expect(numbers.map((n) => n.entry_no)).toEqual(numbers.map((_, i) => i + 1));
    expect(numbers.map((n) => n.id)).toEqual(expect.arrayContaining([ids[0], ids[1], ids[3], ids[4]]));
    expect(numbers.map((n) => n.id)).not.toContain(ids[2]);
    const [book] = await t.database.db.query<{ next_entry_no: number }>(
      'SELECT next_entry_no FROM ledger_books WHERE group_id = $1',
      [groupId],
    );
    expect(book!.next_entry_no).toBe(numbers.length + 1);
    // A later request outside the batch numbers on from there.
    const after = await batch(manager, [sale(ids[5]!, '2026-02-05')]);
    expect(after.json().results[0].body.number).toBe(numbers.length + 1);
  });

  it('lets two phones send the same records at once: each made once, no deadlock', async () => {
    const w = await registryWorld(t);
    const groupId = w.groups.bali.id as string;
    const manager = await w.as('group_manager', { groupId });
    const ids = Array.from({ length: 12 }, () => randomUUID());
    const requests = ids.map((id, i) => member(groupId, id, `Anggota ${i + 1}`, 1980 + i));
    // The second phone holds the same records in the other order.
    const [one, two] = await Promise.all([batch(manager, requests), batch(manager, [...requests].reverse())]);
    const statuses = [...one.json().results, ...two.json().results].map((x: { status: number }) => x.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(12);
    expect(statuses.filter((s) => s === 200)).toHaveLength(12);
    expect((await membersOf(groupId)).sort()).toEqual([...ids].sort());
  });

  it('lets no request inside reach outside the caller’s scope', async () => {
    const w = await registryWorld(t);
    const facilitator = await w.as('facilitator', { areaCode: KARANGASEM });
    const group = (villageId: string, name: string) => {
      const id = randomUUID();
      return {
        id,
        method: 'POST',
        url: '/api/v1/groups',
        body: { id, programId: w.program.id, villageId, name, kind: 'women_group' },
      };
    };
    const inLombok = group(w.villages.lombok.id as string, 'KWT Lombok');
    const inBali = group(w.villages.bali.id as string, 'KWT Bali');
    const lombokMember = member(w.groups.lombok.id as string, randomUUID(), 'Baiq Nurul', 1990);
    const r = await batch(facilitator, [inLombok, inBali, lombokMember]);
    const results = r.json().results as { status: number; body: { errors?: { code: string }[] } }[];
    // As alone: a village outside the scope is unknown to the caller, a group outside it not found.
    expect(results.map((x) => x.status)).toEqual([400, 201, 404]);
    expect(results[0]!.body.errors?.[0]?.code).toBe('unknown_reference');
    for (const [i, alone] of [inLombok, lombokMember].entries()) {
      const answer = await t.request({ method: 'POST', url: alone.url, as: facilitator, payload: alone.body });
      expect(answer.statusCode).toBe(results[i * 2]!.status);
    }
    const made = await t.database.db.query<{ name: string }>(
      `SELECT name FROM producer_groups WHERE name IN ('KWT Lombok', 'KWT Bali')`,
    );
    expect(made.map((g) => g.name)).toEqual(['KWT Bali']);
    expect(await membersOf(w.groups.lombok.id as string)).toEqual([]);
  });

  it('is refused at its door: signed out, cross-site, nested, public routes inside, too many requests', async () => {
    const w = await registryWorld(t);
    const manager = await w.as('group_manager', { groupId: w.groups.bali.id });
    const one = member(w.groups.bali.id as string, randomUUID(), 'Ni Luh', 1990);
    expect((await batch(undefined, [one])).statusCode).toBe(401);
    const crossSite = await batch(manager, [one], { origin: 'https://evil.example' });
    expect([crossSite.statusCode, crossSite.json().code]).toEqual([403, 'cross-site']);
    const nested = await batch(manager, [{ id: 'n', method: 'POST', url: '/api/v1/batch', body: { requests: [one] } }]);
    expect(nested.statusCode).toBe(400);
    const signIn = await batch(manager, [
      { id: 's', method: 'POST', url: '/api/v1/auth/sign-in', body: { email: 'a@b.c', password: 'x' } },
    ]);
    expect(signIn.json().results[0].status).toBe(403);
    expect(signIn.json().results[0].body.code).toBe('not-in-batch');
    const tooMany = await batch(
      manager,
      Array.from({ length: BATCH_MAX_REQUESTS + 1 }, () => one),
    );
    expect(tooMany.statusCode).toBe(400);
    expect(await membersOf(w.groups.bali.id as string)).toEqual([]);
  });

  it('answers each request in the language of the batch', async () => {
    const w = await registryWorld(t);
    const groupId = w.groups.bali.id as string;
    const manager = await w.as('group_manager', { groupId });
    const r = await batch(manager, [member(groupId, randomUUID(), 'Ni Luh', 1850)], { 'accept-language': 'id' });
    const [answer] = r.json().results as { status: number; body: { errors: { code: string; message: string }[] } }[];
    expect(answer!.status).toBe(400);
    const english = await t.request({
      method: 'POST',
      url: `/api/v1/groups/${groupId}/members`,
      as: manager,
      headers: { 'accept-language': 'en' },
      payload: member(groupId, randomUUID(), 'Ni Luh', 1850).body,
    });
    expect(answer!.body.errors[0]!.code).toBe(english.json().errors[0].code);
    expect(answer!.body.errors[0]!.message).not.toBe(english.json().errors[0].message);
  });
});
