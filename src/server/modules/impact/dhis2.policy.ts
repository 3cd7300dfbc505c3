import { definePolicy } from '../platform/index.js';

/**
 * A program's DHIS2 exchange (its mapping, its server, its pushes), placed at the program as a
 * whole: read by those who see the whole program's figures (a facilitator of one regency does not
 * export the country), set up and pushed by the whole program's manager, as targets are.
 */
export const dhis2Policy = definePolicy('DHIS2 exchange', {
  read: ['program_manager', 'facilitator', 'assessor', 'trainer'],
  manage: { roles: [], programWide: ['program_manager'] },
});
