import { describe, expect, it } from 'vitest';
import { useTestApp, type Session } from '../../../../test/app.js';
import { buildPackProgram, buildStaff, signedIn } from '../../../../test/factories.js';
import { KARANGASEM, registryWorld } from '../../../../test/registry-fixtures.js';

const t = useTestApp();

type Method = 'GET' | 'POST' | 'PATCH';

const definition = {
  title: { id: 'Kisah kelompok', en: "A group's story" },
  sections: [
    {
      heading: { id: 'Sebelumnya', en: 'Before' },
      prompt: { id: 'Apa yang dibuat dan dijual kelompok dulu?', en: 'What did the group make and sell before?' },
    },
    {
      heading: { id: 'Yang berubah', en: 'What changed' },
      prompt: { id: 'Pelatihan, kemasan, pembeli baru?', en: 'Training, packaging, new buyers?' },
    },
  ],
};

/**
 * The Sibetan group's program (Indonesian) with its manager, a facilitator, a community manager, the
 * group's manager and member; a Thai program started from its pack, with its own manager.
 */
async function world() {
  const w = await registryWorld(t);
  const db = t.database.db;
  const { program: th } = await buildPackProgram(db, 'TH', 'OTOP-TH-STORIES');
  const people = {
    manager: await w.as('program_manager'),
    facilitator: await w.as('facilitator', { areaCode: KARANGASEM }),
    community: await w.as('community_manager', { areaCode: KARANGASEM }),
    groupManager: await w.as('group_manager', { groupId: w.groups.bali.id }),
    groupMember: await w.as('group_member', { groupId: w.groups.bali.id }),
    thaiManager: await signedIn(t.app, (await buildStaff(db, 'program_manager', { programId: th.id })).user),
  };
  const request = (method: Method, url: string, as: Session, payload?: unknown) =>
    t.request({ method, url, as, ...(payload === undefined ? {} : { payload: payload as object }) });
  const count = async (programId: string) =>
    (
      await db.query<{ n: number }>('SELECT count(*)::int AS n FROM community_story_templates WHERE program_id = $1', [
        programId,
      ])
    )[0]!.n;
  return { ...w, th, people, request, count };
}

describe('story templates', () => {
  it('are made by the program manager, read by those who draft and review stories, and by nobody outside', async () => {
    const w = await world();
    const { manager, facilitator, community, groupManager, groupMember, thaiManager } = w.people;
    const url = `/api/v1/programs/${w.program.id}/story-templates`;
    const made = await w.request('POST', url, manager, { definition });
    expect(made.statusCode, made.body).toBe(201);
    const template = made.json();
    expect(template).toMatchObject({
      definition,
      archived: false,
      version: 1,
      abilities: { read: true, manage: true },
    });

    for (const reader of [facilitator, community, groupManager]) {
      const list = await w.request('GET', url, reader);
      expect(list.statusCode).toBe(200);
      expect(list.json().items).toEqual([
        expect.objectContaining({ id: template.id, abilities: { read: true, manage: false } }),
      ]);
      // Reading is not keeping: a facilitator may not make, change or export one.
      expect((await w.request('POST', url, reader, { definition })).statusCode).toBe(403);
      expect((await w.request('GET', `/api/v1/story-templates/${template.id}/export`, reader)).statusCode).toBe(403);
    }
    // A group member and another program's manager do not learn it exists.
    for (const outsider of [groupMember, thaiManager]) {
      expect((await w.request('GET', url, outsider)).statusCode).toBe(404);
      expect((await w.request('GET', `/api/v1/story-templates/${template.id}`, outsider)).statusCode).toBe(404);
      expect((await w.request('GET', `/api/v1/story-templates/${template.id}/export`, outsider)).statusCode).toBe(404);
    }
    expect(await w.count(w.program.id)).toBe(1);
  });

  it('change under their version, archive and come back, each change in the audit log', async () => {
    const w = await world();
    const { manager } = w.people;
    const template = (
      await w.request('POST', `/api/v1/programs/${w.program.id}/story-templates`, manager, { definition })
    ).json();
    const changed = { ...definition, title: { id: 'Kisah sukses kelompok' } };
    const edit = await w.request('PATCH', `/api/v1/story-templates/${template.id}`, manager, {
      version: 1,
      definition: changed,
    });
    expect(edit.json()).toMatchObject({ version: 2, definition: changed });
    const stale = await w.request('POST', `/api/v1/story-templates/${template.id}/archive`, manager, { version: 1 });
    expect(stale.statusCode).toBe(409);
    const archived = await w.request('POST', `/api/v1/story-templates/${template.id}/archive`, manager, { version: 2 });
    expect(archived.json()).toMatchObject({ archived: true, version: 3 });
    const listed = (archived: boolean) =>
      w.request('GET', `/api/v1/programs/${w.program.id}/story-templates?archived=${archived}`, manager);
    expect((await listed(false)).json().items).toEqual([]);
    expect((await listed(true)).json().items.map((x: { id: string }) => x.id)).toEqual([template.id]);
    const back = await w.request('POST', `/api/v1/story-templates/${template.id}/restore`, manager, { version: 3 });
    expect(back.json()).toMatchObject({ archived: false, version: 4 });
    const audit = await t.database.db.query<{ action: string }>(
      'SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY id',
      [template.id],
    );
    expect(audit.map((a) => a.action)).toEqual([
      'community.story_template.create',
      'community.story_template.change',
      'community.story_template.change',
      'community.story_template.change',
    ]);
  });

  it('copy from an Indonesian program into a Thai one as a file, and refuse a file of the wrong shape writing nothing', async () => {
    const w = await world();
    const { manager, thaiManager } = w.people;
    const template = (
      await w.request('POST', `/api/v1/programs/${w.program.id}/story-templates`, manager, { definition })
    ).json();
    const file = (await w.request('GET', `/api/v1/story-templates/${template.id}/export`, manager)).json();
    expect(file).toMatchObject({ format: 'ovop.story-template', formatVersion: 1, definition });
    expect(JSON.stringify(file)).not.toContain(template.id);

    const into = `/api/v1/programs/${w.th.id}/story-templates/import`;
    // The Indonesian manager has no hand in the Thai program.
    expect((await w.request('POST', into, manager, file)).statusCode).toBe(404);
    const imported = await w.request('POST', into, thaiManager, file);
    expect(imported.statusCode, imported.body).toBe(201);
    expect(imported.json().template).toMatchObject({ programId: w.th.id, definition, version: 1 });
    expect(imported.json().missingLocales).toContainEqual({ path: 'title', locales: ['th'] });

    const before = await w.count(w.th.id);
    const wrong = await w.request('POST', into, thaiManager, {
      ...file,
      definition: { ...definition, sections: [{ heading: 'Sebelumnya', prompt: definition.sections[0]!.prompt }] },
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors.map((e: { path: string }) => e.path)).toContain('definition.sections.0.heading');
    const noSections = await w.request('POST', into, thaiManager, {
      ...file,
      definition: { ...definition, sections: [] },
    });
    expect(noSections.json().errors.map((e: { path: string }) => e.path)).toContain('definition.sections');
    expect(await w.count(w.th.id)).toBe(before);
  });

  it("let a story start from its program's template, and not from another program's", async () => {
    const w = await world();
    const { manager, facilitator, thaiManager } = w.people;
    const ours = (
      await w.request('POST', `/api/v1/programs/${w.program.id}/story-templates`, manager, { definition })
    ).json();
    const theirs = (
      await w.request('POST', `/api/v1/programs/${w.th.id}/story-templates`, thaiManager, { definition })
    ).json();
    const draft = (templateId: string) =>
      w.request('POST', '/api/v1/community/stories', facilitator, {
        groupId: w.groups.bali.id,
        title: { id: 'Dari kebun salak ke Tokyo' },
        body: { id: '## Sebelumnya\nKami menjual salak segar di pasar.' },
        templateId,
      });
    const started = await draft(ours.id);
    expect(started.statusCode, started.body).toBe(201);
    expect(started.json().templateId).toBe(ours.id);
    const refused = await draft(theirs.id);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors).toEqual([expect.objectContaining({ path: 'templateId', code: 'unknown_reference' })]);
  });
});
