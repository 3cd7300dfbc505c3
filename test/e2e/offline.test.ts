import sharp from 'sharp';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { cutNetwork, launchChromium, screenshot, signInWithWorker } from './browser.js';
import { ADMIN, apiSession } from './server.js';

// Chromium's offline emulation does not reach a service worker's own requests; with these events
// on, the journey cuts them too (see cutNetwork), so the worker is as offline as the page.
process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = '1';

const baseUrl = inject('baseUrl');
const programId = inject('programId');
let browser: Browser;

const FIELD = { email: 'komang@ovop.test', password: 'Pendamping-Offline-2026!', name: 'Komang Ardana' };
const TREASURER = { email: 'sukerti.offline@ovop.test', password: 'Bendahara-Offline-2026!' };
const MEMBERS = Array.from({ length: 20 }, (_, i) => `Ni Luh Offline ${String(i + 1).padStart(2, '0')}`);

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/**
 * A village and a group of their own in Karangasem, a facilitator who also trains, a session today
 * with two of the group's members enrolled (a third is not yet), the group's treasurer, and a
 * weavers' group beside it with a batch of cloth in stock.
 */
async function seed() {
  const admin = await apiSession(baseUrl, ADMIN);
  const areas = await admin<{ items: { code: string }[] }>('GET', '/api/v1/areas?parent=51.07.04');
  const areaCode = areas.items.at(-1)!.code;
  const village = await admin<{ id: string }>('POST', '/api/v1/villages', { programId, areaCode });
  const group = await admin<{ id: string; version: number }>('POST', '/api/v1/groups', {
    programId,
    villageId: village.id,
    name: 'KWT Tenun Ikat Offline',
    kind: 'women_group',
  });
  const field = await admin<{ id: string }>('POST', '/api/v1/users', FIELD);
  await admin('POST', `/api/v1/programs/${programId}/roles`, {
    userId: field.id,
    role: 'facilitator',
    areaCode: '51.07',
  });
  await admin('POST', `/api/v1/programs/${programId}/roles`, { userId: field.id, role: 'trainer' });
  const treasurer = await admin<{ id: string }>('POST', '/api/v1/users', { ...TREASURER, name: 'Ni Made Sukerti' });
  await admin('POST', `/api/v1/programs/${programId}/roles`, {
    userId: treasurer.id,
    role: 'group_manager',
    groupId: group.id,
  });
  const enrolled = [];
  for (const name of ['Ni Wayan Rai', 'Ni Nyoman Sari']) {
    enrolled.push(
      await admin<{ id: string; name: string }>('POST', `/api/v1/groups/${group.id}/members`, {
        name,
        sex: 'female',
        birthYear: 1985,
        joinedOn: '2025-01-01',
      }),
    );
  }
  const course = await admin<{ id: string }>('POST', '/api/v1/courses', {
    programId,
    title: { id: 'Pewarnaan alami tenun' },
    topic: 'production',
    durationHours: 4,
  });
  const today = new Date().toLocaleDateString('en-CA', { timeZone: 'Asia/Jakarta' });
  const session = await admin<{ id: string }>('POST', '/api/v1/sessions', {
    courseId: course.id,
    areaCode,
    address: 'Balai banjar',
    startsOn: today,
    endsOn: today,
    trainerId: field.id,
    capacity: 20,
  });
  for (const m of enrolled) await admin('POST', `/api/v1/sessions/${session.id}/enrolments`, { memberId: m.id });
  const newcomer = await admin<{ id: string; name: string }>('POST', `/api/v1/groups/${group.id}/members`, {
    name: 'Ni Ketut Ayu',
    sex: 'female',
    birthYear: 1992,
    joinedOn: '2025-01-01',
  });
  // In a group of its own: a group that keeps batches records its sales with the batches they take.
  const weavers = await admin<{ id: string }>('POST', '/api/v1/groups', {
    programId,
    villageId: village.id,
    name: 'KWT Tenun Songket Offline',
    kind: 'women_group',
  });
  const cloth = await admin<{ id: string }>('POST', '/api/v1/products', {
    groupId: weavers.id,
    name: { id: 'Kain songket' },
    category: 'craft',
    unit: 'lembar',
    price: { amount: '350000', currency: 'IDR' },
  });
  const batch = await admin<{ id: string }>('POST', '/api/v1/batches', {
    productId: cloth.id,
    lotCode: 'SGK-2601',
    quantity: '12',
    producedOn: '2026-01-20',
  });
  return {
    admin,
    groupId: group.id,
    sessionId: session.id,
    today,
    enrolled,
    newcomer,
    weaversId: weavers.id,
    batchId: batch.id,
  };
}

async function phone(): Promise<BrowserContext> {
  return browser.newContext({
    viewport: { width: 360, height: 800 },
    hasTouch: true,
    baseURL: baseUrl,
    locale: 'id-ID',
    serviceWorkers: 'allow',
  });
}

/** Signs in online, waits for the service worker to serve the page and the working set to be kept. */
async function signInForTheField(page: Page, who: { email: string; password: string }) {
  // Served by the worker now: the signed-in answers and the working set land in its cache.
  await signInWithWorker(page, who);
  await page.goto('/app/outbox');
  await page.getByTestId('working-set').filter({ hasText: 'diunduh' }).waitFor({ timeout: 60_000 });
}

const records = (page: Page, state: string) => page.locator(`[data-testid="outbox-record"][data-state="${state}"]`);

describe('the field app without a network', () => {
  it('keeps every record made offline through a reload and sends each exactly once when the network returns', async () => {
    const world = await seed();
    const png = await sharp({ create: { width: 640, height: 480, channels: 3, background: '#8b4513' } })
      .png()
      .toBuffer();

    // The facilitator, on a phone that has been online once.
    const fieldContext = await phone();
    let page = await fieldContext.newPage();
    await signInForTheField(page, FIELD);
    // The day's screens opened once in the morning, with signal.
    await page.goto(`/app/sessions/${world.sessionId}/attendance`);
    await page.getByRole('list', { name: 'Kehadiran' }).getByRole('button').first().waitFor();
    await page.goto(`/app/groups/${world.groupId}`);
    await page.getByRole('heading', { name: 'KWT Tenun Ikat Offline', level: 1 }).waitFor();
    await page.goto(`/app/batches?group=${world.weaversId}`);
    await page.getByText('SGK-2601').waitFor();
    const restoreField = await cutNetwork(fieldContext);

    // A new group, registered with no network: it opens under its client id.
    await page.goto('/app/groups/new');
    await page.getByLabel('Desa').selectOption({ index: 1 });
    await page.getByLabel('Nama kelompok').fill('KWT Anyaman Bambu Baru');
    await page.getByRole('button', { name: 'Daftarkan', exact: true }).click();
    await page.getByRole('heading', { name: 'KWT Anyaman Bambu Baru', level: 1 }).waitFor();
    await page.getByText('Belum terkirim').waitFor();
    const newGroupId = new URL(page.url()).pathname.split('/').pop()!;

    // Twenty members of that group, each kept on the phone.
    await page.getByRole('button', { name: 'Tambah anggota' }).click();
    const memberForm = page.getByRole('form', { name: 'Data anggota' });
    for (const name of MEMBERS) {
      await memberForm.getByLabel('Nama', { exact: true }).fill(name);
      await memberForm.getByLabel('Tahun lahir').fill('1990');
      await memberForm.getByRole('button', { name: 'Tambah anggota' }).click();
      await page.getByTestId('pending-member').filter({ hasText: name }).waitFor();
    }
    expect(await page.getByTestId('pending-member').count()).toBe(20);
    await screenshot(page, 'offline-members-pending');

    // A product of the new group, and its photo.
    await page.getByRole('link', { name: 'Produk baru' }).click();
    await page.getByLabel('Nama produk').fill('Keranjang bambu anyam');
    await page.getByLabel('Satuan').fill('buah');
    await page.getByLabel(/^Harga/).fill('75000');
    await page.getByRole('button', { name: 'Simpan produk' }).click();
    await page.getByRole('heading', { name: 'Keranjang bambu anyam', level: 1 }).waitFor();
    await page
      .locator('input[type="file"]')
      .setInputFiles({ name: 'keranjang.png', mimeType: 'image/png', buffer: png });
    await page.getByRole('button', { name: 'Unggah foto' }).click();
    await page.getByTestId('saved-on-device').waitFor();

    // Attendance for today's session, read from the working set.
    await page.goto(`/app/sessions/${world.sessionId}/attendance`);
    const sheet = page.getByRole('list', { name: 'Kehadiran' });
    await sheet.getByRole('button').first().waitFor();
    await screenshot(page, 'offline-attendance');
    for (const m of world.enrolled) await sheet.getByRole('button', { name: new RegExp(m.name) }).tap();
    await expect.poll(() => sheet.locator('[data-state="onDevice"]').count(), { timeout: 60_000 }).toBe(2);

    // One more participant enrolled in the session, and two pieces of cloth sold from the batch.
    await page.goto(`/app/sessions/${world.sessionId}`);
    const enrolForm = page.getByRole('form', { name: 'Daftarkan peserta' });
    await enrolForm.getByLabel('Kelompok').selectOption({ label: 'KWT Tenun Ikat Offline' });
    await enrolForm.getByLabel('Anggota').selectOption({ label: world.newcomer.name });
    await enrolForm.getByRole('button', { name: 'Daftarkan peserta' }).click();
    await enrolForm.getByTestId('saved-on-device').waitFor();
    await page.getByTestId('pending-enrolment').filter({ hasText: world.newcomer.name }).waitFor();
    await page.goto(`/app/batches?group=${world.weaversId}`);
    await page.getByRole('button', { name: 'Catat stok keluar lot SGK-2601' }).click();
    const stockOut = page.getByRole('form', { name: 'Catat stok keluar lot SGK-2601' });
    await stockOut.getByLabel('Jumlah keluar (lembar)').fill('2');
    // A link away from the half-typed form asks first; staying keeps what was typed.
    page.once('dialog', (dialog) => void dialog.dismiss());
    await page.getByTestId('outbox-badge').click();
    expect(new URL(page.url()).pathname).toBe('/app/batches');
    await stockOut.getByRole('button', { name: 'Simpan stok keluar' }).click();
    await page.getByTestId('saved-on-device').waitFor();
    await page.getByTestId('pending-movement').waitFor();

    // An edit of the seeded group, while the office renames it on the server meanwhile.
    await page.goto(`/app/groups/${world.groupId}`);
    await page.getByText('Ubah data kelompok').click();
    await page.getByLabel('Nama kelompok').fill('KWT Tenun Ikat Sidemen');
    await page.getByRole('button', { name: 'Simpan', exact: true }).click();
    await page.getByTestId('saved-on-device').waitFor();
    const current = await world.admin<{ version: number }>('GET', `/api/v1/groups/${world.groupId}`);
    await world.admin('PATCH', `/api/v1/groups/${world.groupId}`, {
      version: current.version,
      name: 'KWT Tenun Ikat (kantor)',
    });

    // The treasurer, on another phone: three transactions with no network.
    const treasurerContext = await phone();
    let books = await treasurerContext.newPage();
    await signInForTheField(books, TREASURER);
    await books.goto(`/app/groups/${world.groupId}/books`);
    await books.getByRole('button', { name: 'Penjualan tunai' }).waitFor();
    const restoreTreasurer = await cutNetwork(treasurerContext);
    await books.reload();
    for (const [amount, memo] of [
      ['10000', 'Kain tenun kecil'],
      ['25000', 'Selendang'],
      ['40000', 'Kamben'],
    ] as const) {
      await books.getByRole('button', { name: 'Penjualan tunai' }).tap();
      const form = books.getByRole('form', { name: 'Penjualan tunai' });
      await form.getByLabel('Uang yang diterima').fill(amount);
      await form.getByLabel('Catatan').fill(memo);
      await form.getByRole('button', { name: 'Simpan catatan' }).click();
      await books.getByTestId('saved-on-device').waitFor();
    }

    // Both phones closed and opened again, still offline: everything is there, waiting.
    await page.close();
    await books.close();
    page = await fieldContext.newPage();
    await page.goto('/app/outbox');
    await page.getByRole('heading', { name: 'Kotak keluar' }).waitFor();
    await screenshot(page, 'offline-outbox-reopened');
    // 1 group + 20 members + 1 product + 1 photo + 1 enrolment + 1 stock movement;
    // 2 attendance taps + 1 group edit.
    await expect.poll(() => records(page, 'to-post').count(), { timeout: 60_000 }).toBe(25);
    expect(await records(page, 'to-update').count()).toBe(3);
    await page.getByTestId('outbox-badge').filter({ hasText: '28' }).waitFor();
    await screenshot(page, 'offline-outbox-pending');
    books = await treasurerContext.newPage();
    await books.goto('/app/outbox');
    await expect.poll(() => records(books, 'to-post').count(), { timeout: 60_000 }).toBe(3);

    // Nothing reached the server meanwhile.
    const admin = world.admin;
    expect((await admin<{ items: unknown[] }>('GET', `/api/v1/groups/${world.groupId}/journal`)).items).toHaveLength(0);

    // The network returns: each phone sends what it kept, many records to a request (the batch).
    const sent: string[] = [];
    fieldContext.on('request', (r) => {
      if (r.method() !== 'GET') sent.push(new URL(r.url()).pathname);
    });
    await restoreField();
    await restoreTreasurer();
    await expect.poll(() => records(page, 'synced').count(), { timeout: 60_000 }).toBe(27);
    await expect.poll(() => records(books, 'synced').count(), { timeout: 60_000 }).toBe(3);
    // The 20 members went together, after their group: no request per member.
    expect(sent.filter((path) => path.endsWith('/members'))).toEqual([]);
    expect(sent.filter((path) => path === '/api/v1/batch').length).toBeGreaterThanOrEqual(2);

    // The edit met the office's newer version: both shown, the facilitator keeps theirs.
    const conflict = page.getByTestId('outbox-conflict');
    await conflict.waitFor();
    await conflict.getByText('KWT Tenun Ikat (kantor)').waitFor();
    await conflict.getByText('KWT Tenun Ikat Sidemen').waitFor();
    await screenshot(page, 'offline-conflict');
    await conflict.getByRole('button', { name: 'Pakai versi saya' }).click();
    await expect.poll(() => records(page, 'synced').count(), { timeout: 60_000 }).toBe(28);

    // Everything arrived exactly once.
    const group = await admin<{ name: string }>('GET', `/api/v1/groups/${world.groupId}`);
    expect(group.name).toBe('KWT Tenun Ikat Sidemen');
    const members = await admin<{ items: { name: string }[] }>('GET', `/api/v1/groups/${newGroupId}/members?limit=100`);
    expect(members.items.map((m) => m.name).sort()).toEqual(MEMBERS);
    const products = await admin<{ items: { id: string; photos: unknown[] }[] }>(
      'GET',
      `/api/v1/products?groupId=${newGroupId}`,
    );
    expect(products.items).toHaveLength(1);
    const product = await admin<{ photos: unknown[] }>('GET', `/api/v1/products/${products.items[0]!.id}`);
    expect(product.photos).toHaveLength(1);
    const attendance = await admin<{ items: { present: boolean | null }[] }>(
      'GET',
      `/api/v1/sessions/${world.sessionId}/attendance/${world.today}`,
    );
    expect(attendance.items.filter((i) => i.present)).toHaveLength(2);
    const journal = await admin<{ items: { memo: string }[] }>('GET', `/api/v1/groups/${world.groupId}/journal`);
    expect(journal.items.map((e) => e.memo).sort()).toEqual(['Kain tenun kecil', 'Kamben', 'Selendang']);
    const enrolments = await admin<{ items: { member: { name: string } }[] }>(
      'GET',
      `/api/v1/sessions/${world.sessionId}/enrolments`,
    );
    expect(enrolments.items.map((e) => e.member.name).sort()).toEqual([
      'Ni Ketut Ayu',
      'Ni Nyoman Sari',
      'Ni Wayan Rai',
    ]);
    const moves = await admin<{ items: { kind: string; quantity: string }[] }>(
      'GET',
      `/api/v1/batches/${world.batchId}/movements`,
    );
    expect(moves.items.map((m) => `${m.kind} ${m.quantity}`).sort()).toEqual(['produced 12', 'sold 2']);
    await fieldContext.close();
    await treasurerContext.close();
  });
});
