/** Training's public face: courses and sessions, attendance, tests, certificates, a group's record. */
import { lazy } from 'react';

export const TrainingPage = lazy(() => import('./components/TrainingPage'));
export const SessionPage = lazy(() => import('./components/SessionPage'));
export const AttendancePage = lazy(() => import('./components/AttendancePage'));
export const TestPage = lazy(() => import('./components/TestPage'));

export { GroupTrainingSection } from './components/GroupTrainingSection';

/** The public page a certificate's QR code opens; the public shell loads it through this file on demand. */
export { default as VerifyPage } from './components/VerifyPage';
