/** The market's public face: the public catalog and product story, a buyer's inquiries and orders. */
import { lazy } from 'react';

// The public pages every visitor opens first: part of the first download.
export { CatalogPage } from './components/CatalogPage';
export { ProductStoryPage } from './components/ProductStoryPage';
export { RatingSchemePage } from './components/RatingSchemePage';

export const InquiriesPage = lazy(() => import('./components/InquiriesPage'));
export const InquiryPage = lazy(() => import('./components/InquiryPage'));
export const OrdersPage = lazy(() => import('./components/OrdersPage'));
export const OrderPage = lazy(() => import('./components/OrderPage'));
