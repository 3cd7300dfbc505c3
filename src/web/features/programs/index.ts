/** The programs' public face: their screens, the program the user works in, and its role grants. */
import { lazy } from 'react';

export const ProgramsPage = lazy(() => import('./components/ProgramsPage'));
export const ProgramPage = lazy(() => import('./components/ProgramPage'));

export { listPrograms } from './api/programs';
export { listGrants, type Grant } from './api/grants';
export { ProgramContext, usePrograms } from './program-context';
export { InvitePanel } from './components/InvitePanel';
