/** The registry's public face: villages, producer groups, members and products. */
import { lazy } from 'react';

export const VillagesPage = lazy(() => import('./components/VillagesPage'));
export const VillagePage = lazy(() => import('./components/VillagePage'));
export const GroupsPage = lazy(() => import('./components/GroupsPage'));
export const MemberPage = lazy(() => import('./components/MemberPage'));

// A group's and a product's pages show other features' sections too, which app/ passes in
// (app/GroupScreen.tsx, app/ProductScreen.tsx).
export const GroupPage = lazy(() => import('./components/GroupPage'));
export const ProductPage = lazy(() => import('./components/ProductPage'));

export { getGroup, listGroups } from './api/groups';
export { listMembers } from './api/members';
export { listProducts } from './api/products';
