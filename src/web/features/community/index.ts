/** The community's public face: the public join page. */
import { lazy } from 'react';

export const JoinPage = lazy(() => import('./components/JoinPage'));
/** The community managers' screen: pending joins to welcome or decline. */
export const CommunityPage = lazy(() => import('./components/CommunityPage'));
/** "Komunitas" for members and community staff: spaces, a space's threads, a thread. */
export const SpacesPage = lazy(() => import('./components/SpacesPage'));
export const SpacePage = lazy(() => import('./components/SpacePage'));
export const ThreadPage = lazy(() => import('./components/ThreadPage'));
/** Events: the list, one event with RSVP and ticket, the organiser's check-in at the door. */
export const EventsPage = lazy(() => import('./components/EventsPage'));
export const EventPage = lazy(() => import('./components/EventPage'));
export const CheckInPage = lazy(() => import('./components/CheckInPage'));
/** The moderators' report queue, with mutes and suspensions. */
export const ReportQueuePage = lazy(() => import('./components/ReportsPage'));
/** Mentoring: mentors, requests, a mentorship's sessions, notes, follow-ups and feedback. */
export const MentoringPage = lazy(() => import('./components/MentoringPage'));
export const MentorshipPage = lazy(() => import('./components/MentorshipPage'));
/** Success stories: staff drafting and review; the public story and a program's public list. */
export const StoriesPage = lazy(() => import('./components/StoriesPage'));
export const StoryEditorPage = lazy(() => import('./components/StoryEditorPage'));
export const StoryPage = lazy(() => import('./components/StoryPage'));
export const PublicStoriesPage = lazy(() => import('./components/PublicStoriesPage'));
/** Public events and members' public pages, for anyone; a member's profile settings. */
export const PublicEventsPage = lazy(() => import('./components/PublicEventsPage'));
export const PublicEventPage = lazy(() =>
  import('./components/PublicEventsPage').then((m) => ({ default: m.PublicEventPage })),
);
export const PublicProfilePage = lazy(() => import('./components/PublicProfilePage'));
export const ProfileSettingsPage = lazy(() => import('./components/ProfileSettingsPage'));
export const EventEditPage = lazy(() => import('./components/EventEditPage'));
/** Whether the caller is in a community: the menu shows "Komunitas" then. */
export { myCommunities } from './api/mine';
