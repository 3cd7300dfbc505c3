/** Quality's public face: rating schemes, assessments, and the sections a group's and a product's pages show. */
import { lazy } from 'react';

export const AssessmentsPage = lazy(() => import('./components/AssessmentsPage'));
export const NewAssessmentPage = lazy(() => import('./components/NewAssessmentPage'));
export const AssessmentPage = lazy(() => import('./components/AssessmentPage'));
export const SchemesPage = lazy(() => import('./components/SchemesPage'));
export const SchemeEditorPage = lazy(() => import('./components/SchemeEditorPage'));

export { GroupQuality, ProductQuality } from './components/QualitySections';
