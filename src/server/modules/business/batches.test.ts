import { describe, expect, it } from 'vitest';
import { ORIGIN, useTestApp, type Session } from '../../../../test/app.js';
import { pdfQrCodes, pdfText, pngQrCode } from '../../../../test/documents.js';
import { buildStaff, signedIn } from '../../../../test/factories.js';
import { marketWorld, type MarketWorld } from '../../../../test/market-fixtures.js';
import { salakChips, validPirt } from '../../../../test/quality-fixtures.js';

const t = useTestApp();

const freshSalak = (groupId: string) =>
  salakChips(groupId, { name: { id: 'Salak segar', en: 'Fresh salak' }, unit: 'kg', hsCode: '0810.90' });

async function stockOf(w: MarketWorld, id: string) {
  const r = await t.request({ method: 'GET', url: `/api/v1/batches/${id}`, as: w.admin });
  return r.json() as { stock: string; reserved: string; available: string };
}

/** Raw materials in the group's books (contributed by the owners), for a costed run to consume. */
async function stockMaterials(w: MarketWorld, groupId: string, amount: string) {
  await w.post(`/api/v1/groups/${groupId}/journal`, {
    date: '2026-01-15',
    memo: 'Bahan baku dari anggota',
    lines: [
      { accountCode: '1-301', debit: amount },
      { accountCode: '3-101', credit: amount },
    ],
  });
}

describe('batches', () => {
  it('records a production run that consumes an input batch, as a stock movement on the input', async () => {
    const w = await marketWorld(t);
    const salak = await w.post('/api/v1/products', freshSalak(w.groups.bali.id));
    const harvest = await w.batch(salak.id, { lotCode: 'SLK-2026-01', quantity: '100', producedOn: '2026-01-20' });
    await stockMaterials(w, w.groups.bali.id, '2405000');
    const r = await t.request({
      method: 'POST',
      url: '/api/v1/batches',
      as: w.managers.bali,
      payload: {
        productId: w.products.bali.id,
        lotCode: 'KRP-2026-01',
        quantity: '240.5',
        producedOn: '2026-02-01',
        expiresOn: '2026-08-01',
        costPerUnit: { amount: '10000.00', currency: 'IDR' },
        inputs: [{ batchId: harvest.id, quantity: '40.25' }],
      },
    });
    expect(r.statusCode).toBe(201);
    expect(r.json()).toMatchObject({
      lotCode: 'KRP-2026-01',
      quantity: '240.5',
      unit: '100 g',
      stock: '240.5',
      reserved: '0',
      available: '240.5',
      costPerUnit: { amount: '10000.00', currency: 'IDR' },
      inputs: [{ batchId: harvest.id, lotCode: 'SLK-2026-01', quantity: '40.25' }],
      provenancePath: `/b/${r.json().id}`,
      version: 1,
    });
    expect(await stockOf(w, harvest.id)).toMatchObject({ stock: '59.75', available: '59.75' });
    const moves = await t.request({ method: 'GET', url: `/api/v1/batches/${harvest.id}/movements`, as: w.admin });
    expect(moves.json().items.map((m: { kind: string; quantity: string }) => [m.kind, m.quantity])).toEqual([
      ['produced', '100'],
      ['consumed', '40.25'],
    ]);
  });

  it('answers a create with another group’s batch id by a conflict that tells nothing about that batch', async () => {
    const w = await marketWorld(t);
    const theirs = await w.batch(w.products.lombok.id, {
      lotCode: 'MDU-01',
      costPerUnit: { amount: '45000', currency: 'IDR' },
    });
    const r = await t.request({
      method: 'POST',
      url: '/api/v1/batches',
      as: w.managers.bali,
      payload: { id: theirs.id, productId: w.products.bali.id, lotCode: 'X', quantity: '1', producedOn: '2026-01-01' },
    });
    expect(r.statusCode).toBe(409);
    expect(r.json().current).toBeUndefined();
    expect(r.body).not.toContain('MDU-01');
    expect(r.body).not.toContain('45000');
  });

  it('refuses to consume more than an input batch has and writes nothing', async () => {
    const w = await marketWorld(t);
    const salak = await w.post('/api/v1/products', freshSalak(w.groups.bali.id));
    const harvest = await w.batch(salak.id, { quantity: '5', producedOn: '2026-01-20' });
    const r = await t.request({
      method: 'POST',
      url: '/api/v1/batches',
      as: w.admin,
      payload: {
        productId: w.products.bali.id,
        lotCode: 'KRP-X',
        quantity: '10',
        producedOn: '2026-02-01',
        inputs: [{ batchId: harvest.id, quantity: '6' }],
      },
    });
    expect(r.statusCode).toBe(422);
    expect(r.json().errors).toEqual([
      expect.objectContaining({ path: 'inputs.0.quantity', message: 'only 5 kg available' }),
    ]);
    expect(await stockOf(w, harvest.id)).toMatchObject({ stock: '5' });
    const list = await t.request({
      method: 'GET',
      url: `/api/v1/batches?productId=${w.products.bali.id}`,
      as: w.admin,
    });
    expect(list.json().items).toEqual([]);
  });

  it('keeps lot codes unique within a group and replays a create sent twice with the same id', async () => {
    const w = await marketWorld(t);
    const id = '01936a3e-7b7c-7cc0-8000-00000000b001';
    const body = { id, productId: w.products.bali.id, lotCode: 'KRP-7', quantity: '12', producedOn: '2026-03-01' };
    const first = await t.request({ method: 'POST', url: '/api/v1/batches', as: w.admin, payload: body });
    expect(first.statusCode).toBe(201);
    const again = await t.request({ method: 'POST', url: '/api/v1/batches', as: w.admin, payload: body });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(first.json());
    const changed = await t.request({
      method: 'POST',
      url: '/api/v1/batches',
      as: w.admin,
      payload: { ...body, quantity: '13' },
    });
    expect(changed.statusCode).toBe(409);
    const sameLot = await t.request({
      method: 'POST',
      url: '/api/v1/batches',
      as: w.admin,
      payload: { ...body, id: undefined },
    });
    expect(sameLot.statusCode).toBe(409);
    expect(sameLot.json().errors).toEqual([
      expect.objectContaining({ path: 'lotCode', message: 'is already used in this group' }),
    ]);
    const otherGroup = await w.batch(w.products.lombok.id, { lotCode: 'KRP-7' });
    expect(otherGroup.lotCode).toBe('KRP-7');
  });

  it('names every bad field: quantity, dates, and a cost in the wrong currency', async () => {
    const w = await marketWorld(t);
    const bad = await t.request({
      method: 'POST',
      url: '/api/v1/batches',
      as: w.admin,
      payload: { productId: w.products.bali.id, lotCode: ' ', quantity: '-1', producedOn: '2026-13-01' },
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['lotCode', 'producedOn', 'quantity']);
    const currency = await t.request({
      method: 'POST',
      url: '/api/v1/batches',
      as: w.admin,
      payload: {
        productId: w.products.bali.id,
        lotCode: 'A1',
        quantity: '1',
        producedOn: '2026-03-01',
        expiresOn: '2026-02-01',
        costPerUnit: { amount: '3.50', currency: 'USD' },
      },
    });
    expect(currency.statusCode).toBe(400);
    expect(currency.json().errors).toEqual([
      expect.objectContaining({ path: 'expiresOn', message: 'is before the production date' }),
    ]);
  });

  it('records spoilage and samples but never lets stock go below zero', async () => {
    const w = await marketWorld(t);
    const batch = await w.batch(w.products.bali.id, { quantity: '10' });
    const move = (quantity: string, kind = 'spoiled') =>
      t.request({
        method: 'POST',
        url: `/api/v1/batches/${batch.id}/movements`,
        as: w.managers.bali,
        payload: { kind, quantity, on: '2026-02-10' },
      });
    expect((await move('3')).json()).toMatchObject({ stock: '7', available: '7' });
    expect((await move('2', 'sample')).json()).toMatchObject({ stock: '5' });
    const over = await move('5.001');
    expect(over.statusCode).toBe(422);
    expect(over.json().type).toBe('/problems/stock-insufficient');
    expect((await move('5', 'sold')).json()).toMatchObject({ stock: '0', available: '0' });
    expect((await move('0.001')).statusCode).toBe(422);
  });

  it('records a movement sent twice under one client id once, and refuses that id for another movement', async () => {
    const w = await marketWorld(t);
    const batch = await w.batch(w.products.bali.id, { quantity: '10' });
    const id = '0b6f3c1e-2d4a-4c8e-9f10-3a5b7c9d1e2f';
    const move = (payload: Record<string, unknown>) =>
      t.request({ method: 'POST', url: `/api/v1/batches/${batch.id}/movements`, as: w.managers.bali, payload });
    const sold = { id, kind: 'sold', quantity: '4', on: '2026-02-10', note: 'Pasar Amlapura' };
    const first = await move(sold);
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ stock: '6' });
    // The stock has moved on meanwhile: the replay still answers, and takes nothing more.
    await move({ kind: 'spoiled', quantity: '6', on: '2026-02-11' });
    const replay = await move({ ...sold, quantity: '4.000' });
    expect(replay.statusCode).toBe(200);
    expect(replay.json()).toMatchObject({ id: batch.id, stock: '0' });
    const other = await move({ ...sold, kind: 'sample', quantity: '1' });
    expect(other.statusCode).toBe(409);
    expect(other.json()).toMatchObject({ code: 'id-other-content', current: { id: batch.id } });
    const rows = await t.database.db.query('SELECT kind, quantity::text FROM stock_movements WHERE id = $1', [id]);
    expect(rows).toEqual([{ kind: 'sold', quantity: '4.000' }]);
    const moves = await t.request({ method: 'GET', url: `/api/v1/batches/${batch.id}/movements`, as: w.admin });
    expect(
      moves
        .json()
        .items.map((m: { kind: string }) => m.kind)
        .sort(),
    ).toEqual(['produced', 'sold', 'spoiled']);
  });

  it('tells each reader what they may do with a batch', async () => {
    const w = await marketWorld(t);
    const batch = await w.batch(w.products.bali.id);
    const abilitiesOf = async (as: Session) => {
      const r = await t.request({ method: 'GET', url: `/api/v1/batches/${batch.id}`, as });
      expect(r.statusCode).toBe(200);
      return r.json().abilities;
    };
    const member = await w.as('group_member', { groupId: w.groups.bali.id });
    expect(await abilitiesOf(member)).toEqual({ read: true, create: false, recordMovement: false, consume: false });
    expect(await abilitiesOf(w.managers.bali)).toEqual({
      read: true,
      create: true,
      recordMovement: true,
      consume: true,
    });
    const list = await t.request({ method: 'GET', url: '/api/v1/batches', as: member });
    expect(list.json().items[0].abilities).toMatchObject({ read: true, recordMovement: false });
    const lombokFacilitator = await w.as('facilitator', { areaCode: '52.01' });
    const hidden = await t.request({ method: 'GET', url: `/api/v1/batches/${batch.id}`, as: lombokFacilitator });
    expect(hidden.statusCode).toBe(404);
  });

  it('lets group members read their batches but not change them, and hides them from everyone else', async () => {
    const w = await marketWorld(t);
    const batch = await w.batch(w.products.bali.id);
    const member = await w.as('group_member', { groupId: w.groups.bali.id });
    expect((await t.request({ method: 'GET', url: `/api/v1/batches/${batch.id}`, as: member })).statusCode).toBe(200);
    const write = await t.request({
      method: 'POST',
      url: `/api/v1/batches/${batch.id}/movements`,
      as: member,
      payload: { kind: 'spoiled', quantity: '1', on: '2026-02-10' },
    });
    expect(write.statusCode).toBe(403);
    const create = await t.request({
      method: 'POST',
      url: '/api/v1/batches',
      as: member,
      payload: { productId: w.products.bali.id, lotCode: 'M-1', quantity: '1', producedOn: '2026-02-01' },
    });
    expect(create.statusCode).toBe(403);

    const lombokManager = w.managers.lombok;
    const lombokFacilitator = await w.as('facilitator', { areaCode: '52.01' });
    const { user } = await buildStaff(t.database.db, 'program_manager');
    const otherProgram = await signedIn(t.app, user);
    for (const outsider of [lombokManager, lombokFacilitator, otherProgram]) {
      expect((await t.request({ method: 'GET', url: `/api/v1/batches/${batch.id}`, as: outsider })).statusCode).toBe(
        404,
      );
      expect((await t.request({ method: 'GET', url: '/api/v1/batches', as: outsider })).json().items).toEqual([]);
      const label = await t.request({ method: 'GET', url: `/api/v1/batches/${batch.id}/label.png`, as: outsider });
      expect(label.statusCode).toBe(404);
    }
    const karangasem = await w.as('facilitator', { areaCode: '51.07' });
    const list = await t.request({ method: 'GET', url: '/api/v1/batches', as: karangasem });
    expect(list.json().items.map((b: { id: string }) => b.id)).toEqual([batch.id]);
    expect((await t.request({ method: 'GET', url: '/api/v1/batches' })).statusCode).toBe(401);
  });
});

describe('batch labels and provenance', () => {
  it('prints a QR label whose URL opens the public provenance of the batch, with no personal data', async () => {
    const w = await marketWorld(t);
    await w.post(`/api/v1/groups/${w.groups.bali.id}/members`, {
      name: 'Ni Made Suastini',
      sex: 'female',
      birthYear: 1985,
      role: 'chair',
      joinedOn: '2019-03-08',
      nationalId: '5107064505850001',
      phone: '+6281234567890',
    });
    await w.post('/api/v1/certifications', validPirt(w.products.bali.id));
    await w.post('/api/v1/certifications', {
      ...validPirt(w.products.bali.id),
      kind: 'halal',
      number: 'ID51110000999990626',
      issuer: 'BPJPH',
      issuedOn: '2026-06-01',
      expiresOn: null,
    });
    const salak = await w.post('/api/v1/products', freshSalak(w.groups.bali.id));
    const harvest = await w.batch(salak.id, { lotCode: 'SLK-01', quantity: '50', producedOn: '2026-01-20' });
    const batch = await w.batch(w.products.bali.id, {
      lotCode: 'KRP-2026-02',
      producedOn: '2026-02-01',
      inputs: [{ batchId: harvest.id, quantity: '20' }],
    });

    const png = await t.request({ method: 'GET', url: `/api/v1/batches/${batch.id}/label.png`, as: w.managers.bali });
    expect(png.statusCode).toBe(200);
    expect(png.headers['content-type']).toBe('image/png');
    const url = await pngQrCode(png.rawPayload);
    expect(url).toBe(`${ORIGIN}/b/${batch.id}`);

    // A QR code for a Japanese package opens the Japanese page.
    const ja = await t.request({ url: `/api/v1/batches/${batch.id}/label.png?locale=ja`, as: w.managers.bali });
    expect(await pngQrCode(ja.rawPayload)).toBe(`${ORIGIN}/b/${batch.id}?lang=ja`);

    const pdf = await t.request({ method: 'GET', url: `/api/v1/batches/${batch.id}/label.pdf?count=4`, as: w.admin });
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const codes = await pdfQrCodes(pdf.rawPayload);
    expect(codes.length).toBeGreaterThan(0);
    expect(new Set(codes)).toEqual(new Set([`${url}?lang=id`]));
    const { text: lines } = await pdfText(pdf.rawPayload);
    const text = lines.replace(/\s+/g, ' ');
    expect(text).toContain('Keripik salak');
    expect(text).toContain('KRP-2026-02');
    // BPOM's wording with the day first, and the whole URL under the code (wrapped, never cut).
    expect(text).toContain('Tanggal produksi: 1 Februari 2026');
    expect(text).toContain('Baik digunakan sebelum: 1 Agustus 2099');
    expect(text).toContain('Pindai untuk melihat asal-usul produk');
    expect(lines.replace(/\s+/g, '')).toContain(`${url}?lang=id`);

    const page = await t.request({ method: 'GET', url: new URL(url!).pathname });
    expect([200, 404]).toContain(page.statusCode); // the web page, when the web app is built
    const r = await t.request({ method: 'GET', url: `/api/v1/provenance/batches/${batch.id}?locale=en` });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toEqual({
      batch: {
        id: batch.id,
        lotCode: 'KRP-2026-02',
        producedOn: '2026-02-01',
        expiresOn: '2099-08-01',
        quantity: '10',
        unit: '100 g',
      },
      product: {
        id: w.products.bali.id,
        name: 'Salak chips',
        description: 'Crisps of Bali snake fruit.',
        story: null,
        category: 'food',
        public: true,
        // English asked; the story exists in Indonesian only.
        shownIn: { name: 'en', description: 'en', story: null },
        photo: null,
      },
      village: {
        code: '51.07.06.2004',
        name: expect.stringMatching(/sibetan/i),
        region: [expect.stringMatching(/bebandem/i), expect.stringMatching(/karangasem/i), 'Bali'],
        country: 'ID',
        potentials: ['salak'],
      },
      group: { name: 'Kelompok Tani Salak Sibetan', kind: 'farmer_group', foundedOn: null },
      certifications: [
        {
          kind: 'pirt',
          number: '2063204010541-29',
          issuer: 'Pemerintah Kabupaten Karangasem',
          validUntil: '2029-12-31',
        },
      ],
      inputs: [
        {
          lotCode: 'SLK-01',
          quantity: '20',
          unit: 'kg',
          producedOn: '2026-01-20',
          product: 'Fresh salak',
          village: expect.stringMatching(/sibetan/i),
          group: 'Kelompok Tani Salak Sibetan',
        },
      ],
    });
    expect(r.body).not.toMatch(/Suastini|5107064505850001|6281234567890/);
    const missing = await t.request({
      method: 'GET',
      url: '/api/v1/provenance/batches/01936a3e-7b7c-7cc0-8000-000000000000',
    });
    expect(missing.statusCode).toBe(404);
  });
});
