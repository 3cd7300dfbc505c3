import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../../test/app.js';
import { communityWorld } from '../../../../test/community-fixtures.js';

const t = useTestApp();

type Step = { kind: 'reply'; who: number } | { kind: 'hide' | 'restore' | 'delete'; post: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('reply' as const), who: fc.integer({ min: 0, max: 2 }) }),
  fc.record({ kind: fc.constantFrom('hide' as const, 'restore' as const, 'delete' as const), post: fc.nat(8) }),
);

/** The thread's visible replies and newest visible post, counted from its posts. */
const RECOUNT = `SELECT t.reply_count, t.last_activity_at,
    (SELECT count(*)::int FROM community_posts p WHERE p.thread_id = t.id AND p.id <> t.id AND p.hidden_at IS NULL)
      AS counted,
    (SELECT max(p.created_at) FROM community_posts p WHERE p.thread_id = t.id AND (p.id = t.id OR p.hidden_at IS NULL))
      AS newest
  FROM community_threads t WHERE t.id = $1`;

describe('a thread’s kept reply count, last activity and search text, for any sequence of replies, hides, restores and deletes', () => {
  it('equal a recount of its posts, the list and the thread show them, and search finds exactly its visible replies', async () => {
    const w = await communityWorld(t);
    const db = t.database.db;
    const space = w.space('packaging');
    const writers = [w.ayu.session, w.rina.session, w.staff.trainer];
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(step, { maxLength: 10 }), async (steps) => {
        const thread = await w.thread(space, w.ayu.session, { kind: 'discussion' });
        run += 1;
        const replies: string[] = [];
        // each reply's own word, found by no other post: `r<run>x<n>z`
        const words = new Map<string, string>();
        let openingHidden = false;
        for (const s of steps) {
          if (s.kind === 'reply') {
            // who does not moderate no longer reaches a thread whose opening post is hidden
            const word = `r${run}x${words.size + 1}z`;
            const r = await w.request('POST', `/api/v1/community/threads/${thread.id}/replies`, writers[s.who]!, {
              body: `Balasan ${word}`,
            });
            expect(r.statusCode === 404 ? openingHidden : r.statusCode < 300).toBe(true);
            if (r.statusCode < 300) {
              replies.push(r.json().id as string);
              words.set(r.json().id as string, word);
            }
            continue;
          }
          const post = [thread.id, ...replies][s.post % (replies.length + 1)]!;
          if (s.kind === 'delete') {
            if (post === thread.id) continue;
            await db.query('DELETE FROM community_posts WHERE id = $1', [post]);
            replies.splice(replies.indexOf(post), 1);
          } else {
            const r = await w.request('POST', `/api/v1/community/posts/${post}/${s.kind}`, w.staff.community, {
              reason: 'uji',
            });
            expect([200, 409]).toContain(r.statusCode);
            if (post === thread.id) openingHidden = s.kind === 'hide';
          }
        }
        const [kept] = await db.query<{ reply_count: number; counted: number; last_activity_at: Date; newest: Date }>(
          RECOUNT,
          [thread.id],
        );
        expect(kept!.reply_count).toBe(kept!.counted);
        expect(kept!.last_activity_at.toISOString()).toBe(kept!.newest.toISOString());
        const shown = await w.ok('GET', `/api/v1/community/threads/${thread.id}`, w.staff.community);
        expect(shown.replyCount).toBe(kept!.counted);
        expect(shown.lastActivityAt).toBe(kept!.newest.toISOString());
        // search by each reply's word agrees with a naive recount over the visible posts
        const visible = await db.query<{ id: string }>(
          `SELECT p.id FROM community_posts p JOIN community_posts o ON o.id = p.thread_id
           WHERE p.thread_id = $1 AND p.id <> p.thread_id AND p.hidden_at IS NULL AND o.hidden_at IS NULL`,
          [thread.id],
        );
        for (const [post, word] of words) {
          const found = await w.ok('GET', `/api/v1/community/${w.program.id}/search?q=${word}`, w.staff.community);
          const expected = visible.some((v) => v.id === post) ? [thread.id] : [];
          expect(
            found.items.map((x: { id: string }) => x.id),
            `${word} of ${post}`,
          ).toEqual(expected);
        }
      }),
      { numRuns: 12 },
    );
  });

  it('equal a recount after posts written in bulk', async () => {
    const w = await communityWorld(t);
    const db = t.database.db;
    const threads = await Promise.all([1, 2, 3].map(() => w.thread(w.space('packaging'), w.ayu.session)));
    await db.query(
      `INSERT INTO community_posts (id, thread_id, program_id, author_id, body, language, hidden_at, created_at)
       SELECT gen_random_uuid(), t.id, t.program_id, $2, 'Balasan', 'id', CASE WHEN r % 3 = 0 THEN now() END,
              t.created_at + r * interval '1 hour'
       FROM community_threads t, generate_series(1, 5) AS r WHERE t.id = ANY($1::uuid[])`,
      [threads.map((x) => x.id), w.rina.userId],
    );
    for (const thread of threads) {
      const [kept] = await db.query<{ reply_count: number; counted: number; last_activity_at: Date; newest: Date }>(
        RECOUNT,
        [thread.id],
      );
      expect(kept!.counted).toBe(4);
      expect(kept!.reply_count).toBe(4);
      expect(kept!.last_activity_at.toISOString()).toBe(kept!.newest.toISOString());
    }
  });
});
