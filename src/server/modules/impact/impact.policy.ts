import { definePolicy } from '../platform/index.js';

/** Who works across a program's villages: each sees figures within the part of the tree their grant covers. */
const READERS = ['program_manager', 'facilitator', 'assessor', 'trainer'] as const;

/**
 * Who sees a program's indicators: everyone who works across its villages, each within the part of
 * the tree their grant covers (a facilitator of one regency sees that regency's figures). A group's
 * own people see their group's books instead; the public sees the program's public impact page.
 */
export const impactPolicy = definePolicy('Indicator', { read: READERS });

/**
 * A target of the program's logframe, placed at its area (the whole country: above every area). Read
 * by those whose grant covers its area; set, changed and removed by the whole program's manager, and
 * the program's rules for its figures with them (`settings`, on the program as target).
 */
export const targetPolicy = definePolicy('Target', {
  read: READERS,
  manage: { roles: [], programWide: ['program_manager'] },
});
