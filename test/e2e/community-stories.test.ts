import { copyFileSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { appStarted, hasNoHorizontalScroll, menu, phonePage, screenshot, signIn } from './browser.js';
import { baseUrl, programId, staffMember, useBrowser } from './community-fixture.js';
import { apiSession, FACILITATORS, ROOT } from './server.js';

/**
 * Issue #16's success stories on a 360 px phone: a facilitator drafts a group's story with a photo
 * and its Japanese text, sends it for review; the program manager publishes it; a visitor reads it
 * on the public stories page in Indonesian and on a Japanese phone. Until published, the public
 * page and the public API know nothing of it.
 */
const fixture = useBrowser();
const MANAGER = { email: 'kisah.pm@ovop.test', password: 'Kisah-Sukses-Bali-2026!', name: 'Komang Widiastuti' };
const GROUP = 'KWT Gula Aren Kisah Tenganan';
const PRODUCT = { id: 'Gula Aren Semut Tenganan', ja: 'テンガナンのヤシ砂糖' };
const STORY = {
  id: {
    title: 'Dari dapur desa ke pasar Jepang',
    body: 'Sepuluh ibu di Tenganan memasak nira aren setiap pagi.\n\nKini gula semut mereka dijual di kota.',
  },
  ja: {
    title: '村の台所から日本の市場へ',
    body: 'テンガナンの十人の女性が毎朝ヤシの樹液を煮詰めています。\n\n今ではその砂糖が町で売られています。',
  },
};
const TEMPLATE = {
  title: 'Kisah kelompok perempuan',
  sections: [
    { heading: 'Sebelumnya', prompt: 'Apa yang dibuat dan dijual kelompok dulu?' },
    { heading: 'Yang berubah', prompt: 'Pelatihan, kemasan, pembeli baru?' },
  ],
};
const SHOTS = join(ROOT, 'docs', 'screens', 'community');

let productId = '';

/** A village of Karangasem no other journey enrols, a women's group there and its product on the catalog. */
beforeAll(async () => {
  await staffMember(MANAGER, 'program_manager');
  const facilitator = await apiSession(baseUrl, FACILITATORS.karangasem);
  const areas = await facilitator<{ items: { code: string }[] }>('GET', '/api/v1/areas?parent=51.07.05');
  const village = await facilitator<{ id: string }>('POST', '/api/v1/villages', {
    programId,
    areaCode: areas.items[0]!.code,
  });
  const group = await facilitator<{ id: string }>('POST', '/api/v1/groups', {
    programId,
    villageId: village.id,
    name: GROUP,
    kind: 'women_group',
  });
  const product = await facilitator<{ id: string }>('POST', '/api/v1/products', {
    groupId: group.id,
    name: PRODUCT,
    description: { id: 'Gula semut dari nira aren, dimasak di tungku kayu.' },
    category: 'food',
    unit: '250 g',
    price: { amount: '25000.00', currency: 'IDR' },
    status: 'ready',
  });
  productId = product.id;
});

/** A screenshot in test-results and a copy in docs/screens/community. */
async function shoot(page: Page, name: string) {
  await screenshot(page, name);
  mkdirSync(SHOTS, { recursive: true });
  copyFileSync(join(ROOT, 'test-results', 'screenshots', `${name}.png`), join(SHOTS, `${name}.png`));
}

async function photoFile(): Promise<string> {
  const file = join(mkdtempSync(join(tmpdir(), 'ovop-story-')), 'gula-aren.jpg');
  await sharp({ create: { width: 800, height: 600, channels: 3, background: '#7b3f00' } })
    .composite([
      {
        input: Buffer.from(
          '<svg width="800" height="600"><rect x="200" y="150" width="400" height="300" fill="#d2a65a"/></svg>',
        ),
      },
    ])
    .jpeg()
    .toFile(file);
  return file;
}

/** The story as the public API answers it: its status code (404 until published). */
const publicStatus = async (id: string) => (await fetch(`${baseUrl}/api/v1/stories/${id}`)).status;

/** The image has loaded: its file was served and decoded. */
const loaded = (page: Page, selector: string) =>
  page.locator(selector).evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth > 0);

describe('a group’s success story on a phone', () => {
  it('is drafted with a photo by a facilitator, published by the program manager, and read by visitors in id and ja', async () => {
    // 0. The program manager makes the program's story template on her phone.
    const pm = await phonePage(fixture.browser, baseUrl);
    await signIn(pm, MANAGER);
    await (await menu(pm)).getByRole('link', { name: 'Kisah sukses' }).click();
    const made = pm.getByRole('form', { name: 'Templat baru' });
    await made.getByLabel('Nama templat').fill(TEMPLATE.title);
    await made.getByRole('button', { name: 'Tambah bagian' }).click();
    for (const [i, section] of TEMPLATE.sections.entries()) {
      const part = made.getByRole('group', { name: `Bagian ${i + 1}` });
      await part.getByLabel('Judul bagian').fill(section.heading);
      await part.getByLabel('Apa yang diceritakan di bagian ini').fill(section.prompt);
    }
    await made.getByRole('button', { name: 'Simpan templat' }).click();
    await pm.getByRole('listitem').filter({ hasText: TEMPLATE.title }).getByText('2 bagian').waitFor();
    expect(await hasNoHorizontalScroll(pm)).toBe(true);
    await shoot(pm, 'stories-template-id');
    await pm.context().close();

    // 1. The facilitator drafts the story from the menu, from the template, in Indonesian, then adds
    // Japanese and a photo.
    const page = await phonePage(fixture.browser, baseUrl);
    await signIn(page, FACILITATORS.karangasem);
    await (await menu(page)).getByRole('link', { name: 'Kisah sukses' }).click();
    await page.getByRole('heading', { name: 'Kisah sukses', level: 1 }).waitFor();
    const draft = page.getByRole('form', { name: 'Kisah baru' });
    await draft.getByLabel('Kelompok').selectOption({ label: GROUP });
    await draft.getByLabel('Mulai dari templat').selectOption({ label: TEMPLATE.title });
    // Its headings are written into the text, and what to tell under each is shown below it.
    expect(await draft.getByLabel('Kisah').inputValue()).toBe('## Sebelumnya\n\n## Yang berubah\n\n');
    await draft.getByText(TEMPLATE.sections[1]!.prompt).waitFor();
    // A facilitator reads the templates but does not keep them.
    expect(await page.getByRole('form', { name: 'Templat baru' }).count()).toBe(0);
    await draft.getByLabel('Judul').fill(STORY.id.title);
    await draft.getByLabel('Kisah').fill(STORY.id.body);
    expect(await hasNoHorizontalScroll(page)).toBe(true);
    await shoot(page, 'stories-new-id');
    await draft.getByRole('button', { name: 'Buat draf' }).click();
    await page.getByRole('heading', { name: GROUP, level: 1 }).waitFor();
    const storyId = page.url().split('/').at(-1)!;
    expect(storyId).toMatch(/^[0-9a-f-]{36}$/);
    const asFacilitator = await apiSession(baseUrl, FACILITATORS.karangasem);
    const drafted = await asFacilitator<{ templateId: string | null }>('GET', `/api/v1/community/stories/${storyId}`);
    expect(drafted.templateId).toMatch(/^[0-9a-f-]{36}$/);

    const japanese = page.getByRole('group', { name: 'Bahasa Jepang' });
    await japanese.getByLabel('Judul').fill(STORY.ja.title);
    await japanese.getByLabel('Kisah').fill(STORY.ja.body);
    await page.getByRole('button', { name: 'Simpan', exact: true }).click();
    await expect.poll(() => japanese.getByLabel('Judul').inputValue()).toBe(STORY.ja.title);
    await page.getByLabel('Tambah foto').setInputFiles(await photoFile());
    await expect.poll(() => page.getByRole('list', { name: 'Foto' }).locator('img').count()).toBe(1);
    // The group's product on the catalog is linked from the story, with the group's facts.
    const productLink = page.getByRole('link', { name: PRODUCT.id, exact: true });
    expect(await productLink.getAttribute('href')).toBe(`/p/${productId}`);
    await page.getByRole('button', { name: 'Kirim untuk ditinjau' }).click();
    await page.getByText('menunggu tinjauan', { exact: true }).waitFor();
    expect(await page.getByRole('button', { name: 'Kirim untuk ditinjau' }).count()).toBe(0);
    expect(await hasNoHorizontalScroll(page)).toBe(true);
    await shoot(page, 'stories-submitted-id');
    await page.context().close();

    // 2. Before it is published, the public page and its API know nothing of it.
    expect(await publicStatus(storyId)).toBe(404);
    const early = await phonePage(fixture.browser, baseUrl);
    await early.goto(`/stories?program=${programId}`);
    await early.getByRole('heading', { name: 'Kisah sukses', level: 1 }).waitFor();
    await early.getByText('Belum ada kisah yang terbit.').or(early.locator('main ul.stack')).first().waitFor();
    expect(await early.getByRole('link', { name: STORY.id.title }).count()).toBe(0);
    await early.goto(`/stories/${storyId}`);
    await appStarted(early);
    await early.getByRole('heading', { name: 'Tidak ditemukan', level: 1 }).waitFor();
    expect(await early.locator('main').innerText()).not.toContain(STORY.id.title);
    await early.context().close();

    // 3. The program manager reviews the story from her own list and publishes it.
    const manager = await phonePage(fixture.browser, baseUrl);
    await signIn(manager, MANAGER);
    await (await menu(manager)).getByRole('link', { name: 'Kisah sukses' }).click();
    const listed = manager.getByRole('listitem').filter({ hasText: GROUP });
    await listed.getByText('menunggu tinjauan').waitFor();
    await listed.getByRole('link', { name: STORY.id.title }).click();
    await manager.getByRole('button', { name: 'Terbitkan' }).click();
    await manager.getByText('terbit', { exact: true }).waitFor();
    const publicLink = manager.getByRole('link', { name: 'Lihat halaman publik' });
    expect(await publicLink.getAttribute('href')).toBe(`/stories/${storyId}`);
    expect(await hasNoHorizontalScroll(manager)).toBe(true);
    await shoot(manager, 'stories-published-id');
    await manager.context().close();
    expect(await publicStatus(storyId)).toBe(200);

    // 4. Visitors read it from the public stories page: an Indonesian phone, then a Japanese one.
    const readers = {
      id: { locale: 'id-ID', list: 'Kisah sukses', facts: 'Capaian kelompok', noStars: 'Belum dinilai' },
      ja: { locale: 'ja-JP', list: '成功事例', facts: 'グループの実績', noStars: 'まだ格付けなし' },
    } as const;
    for (const lang of ['id', 'ja'] as const) {
      const reader = readers[lang];
      const visitor = await phonePage(fixture.browser, baseUrl, reader.locale);
      await visitor.goto(`/stories?program=${programId}`);
      await visitor.getByRole('heading', { name: reader.list, level: 1 }).waitFor();
      await visitor.getByRole('link', { name: STORY[lang].title }).click();
      // The page comes rendered by the server; read it once the app has taken its place.
      await visitor.getByRole('heading', { name: STORY[lang].title, level: 1 }).waitFor();
      await appStarted(visitor);
      await visitor.getByRole('heading', { name: STORY[lang].title, level: 1 }).waitFor();
      const text = await visitor.locator('main').innerText();
      expect(text).toContain(STORY[lang].body.split('\n')[0]);
      expect(text).toContain(GROUP);
      await expect.poll(() => loaded(visitor, 'article.story img.cover')).toBe(true);
      const facts = visitor.getByRole('region', { name: reader.facts });
      expect(await facts.innerText()).toContain(reader.noStars);
      const product = facts.getByRole('link', { name: PRODUCT[lang], exact: true });
      expect(await product.getAttribute('href')).toBe(`/p/${productId}`);
      if (lang === 'ja') expect(text).not.toMatch(/Capaian kelompok|Produk kelompok|Anggota terlatih/);
      expect(await hasNoHorizontalScroll(visitor)).toBe(true);
      await shoot(visitor, `stories-public-${lang}`);
      await visitor.context().close();
    }
  });
});
