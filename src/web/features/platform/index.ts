/** The platform's public face: signing in and out, the signed-in session, notifications. */
import { lazy } from 'react';

export const NotificationsPage = lazy(() => import('./components/NotificationsPage'));
/** The user's email choice and Web Push on this browser. */
export const NotificationSettingsPage = lazy(() => import('./components/NotificationSettingsPage'));

export { SignInPage } from './components/SignInPage';
export { SignInForm } from './components/SignInForm';
/** Already on demand: the public pages load this feature lazily (App), so no second lazy here. */
export { default as InvitationPage } from './components/InvitationPage';
export { getMe, signIn, signOut } from './api/session';
export { listNotifications } from './api/notifications';
export { SessionContext, useSession } from './session-context';
