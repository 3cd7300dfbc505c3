import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../../../test/app.js';
import { buildGroup, buildProduct } from '../../../../../test/factories.js';
import { corpus, firstInTop3, isRelevant, ndcg, QUERIES, type CorpusProduct, type JudgedQuery } from './judged.js';

/**
 * Search quality on the judged set (judged.ts): NDCG@10 and "a relevant product in the first
 * three", over all queries and by class. The floors are the figures measured when the set was
 * written, less a small margin: a change that makes search worse fails here. Run alone to print
 * the figures (docs/benchmarks.md, "Catalog relevance").
 */
const FLOOR = { ndcg: 0.962, top3: 0.962 };
const MARGIN = 0.02;

const t = useTestApp();

interface Judged {
  query: JudgedQuery;
  ndcg: number;
  top3: boolean;
}

async function judge(byId: Map<string, CorpusProduct>, products: CorpusProduct[]): Promise<Judged[]> {
  const judged: Judged[] = [];
  for (const query of QUERIES) {
    const url = `/api/v1/catalog/products?limit=10&locale=${query.locale}&q=${encodeURIComponent(query.q)}`;
    const response = await t.request({ method: 'GET', url });
    expect(response.statusCode, url).toBe(200);
    const found = (response.json().items as { id: string }[]).map((item) => isRelevant(query, byId.get(item.id)!));
    const relevant = products.filter((p) => isRelevant(query, p)).length;
    judged.push({ query, ndcg: ndcg(found, relevant), top3: firstInTop3(found) });
  }
  return judged;
}

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;

describe('catalog relevance on the judged set', () => {
  it('holds NDCG@10 and first-relevant-in-top-3 at or above the measured figures', async () => {
    const byId = new Map<string, CorpusProduct>();
    const products = corpus();
    const group = await buildGroup(t.database.db);
    for (const p of products) {
      const created = await buildProduct(t.database.db, {
        groupId: group.id,
        name: p.name,
        description: p.description,
        story: p.story,
      });
      byId.set(created.id, p);
    }
    expect(QUERIES.length).toBeGreaterThanOrEqual(60);
    const judged = await judge(byId, products);
    const classes = [...new Set(judged.map((j) => j.query.class))];
    const lines = [
      '| Queries | Count | NDCG@10 | Relevant in top 3 |',
      '| --- | ---: | ---: | ---: |',
      ...[...classes.map((c) => [c, judged.filter((j) => j.query.class === c)] as const), ['all', judged] as const].map(
        ([name, js]) =>
          `| ${name} | ${js.length} | ${mean(js.map((j) => j.ndcg)).toFixed(3)} | ${(100 * mean(js.map((j) => (j.top3 ? 1 : 0)))).toFixed(0)} % |`,
      ),
      '',
      `Weakest: ${judged
        .filter((j) => j.ndcg < 0.5)
        .map((j) => `${j.query.q} (${j.ndcg.toFixed(2)})`)
        .join(', ')}`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`); // the figures for docs/benchmarks.md
    expect(mean(judged.map((j) => j.ndcg))).toBeGreaterThanOrEqual(FLOOR.ndcg - MARGIN);
    expect(mean(judged.map((j) => (j.top3 ? 1 : 0)))).toBeGreaterThanOrEqual(FLOOR.top3 - MARGIN);
  }, 300_000);
});
