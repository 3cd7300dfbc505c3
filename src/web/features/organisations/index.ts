/** Organisations' public face: an agency's programs side by side, a staff screen of its own chunk. */
import { lazy } from 'react';

export const OrganisationsPage = lazy(() => import('./components/OrganisationsPage'));
export { listOrganisations } from './api/organisations';
