import { describe, expect, it } from 'vitest';
import { useTestApp, type Session } from '../../../../test/app.js';
import { communityEventsWorld } from '../../../../test/community-events-fixtures.js';
import { KARANGASEM, LOMBOK_BARAT, paths, SIBETAN } from '../../../../test/registry-fixtures.js';

const t = useTestApp();

type Listed = { id: string; title: { id: string }; pinned: boolean; read: boolean };

describe('announcements', () => {
  it('reach those they are aimed at — an area, a role, a space, or everyone — and nobody else', async () => {
    const w = await communityEventsWorld(t);
    const url = `/api/v1/community/${w.program.id}/announcements`;
    const spaces = (await w.ok('GET', `/api/v1/community/${w.program.id}/spaces`, w.as.manager)).items as {
      id: string;
      area: { code: string } | null;
    }[];
    const lombokSpace = spaces.find((s) => s.area?.code === LOMBOK_BARAT)!;
    const post = (title: string, target: Record<string, unknown> = {}, who = w.as.manager) =>
      w.ok('POST', url, who, { title: { id: title }, body: { id: `${title}.` }, ...target });
    const everyone = await post('Untuk semua');
    const karangasem = await post('Karangasem', { areaCode: KARANGASEM }, w.as.karangasem);
    const trainers = await post('Pelatih', { role: 'trainer' });
    const members = await post('Anggota', { role: 'member' });
    const lombok = await post('Ruang Lombok Barat', { spaceId: lombokSpace.id }, w.as.lombok);
    const pinned = await post('Penting', { pinned: true });
    expect(pinned.pinned).toBe(true);

    const titles = async (who: Session) => ((await w.ok('GET', url, who)).items as Listed[]).map((a) => a.title.id);
    // pinned first, then newest first
    expect(await titles(w.ayu)).toEqual(['Penting', 'Anggota', 'Karangasem', 'Untuk semua']);
    expect(await titles(w.rina)).toEqual(['Penting', 'Ruang Lombok Barat', 'Anggota', 'Untuk semua']);
    expect(await titles(w.as.trainer)).toEqual(['Penting', 'Pelatih', 'Untuk semua']);
    // The Karangasem manager sees what was aimed at everyone and their own.
    expect(await titles(w.as.karangasem)).toEqual(['Penting', 'Karangasem', 'Untuk semua']);
    // Someone aimed at by none is not shown one, even by its id: an area's announcement is for its
    // members, not for the staff working there.
    expect(await titles(w.as.facilitator)).toEqual(['Penting', 'Untuk semua']);
    for (const id of [karangasem.id, lombok.id, trainers.id, members.id])
      expect((await w.request('GET', `/api/v1/community/announcements/${id}`, w.as.facilitator)).statusCode).toBe(404);
    expect((await w.request('GET', `/api/v1/community/announcements/${lombok.id}`, w.ayu)).statusCode).toBe(404);
    expect((await w.request('POST', `/api/v1/community/announcements/${trainers.id}/read`, w.ayu)).statusCode).toBe(
      404,
    );
    expect(
      (await w.request('GET', `/api/v1/community/announcements/${everyone.id}`, w.as.otherManager)).statusCode,
    ).toBe(404);
    expect((await w.request('GET', url, w.as.otherManager)).statusCode).toBe(404);
    expect((await w.request('GET', url, w.as.assessor)).statusCode).toBe(404);
    expect((await w.request('GET', url)).statusCode).toBe(401);
    expect(members.target).toEqual({ area: null, role: 'member', spaceId: null });
    expect(karangasem.target).toMatchObject({ area: { code: KARANGASEM } });
  });

  it('are written by managers only where their area reaches, naming every bad field', async () => {
    const w = await communityEventsWorld(t);
    const url = `/api/v1/community/${w.program.id}/announcements`;
    const body = { title: { id: 'Pasar murah' }, body: { id: 'Sabtu depan.' } };
    const bad = await w.request('POST', url, w.as.manager, {
      title: {},
      body: { id: 'x' },
      areaCode: SIBETAN,
      role: 'member',
    });
    expect(bad.statusCode).toBe(400);
    expect(paths(bad)).toEqual(['role', 'title']);
    const unknown = await w.request('POST', url, w.as.manager, { ...body, areaCode: '99.99' });
    expect(paths(unknown)).toEqual(['areaCode']);
    // A Karangasem manager: in Karangasem yes; Lombok Barat, the whole community or a role, no.
    expect((await w.request('POST', url, w.as.karangasem, { ...body, areaCode: SIBETAN })).statusCode).toBe(201);
    expect((await w.request('POST', url, w.as.karangasem, { ...body, areaCode: LOMBOK_BARAT })).statusCode).toBe(403);
    expect((await w.request('POST', url, w.as.karangasem, body)).statusCode).toBe(403);
    expect((await w.request('POST', url, w.as.karangasem, { ...body, role: 'trainer' })).statusCode).toBe(403);
    // Facilitators, trainers and members read announcements but do not write them; outsiders do neither.
    expect((await w.request('POST', url, w.as.facilitator, { ...body, areaCode: SIBETAN })).statusCode).toBe(403);
    expect((await w.request('POST', url, w.as.trainer, body)).statusCode).toBe(403);
    expect((await w.request('POST', url, w.ayu, body)).statusCode).toBe(404);
    expect((await w.request('POST', url, w.as.otherManager, body)).statusCode).toBe(404);
    expect(await t.database.db.query('SELECT 1 FROM community_announcements')).toHaveLength(1);
  });

  it('are marked read, and their author sees how many of those aimed at have read them', async () => {
    const w = await communityEventsWorld(t);
    const url = `/api/v1/community/${w.program.id}/announcements`;
    const extra = await w.member('Kadek Sari', SIBETAN);
    const news = await w.ok('POST', url, w.as.karangasem, {
      title: { id: 'Pameran' },
      body: { id: 'Daftar sekarang.' },
      areaCode: KARANGASEM,
    });
    expect(news.reach).toEqual({ read: 0, targeted: 2 });
    const read = await w.ok('POST', `/api/v1/community/announcements/${news.id}/read`, w.ayu);
    expect(read).toMatchObject({ read: true, reach: null, abilities: { manage: false } });
    await w.ok('POST', `/api/v1/community/announcements/${news.id}/read`, w.ayu);
    expect(((await w.ok('GET', url, extra)).items as Listed[]).map((a) => a.read)).toEqual([false]);
    expect(((await w.ok('GET', url, w.ayu)).items as Listed[]).map((a) => a.read)).toEqual([true]);
    const seen = await w.ok('GET', `/api/v1/community/announcements/${news.id}`, w.as.karangasem);
    expect(seen.reach).toEqual({ read: 1, targeted: 2 });
    // The program manager manages it too; the Lombok Barat manager does not see it at all.
    expect((await w.ok('GET', `/api/v1/community/announcements/${news.id}`, w.as.manager)).reach).toEqual({
      read: 1,
      targeted: 2,
    });
    expect((await w.request('GET', `/api/v1/community/announcements/${news.id}`, w.as.lombok)).statusCode).toBe(404);
    // To everyone: the three members and the staff of the community (manager, two community managers,
    // facilitator, trainer), not the assessor.
    const all = await w.ok('POST', url, w.as.manager, { title: { id: 'Semua' }, body: { id: 'Halo.' } });
    expect(all.reach).toEqual({ read: 0, targeted: 8 });
  });
});
