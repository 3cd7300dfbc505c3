import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.js';
import { communityEventsWorld } from '../../../test/community-events-fixtures.js';

/*
 * The public events pages as the server renders them (decision 025): read without JavaScript, in
 * the visitor's language, never showing a members-only event, and saying when one was called off.
 */
const SHELL =
  '<!doctype html><html lang="id"><head><title>OVOP</title><meta name="description" content="OVOP" />' +
  '<script type="module" src="/assets/app.js"></script><link rel="stylesheet" crossorigin href="/assets/app-1.css">' +
  '</head><body><div id="root"></div></body></html>';

const webRoot = mkdtempSync(join(tmpdir(), 'ovop-event-pages-'));
mkdirSync(join(webRoot, 'assets'));
writeFileSync(join(webRoot, 'index.html'), SHELL);
writeFileSync(join(webRoot, 'assets', 'app-1.css'), '.page{margin:0}');

const t = useTestApp({ webRoot });

const rootOf = (body: string) => body.slice(body.indexOf('<div id="root">'), body.lastIndexOf('</div>'));
const get = (url: string, headers: Record<string, string> = {}) =>
  t.request({ method: 'GET', url, headers: { host: 'ovop.test', ...headers } });

describe('the public events pages', () => {
  it('list the open events with the stylesheet inline, in the visitor language, never a members-only one', async () => {
    const w = await communityEventsWorld(t);
    const open = await w.event({ public: true, capacity: 40 });
    await w.event({ title: { id: 'Rapat anggota tertutup' } });
    const r = await get(`/events?program=${w.program.id}`);
    expect(r.statusCode).toBe(200);
    expect(r.body).toContain('<style>.page{margin:0}</style>');
    const root = rootOf(r.body);
    expect(root).toContain('<h1>Acara terbuka</h1>');
    expect(root).toContain(`<a href="/events/${open.id}"><strong>Pameran produk desa</strong></a>`);
    expect(root).toContain('Sisa 40 tempat');
    expect(root).toContain('(Asia/Makassar)');
    expect(root).toContain(`<a href="/join/${w.program.id}">Gabung komunitas untuk mendaftar hadir</a>`);
    expect(root).not.toContain('Rapat anggota tertutup');

    const ja = await get(`/events?program=${w.program.id}`, { 'accept-language': 'ja-JP,ja;q=0.9' });
    expect(ja.body).toContain('<html lang="ja"');
    expect(rootOf(ja.body)).toContain('<strong>村の産品フェア</strong>');
    expect(rootOf(ja.body)).toContain('残り 40 席');
  });

  it('show one open event, 404 for a members-only one, and say when it was called off', async () => {
    const w = await communityEventsWorld(t);
    const open = await w.event({ public: true });
    const closed = await w.event();
    const r = await get(`/events/${open.id}`);
    expect(r.statusCode).toBe(200);
    expect(r.body).toContain('<title>Pameran produk desa · OVOP</title>');
    expect(r.body).toContain('"eventStatus":"https://schema.org/EventScheduled"');
    expect(rootOf(r.body)).toContain(`href="/api/v1/community/public-events/${open.id}/calendar"`);
    expect((await get(`/events/${closed.id}`)).statusCode).toBe(404);
    expect(rootOf((await get(`/events/${closed.id}`)).body)).not.toContain('Pameran');
    expect((await get('/events/not-an-id')).statusCode).toBe(404);

    await w.ok('POST', `/api/v1/community/events/${open.id}/cancel`, w.as.manager, { reason: 'Balai <dipakai> rapat' });
    const off = await get(`/events/${open.id}`);
    expect(rootOf(off.body)).toContain('<strong>Dibatalkan</strong>');
    expect(rootOf(off.body)).toContain('Alasan: Balai &lt;dipakai&gt; rapat');
    expect(off.body).toContain('"eventStatus":"https://schema.org/EventCancelled"');
    expect(rootOf(off.body)).not.toContain('/calendar');
    expect(rootOf((await get(`/events?program=${w.program.id}`)).body)).toContain('<strong>Dibatalkan</strong>');
  });
});
