import { definePolicy } from '../platform/index.js';

/**
 * Who may do what in the community (decision 019). A community manager acts in their grant's
 * area (or the whole program); the program manager may act as one everywhere in the program.
 * Joining itself is public and needs no rule.
 */
const MANAGERS = { roles: ['community_manager' as const], programWide: ['program_manager' as const] };

/** The program's community rules: anyone reads them (the public page shows them); the program manager writes them. */
export const communityProgramPolicy = definePolicy('Community', {
  read: { roles: [], programWide: ['program_manager', 'community_manager'] },
  writeRules: { roles: [], programWide: ['program_manager'] },
});

/** A request to join, placed in the joiner's village: seen and decided by the managers whose scope holds it. */
export const joinPolicy = definePolicy('Join request', {
  read: MANAGERS,
  decide: MANAGERS,
});
