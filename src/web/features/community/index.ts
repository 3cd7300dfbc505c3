/** The community's public face: the public join page. */
import { lazy } from 'react';

export const JoinPage = lazy(() => import('./components/JoinPage'));
/** The community managers' screen: pending joins to welcome or decline. */
export const CommunityPage = lazy(() => import('./components/CommunityPage'));
