/** Types of scripts/module-graph.mjs, for test/architecture/module-graph.test.ts. */
export interface Edge {
  /** Files that import the other unit through its index.ts. */
  index: string[];
  /** Files that reach past the other unit's index.ts. */
  deep: string[];
}
export interface Graph {
  units: string[];
  edges: Map<string, Map<string, Edge>>;
}
export const START: string;
export const END: string;
export function moduleGraph(root?: string): { server: Graph; web: Graph };
export function findCycle(graph: Graph): string[] | undefined;
export function renderGraph(graph?: { server: Graph; web: Graph }): string;
export function graphInDoc(text: string): string | undefined;
