import { describe, expect, it } from 'vitest';
import { useTestApp, type Session } from '../../../../test/app.js';
import { qualityWorld, validHalal, validPirt, type QualityWorld } from '../../../../test/quality-fixtures.js';
import { KARANGASEM, LOMBOK_BARAT, paths } from '../../../../test/registry-fixtures.js';
import { addDays, dateIn } from '../../../shared/dates.js';

/** Today as the server decides it (the app runs on the system clock in tests). */
const today = () => dateIn(new Date());

const t = useTestApp();

const post = (as: Session, payload: object) =>
  t.request({ method: 'POST', url: '/api/v1/certifications', as, payload });
const readiness = (w: QualityWorld, productId: string) =>
  t.request({ method: 'GET', url: `/api/v1/products/${productId}/export-readiness`, as: w.admin });
const statusOf = async (productId: string) =>
  (await t.database.db.query<{ status: string }>('SELECT status FROM products WHERE id = $1', [productId]))[0]!.status;

describe('certifications', () => {
  it('are recorded for a product or a group, with their number checked by kind', async () => {
    const w = await qualityWorld(t);
    const facilitator = await w.as('facilitator', { areaCode: KARANGASEM });
    const pirt = await post(facilitator, validPirt(w.products.bali.id));
    expect(pirt.statusCode).toBe(201);
    expect(pirt.json()).toMatchObject({
      productId: w.products.bali.id,
      groupId: w.groups.bali.id,
      kind: 'pirt',
      expiresOn: '2029-12-31',
      document: null,
      version: 1,
    });
    const fda = await post(facilitator, {
      groupId: w.groups.bali.id,
      kind: 'fda_registration',
      number: '12345678901',
      issuer: 'US FDA',
      issuedOn: '2025-11-03',
    });
    expect(fda.json()).toMatchObject({ productId: null, expiresOn: '2026-12-31' });
    const bad = await post(facilitator, {
      productId: w.products.bali.id,
      kind: 'pirt',
      number: '12345',
      issuer: 'Dinas Kesehatan',
      issuedOn: '2025-01-01',
      expiresOn: '2031-01-01',
    });
    expect(bad.statusCode).toBe(400);
    expect(paths(bad)).toEqual(['expiresOn', 'number']);
    const schema = await post(facilitator, { kind: 'gold', number: '', issuer: '', issuedOn: 'soon' });
    expect(paths(schema)).toEqual(['issuedOn', 'issuer', 'kind', 'number', 'productId']);
    const md = await post(facilitator, { ...validPirt(w.products.bali.id), kind: 'bpom_md', number: 'MD12' });
    expect(paths(md)).toEqual(['number']);
    const halal = await post(facilitator, { ...validHalal(w.groups.bali.id), number: '123' });
    expect(paths(halal)).toEqual(['number']);
  });

  it('replay a create with the same id, refuse stale edits, and delete', async () => {
    const w = await qualityWorld(t);
    const payload = { ...validPirt(w.products.bali.id), id: '01936a3e-7b7c-7cc0-8000-00000000c001' };
    expect((await post(w.admin, payload)).statusCode).toBe(201);
    expect((await post(w.admin, payload)).statusCode).toBe(200);
    expect((await post(w.admin, { ...payload, issuer: 'Lain' })).statusCode).toBe(409);
    const url = `/api/v1/certifications/${payload.id}`;
    const edit = await t.request({
      method: 'PATCH',
      url,
      as: w.admin,
      payload: { version: 1, issuer: 'DPMPTSP Karangasem' },
    });
    expect(edit.json()).toMatchObject({ issuer: 'DPMPTSP Karangasem', version: 2 });
    const stale = await t.request({ method: 'PATCH', url, as: w.admin, payload: { version: 1, number: '1' } });
    expect(stale.statusCode).toBe(409);
    const invalid = await t.request({
      method: 'PATCH',
      url,
      as: w.admin,
      payload: { version: 2, expiresOn: '2035-01-01' },
    });
    expect(paths(invalid)).toEqual(['expiresOn']);
    expect((await t.request({ method: 'DELETE', url, as: w.admin })).statusCode).toBe(204);
    expect((await t.request({ method: 'GET', url, as: w.admin })).statusCode).toBe(404);
  });

  it('keep other areas and groups out of reading, listing and changing', async () => {
    const w = await qualityWorld(t);
    const cert = (await post(w.admin, validPirt(w.products.bali.id))).json();
    const url = `/api/v1/certifications/${cert.id}`;
    const lombokFacilitator = await w.as('facilitator', { areaCode: LOMBOK_BARAT });
    const lombokManager = await w.as('group_manager', { groupId: w.groups.lombok.id });
    for (const session of [lombokFacilitator, lombokManager]) {
      expect((await t.request({ method: 'GET', url, as: session })).statusCode).toBe(404);
      expect((await t.request({ method: 'GET', url: '/api/v1/certifications', as: session })).json().items).toEqual([]);
      expect((await t.request({ method: 'DELETE', url, as: session })).statusCode).toBe(404);
      expect(paths(await post(session, validPirt(w.products.bali.id)))).toEqual(['productId']);
      expect((await readiness({ ...w, admin: session }, w.products.bali.id)).statusCode).toBe(404);
    }
    const member = await w.as('group_member', { groupId: w.groups.bali.id });
    expect((await t.request({ method: 'GET', url, as: member })).statusCode).toBe(200);
    const patch = await t.request({ method: 'PATCH', url, as: member, payload: { version: 1, issuer: 'x' } });
    expect(patch.statusCode).toBe(403);
    expect((await post(member, validPirt(w.products.bali.id))).statusCode).toBe(403);
  });

  it('list what expires in the next days within the facilitator’s area', async () => {
    const w = await qualityWorld(t);
    const on = today();
    const expiring = (productId: string, days: number) => ({
      ...validPirt(productId),
      issuedOn: addDays(on, -300),
      expiresOn: addDays(on, days),
    });
    const soon = (await post(w.admin, expiring(w.products.bali.id, 20))).json();
    await post(w.admin, expiring(w.products.bali.id, 90));
    await post(w.admin, expiring(w.products.lombok.id, 10));
    await post(w.admin, { ...expiring(w.products.bali.id, -1), issuedOn: addDays(on, -100) });
    const facilitator = await w.as('facilitator', { areaCode: KARANGASEM });
    const list = await t.request({
      method: 'GET',
      url: '/api/v1/certifications?expiringWithinDays=30',
      as: facilitator,
    });
    expect(list.json().items.map((c: { id: string }) => c.id)).toEqual([soon.id]);
    const all = await t.request({ method: 'GET', url: '/api/v1/certifications?expiringWithinDays=30', as: w.admin });
    expect(all.json().items).toHaveLength(2);
    const bad = await t.request({ method: 'GET', url: '/api/v1/certifications?expiringWithinDays=-3', as: w.admin });
    expect(paths(bad)).toEqual(['query.expiringWithinDays']);
  });

  it('keep the scanned certificate as a document', async () => {
    const w = await qualityWorld(t);
    const cert = (await post(w.admin, validPirt(w.products.bali.id))).json();
    const send = (data: Buffer) => {
      const form = new FormData();
      form.append('document', new Blob([new Uint8Array(data)], { type: 'image/png' }), 'pirt.png');
      return t.request({
        method: 'PUT',
        url: `/api/v1/certifications/${cert.id}/document`,
        as: w.admin,
        payload: form,
      });
    };
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
    const stored = await send(png);
    expect(stored.statusCode).toBe(200);
    expect(stored.json().document).toMatchObject({ contentType: 'image/png', byteSize: png.length });
    expect(paths(await send(Buffer.from('GIF89a')))).toEqual(['document']);
  });
});

describe('export readiness', () => {
  it('lists per market what is missing, and becomes ready with valid certificates', async () => {
    const w = await qualityWorld(t);
    const before = await readiness(w, w.products.bali.id);
    expect(before.statusCode).toBe(200);
    expect(before.json()).toMatchObject({ readyAnywhere: false, status: 'ready' });
    const jp = before.json().markets.find((m: { market: string }) => m.market === 'JP');
    expect(
      jp.checks.filter((c: { ok: boolean | null }) => c.ok === false).map((c: { code: string }) => c.code),
    ).toEqual(['food_permit', 'halal']);
    await post(w.admin, validPirt(w.products.bali.id));
    await post(w.admin, validHalal(w.groups.bali.id));
    const after = await readiness(w, w.products.bali.id);
    expect(after.json().markets.map((m: { market: string; ready: boolean }) => [m.market, m.ready])).toEqual([
      ['JP', true],
      ['EU', true],
      ['US', false],
    ]);
  });

  it('decides whether a product may be export-ready', async () => {
    const w = await qualityWorld(t);
    const url = `/api/v1/products/${w.products.bali.id}`;
    const refused = await t.request({
      method: 'PATCH',
      url,
      as: w.admin,
      payload: { version: 1, status: 'export_ready' },
    });
    expect(refused.statusCode).toBe(422);
    expect(paths(refused)).toEqual(
      expect.arrayContaining(['exportReadiness.JP.food_permit', 'exportReadiness.US.fda_registration']),
    );
    await post(w.admin, validPirt(w.products.bali.id));
    await post(w.admin, validHalal(w.groups.bali.id));
    const ok = await t.request({ method: 'PATCH', url, as: w.admin, payload: { version: 1, status: 'export_ready' } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().status).toBe('export_ready');
  });

  it('falls back to ready when a certificate it relied on is deleted, expires or is edited into the past', async () => {
    const w = await qualityWorld(t);
    const url = `/api/v1/products/${w.products.bali.id}`;
    const pirt = (await post(w.admin, validPirt(w.products.bali.id))).json();
    await post(w.admin, validHalal(w.groups.bali.id));
    const exportReady = async (version: number) =>
      t.request({ method: 'PATCH', url, as: w.admin, payload: { version, status: 'export_ready' } });
    expect((await exportReady(1)).statusCode).toBe(200);

    // Edited to have expired yesterday: falls back in the same write.
    const cert = `/api/v1/certifications/${pirt.id}`;
    const lapsed = await t.request({
      method: 'PATCH',
      url: cert,
      as: w.admin,
      payload: { version: 1, issuedOn: addDays(today(), -400), expiresOn: addDays(today(), -1) },
    });
    expect(lapsed.statusCode).toBe(200);
    expect(await statusOf(w.products.bali.id)).toBe('ready');
    const audit = await t.database.db.query<{ action: string }>(
      `SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY id DESC LIMIT 1`,
      [w.products.bali.id],
    );
    expect(audit[0]!.action).toBe('product.export_ready_lapsed');

    // Valid again, export-ready again; then time passes beyond the expiry: a read shows it fallen back.
    await t.request({
      method: 'PATCH',
      url: cert,
      as: w.admin,
      payload: { version: 2, expiresOn: addDays(today(), 1) },
    });
    expect((await exportReady(3)).statusCode).toBe(200);
    await t.database.db.query(`UPDATE certifications SET expires_on = $2 WHERE id = $1`, [
      pirt.id,
      addDays(today(), -1),
    ]);
    expect(await statusOf(w.products.bali.id)).toBe('export_ready');
    const read = await readiness(w, w.products.bali.id);
    expect(read.json()).toMatchObject({ status: 'ready', readyAnywhere: false });
    // The read answers 'ready' without writing it; the next write of the product stores it.
    expect(await statusOf(w.products.bali.id)).toBe('export_ready');

    // The next write of the product falls back too, instead of refusing an unrelated edit.
    await t.database.db.query(`UPDATE certifications SET expires_on = $2 WHERE id = $1`, [
      pirt.id,
      addDays(today(), 5),
    ]);
    const product = (await t.request({ method: 'GET', url, as: w.admin })).json();
    expect((await exportReady(product.version)).statusCode).toBe(200);
    await t.database.db.query(`UPDATE certifications SET expires_on = $2 WHERE id = $1`, [
      pirt.id,
      addDays(today(), -1),
    ]);
    const edit = await t.request({
      method: 'PATCH',
      url,
      as: w.admin,
      payload: { version: product.version + 1, unit: '250 g' },
    });
    expect(edit.json()).toMatchObject({ status: 'ready', unit: '250 g' });

    // Deleting the certificate of an export-ready product falls it back at once.
    await t.database.db.query(`UPDATE certifications SET expires_on = $2 WHERE id = $1`, [
      pirt.id,
      addDays(today(), 5),
    ]);
    expect((await exportReady(product.version + 2)).statusCode).toBe(200);
    expect((await t.request({ method: 'DELETE', url: cert, as: w.admin })).statusCode).toBe(204);
    expect(await statusOf(w.products.bali.id)).toBe('ready');
  });
});

describe('certifications in the public catalog', () => {
  it('shows the valid certificates of a published product, never an expired one or a document', async () => {
    const w = await qualityWorld(t);
    const product = w.products.bali.id;
    await t.request({ method: 'POST', url: '/api/v1/certifications', as: w.admin, payload: validPirt(product) });
    await t.request({
      method: 'POST',
      url: '/api/v1/certifications',
      as: w.admin,
      payload: validHalal(w.groups.bali.id),
    });
    await t.database.db.query(`UPDATE products SET status = 'ready', description = '{"id":"Keripik"}' WHERE id = $1`, [
      product,
    ]);
    const page = await t.request({ method: 'GET', url: `/api/v1/catalog/products/${product}` });
    expect(page.statusCode).toBe(200);
    expect(
      page
        .json()
        .certifications.map((c: { kind: string }) => c.kind)
        .sort(),
    ).toEqual(['halal', 'pirt']);
    expect(JSON.stringify(page.json().certifications)).not.toMatch(/document/);
    await t.database.db.query(
      `UPDATE certifications SET issued_on = '2019-01-01', expires_on = '2020-01-01' WHERE kind = 'pirt'`,
    );
    const later = await t.request({ method: 'GET', url: `/api/v1/catalog/products/${product}` });
    expect(later.json().certifications.map((c: { kind: string }) => c.kind)).toEqual(['halal']);
  });
});
