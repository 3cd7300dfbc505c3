/** The community's public face: the public join page. */
import { lazy } from 'react';

export const JoinPage = lazy(() => import('./components/JoinPage'));
