import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { END, findCycle, graphInDoc, moduleGraph, renderGraph, START } from '../../scripts/module-graph.mjs';

const graph = moduleGraph();

describe('the module graph', () => {
  it('in docs/architecture.md is the one the code has', () => {
    const doc = readFileSync(new URL('../../docs/architecture.md', import.meta.url), 'utf8');
    const inDoc = graphInDoc(doc);
    expect(
      inDoc,
      `docs/architecture.md needs ${START} … ${END}; then run node scripts/module-graph.mjs --write`,
    ).toBeDefined();
    expect(inDoc, 'the module graph changed: run node scripts/module-graph.mjs --write').toBe(renderGraph(graph));
  });

  it('has no cycle between server modules', () => {
    const cycle = findCycle(graph.server);
    expect(cycle, `server modules import each other in a circle: ${cycle?.join(' → ')}`).toBeUndefined();
  });

  it('has no cycle between web features', () => {
    const cycle = findCycle(graph.web);
    expect(cycle, `web features import each other in a circle: ${cycle?.join(' → ')}`).toBeUndefined();
  });

  it('finds a cycle when there is one', () => {
    const edge = { index: [], deep: [] };
    const edges = new Map([
      ['quality', new Map([['registry', edge]])],
      ['registry', new Map([['quality', edge]])],
      ['platform', new Map()],
    ]);
    expect(findCycle({ units: ['platform', 'quality', 'registry'], edges })).toEqual([
      'quality',
      'registry',
      'quality',
    ]);
  });
});
