import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.js';
import { communityEventsWorld } from '../../../test/community-events-fixtures.js';
import { SIBETAN } from '../../../test/registry-fixtures.js';

/*
 * A member's public page as the server renders it (decision 025): read without JavaScript, in the
 * visitor's language, with only the fields she made public, and kept out of search engines.
 */
const SHELL =
  '<!doctype html><html lang="id"><head><title>OVOP</title><meta name="description" content="OVOP" />' +
  '</head><body><div id="root"></div></body></html>';
const webRoot = mkdtempSync(join(tmpdir(), 'ovop-people-pages-'));
writeFileSync(join(webRoot, 'index.html'), SHELL);

const t = useTestApp({ webRoot });

const rootOf = (body: string) => body.slice(body.indexOf('<div id="root">'), body.lastIndexOf('</div>'));
const get = (url: string, headers: Record<string, string> = {}) =>
  t.request({ method: 'GET', url, headers: { host: 'ovop.test', ...headers } });
const NONE = { business: false, offers: false, phone: false, email: false, group: false };

describe('a member’s public page', () => {
  it('shows her name and village, then only what she made public, with a WhatsApp link for a public phone', async () => {
    const w = await communityEventsWorld(t);
    const sari = await w.member('Ni Ketut <Sari>', SIBETAN, { phone: '0812-3456-7890', business: 'Keripik salak' });
    const settings = `/api/v1/community/${w.program.id}/profile`;

    const bare = await get(`/people/${sari.joinId}`);
    expect(bare.statusCode).toBe(200);
    expect(bare.body).toContain('<title>Ni Ketut &lt;Sari&gt; · OVOP</title>');
    expect(bare.body).toContain('<meta name="robots" content="noindex" />');
    const shown = rootOf(bare.body);
    expect(shown).toContain('<h1>Ni Ketut &lt;Sari&gt;</h1>');
    expect(shown).toContain('Sibetan');
    expect(shown).not.toContain('Keripik salak');
    expect(shown).not.toContain('wa.me');
    expect(shown).not.toContain(sari.email);

    await w.ok('PUT', settings, sari, {
      offers: 'Oleh-oleh 50 bungkus seminggu',
      public: { ...NONE, phone: true, offers: true },
    });
    const open = rootOf((await get(`/people/${sari.joinId}`)).body);
    expect(open).toContain('<h2>Yang ditawarkan</h2>');
    expect(open).toContain('Oleh-oleh 50 bungkus seminggu');
    expect(open).toContain('href="https://wa.me/6281234567890?text=');
    expect(open).toContain('>Chat lewat WhatsApp</a>');
    expect(open).not.toContain(sari.email);
    expect(open).not.toContain('Keripik salak');

    const ja = await get(`/people/${sari.joinId}`, { 'accept-language': 'ja-JP,ja;q=0.9' });
    expect(ja.body).toContain('<html lang="ja"');
    expect(rootOf(ja.body)).not.toContain('Chat lewat WhatsApp');
  });

  it('answers 404 for someone not welcomed (yet), and for an id that is no one', async () => {
    const w = await communityEventsWorld(t);
    const pending = await t.request({
      method: 'POST',
      url: `/api/v1/community/${w.program.id}/joins`,
      payload: {
        name: 'Ni Luh Pending',
        email: 'pending@example.id',
        areaCode: SIBETAN,
        rulesVersion: 1,
        acceptRules: true,
      },
      remoteAddress: '10.9.9.9',
    });
    expect(pending.statusCode).toBe(202);
    const page = await get(`/people/${pending.json<{ id: string }>().id}`);
    expect(page.statusCode).toBe(404);
    expect(page.body).not.toContain('Ni Luh Pending');
    expect((await get('/people/0195b6f5-94a4-7c3e-9d0e-1a2b3c4d5e6f')).statusCode).toBe(404);
    expect((await get('/people/not-an-id')).statusCode).toBe(404);
  });
});
