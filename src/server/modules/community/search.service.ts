import type { Ctx } from '../../http/context.js';
import { notFound } from '../../http/errors.js';
import type { SearchQuery } from '../../../shared/schemas/community-spaces.js';
import { EXACT_RANK, isVariable, nearTiers, searchWords, type SearchTier } from '../market/index.js';
import { spacesRepository } from './spaces.repository.js';
import { refuseSanctioned, spaceReach, viewerIn } from './spaces.service.js';
import { threadsRepository, type ThreadRow } from './threads.repository.js';
import { presentSummary } from './threads.service.js';

/**
 * Search over the titles, opening texts and visible replies (with their stored translations) of the threads the caller may read in the program,
 * forgiving typos as the catalog does: the words as typed, or, when a word occurs nowhere, its
 * closest spellings in the program's threads. One page, best tier first; hidden threads never.
 */
export async function searchThreads(ctx: Ctx, programId: string, query: SearchQuery) {
  const viewer = await viewerIn(ctx, ctx.db, programId);
  refuseSanctioned(viewer, 'read');
  const spaces = await spacesRepository.inProgram(ctx.db, programId);
  const readable = spaces.filter((s) => spaceReach(ctx.actor, viewer, s).read).map((s) => s.id);
  if (readable.length === 0) throw notFound('Community');
  const words = searchWords(query.q);
  const tiers = await searchTiers(ctx, programId, words);
  const rows: ThreadRow[] = [];
  for (const [i, tier] of tiers.entries()) {
    if (rows.length >= query.limit) break;
    const found = await threadsRepository.matching(
      ctx.db,
      {
        programId,
        spaceIds: readable,
        withHidden: false,
        words: tier.words,
        excluding: tiers.slice(0, i).map((t) => t.words),
      },
      query.limit - rows.length,
    );
    rows.push(...found);
  }
  return { items: rows.map(presentSummary) };
}

async function searchTiers(ctx: Ctx, programId: string, words: string[]): Promise<SearchTier[]> {
  const variable = words.filter(isVariable);
  const lookups = variable.length ? await threadsRepository.wordLookups(ctx.db, programId, variable) : [];
  if (lookups.some((l) => !l.known)) return nearTiers(words, lookups);
  return [{ rank: EXACT_RANK, words }];
}
