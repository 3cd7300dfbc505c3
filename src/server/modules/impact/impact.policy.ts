import { definePolicy } from '../platform/index.js';

/**
 * Who sees a program's indicators: everyone who works across its villages, each within the part of
 * the tree their grant covers (a facilitator of one regency sees that regency's figures). A group's
 * own people see their group's books instead; the public sees the program's public impact page.
 */
export const impactPolicy = definePolicy('Indicator', {
  read: ['program_manager', 'facilitator', 'assessor', 'trainer'],
});
