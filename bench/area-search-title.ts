/** The title of bench/area-search.ts's section of docs/benchmarks.md (kept when `npm run bench` rewrites it). */
export const AREA_SEARCH_SECTION_TITLE = '## Area search for pickers';
