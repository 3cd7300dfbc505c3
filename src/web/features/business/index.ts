/** Business's public face: batches and their provenance, the group's books, reports and HPP. */
import { lazy } from 'react';

export const BatchesPage = lazy(() => import('./components/BatchesPage'));
export const MyBooksPage = lazy(() => import('./components/MyBooksPage'));
export const BooksPage = lazy(() => import('./components/BooksPage'));
export const ReportsPage = lazy(() => import('./components/ReportsPage'));
export const CashBookPage = lazy(() => import('./components/CashBookPage'));
export const HppPage = lazy(() => import('./components/HppPage'));

export { BooksLinks } from './components/BooksLinks';

/** The public page a batch's QR code opens; the public shell loads it through this file on demand. */
export { default as ProvenancePage } from './components/ProvenancePage';
