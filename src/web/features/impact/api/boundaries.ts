import type { AreaListItem, BoundariesAnswer } from '../../../../shared/schemas/geography';
import { api, ApiError, withQuery, type Page } from '../../../lib/http';

/**
 * A country's area outlines at one level, or null where none were imported (a 404, which the map
 * shows as its table-only fallback rather than as a failure).
 */
export async function getBoundaries(
  query: { country: string; level: string },
  signal?: AbortSignal,
): Promise<BoundariesAnswer | null> {
  try {
    return await api<BoundariesAnswer>(withQuery('/api/v1/areas/boundaries', { ...query }), {
      signal,
      quiet: (error) => error.status === 404,
    });
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

/** The names of the areas at a level (below `parent`, or of the whole country): up to 500, one page. */
export const listAreaNames = (
  query: { country: string; level: string; parent?: string | undefined },
  signal?: AbortSignal,
) => api<Page<AreaListItem>>(withQuery('/api/v1/areas', { ...query, limit: 500 }), { signal });
