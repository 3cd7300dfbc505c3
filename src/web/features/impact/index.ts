/** Impact's public face: the program dashboard, a staff screen of its own chunk (with its charts). */
import { lazy } from 'react';

export const ImpactPage = lazy(() => import('./components/ImpactPage'));
export { listIndicators } from './api/impact';
