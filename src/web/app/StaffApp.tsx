import { lazy, Suspense, useState } from 'react';
import { Link, Route, Switch, useLocation } from 'wouter';
import { ErrorBoundary } from '../components/ErrorBoundary';
import { Header, OutboxBadge } from '../components/Header';
import { Loading } from '../components/Loaded';
import { NotFound } from '../components/NotFound';
import { ScreenError } from '../components/ScreenError';
import { BatchesPage, BooksPage, CashBookPage, HppPage, MyBooksPage, ReportsPage } from '../features/business';
import {
  CheckInPage,
  CommunityPage,
  MentoringPage,
  MentorshipPage,
  EventEditPage,
  EventPage,
  EventsPage,
  myCommunities,
  ProfileSettingsPage,
  ReportQueuePage,
  SpacePage,
  SpacesPage,
  StoriesPage,
  StoryEditorPage,
  ThreadPage,
} from '../features/community';
import { AreasPage } from '../features/geography';
import { ImpactPage } from '../features/impact';
import { InquiriesPage, InquiryPage, OrderPage, OrdersPage } from '../features/market';
import {
  getMe,
  listNotifications,
  NotificationsPage,
  NotificationSettingsPage,
  SessionContext,
  signOut,
  SignInPage,
  useSession,
} from '../features/platform';
import { listOrganisations, OrganisationsPage } from '../features/organisations';
import { listPrograms, ProgramContext, ProgramPage, ProgramsPage } from '../features/programs';
import { AssessmentPage, AssessmentsPage, NewAssessmentPage, SchemeEditorPage, SchemesPage } from '../features/quality';
import { OfflineShell, OutboxPage, useWaitingCount } from '../features/offline';
import { GroupsPage, MemberPage, VillagePage, VillagesPage } from '../features/registry';
import { AttendancePage, SessionPage, TestPage, TrainingPage } from '../features/training';
import { useI18n } from '../i18n/i18n';
import { setOutboxUser } from '../lib/outbox/outbox';
import { forgetCachedAnswers } from '../lib/pwa';
import { useResource } from '../lib/use-resource';
import { GroupScreen } from './GroupScreen';
import { ProductScreen } from './ProductScreen';

// A feature is reached only through its index.ts. Its staff screens there are lazy components, each
// a chunk of its own; beside them sit the few pieces other features and app/ use. Whoever imports an
// index loads everything it exports eagerly, so only small pieces and the public pages are eager.
const HomePage = lazy(() => import('./HomePage'));

function StaffNav() {
  const { t } = useI18n();
  const { me, unread } = useSession();
  const [location] = useLocation();
  const communities = useResource('community-mine', myCommunities);
  // Organisation grants are not program roles: the link shows for whoever is granted on one.
  const organisations = useResource('organisations-mine', listOrganisations);
  const label = (item: string) =>
    item === 'notifications' && unread > 0 ? t('nav.notificationsUnread', { count: unread }) : t(`nav.${item}`);
  return (
    <>
      <Link href="/" aria-current={location === '/' ? 'page' : undefined}>
        {t('nav.home')}
      </Link>
      {me.screens.map((item) => (
        <Link key={item} href={`/${item}`} aria-current={location.startsWith(`/${item}`) ? 'page' : undefined}>
          {label(item)}
        </Link>
      ))}
      {communities.data?.items.length ? (
        <>
          <Link href="/spaces" aria-current={location.startsWith('/spaces') ? 'page' : undefined}>
            {t('nav.spaces')}
          </Link>
          <Link href="/mentoring" aria-current={location.startsWith('/mentoring') ? 'page' : undefined}>
            {t('nav.mentoring')}
          </Link>
        </>
      ) : null}
      {me.roles.length > 0 || me.isAdmin ? (
        <Link href="/stories" aria-current={location.startsWith('/stories') ? 'page' : undefined}>
          {t('nav.stories')}
        </Link>
      ) : null}
      {organisations.data?.items.length ? (
        <Link href="/organisations" aria-current={location.startsWith('/organisations') ? 'page' : undefined}>
          {t('nav.organisations')}
        </Link>
      ) : null}
      {communities.data?.items.length ? (
        <Link href="/community/events" aria-current={location.startsWith('/community/events') ? 'page' : undefined}>
          {t('nav.events')}
        </Link>
      ) : null}
    </>
  );
}

function SignOutButton({ onSignedOut }: { onSignedOut: () => void }) {
  const { t } = useI18n();
  return (
    <button type="button" className="link sign-out" onClick={() => void signOut().then(onSignedOut)}>
      {t('nav.signOut')}
    </button>
  );
}

/** How many records wait on this phone, beside the menu button so a phone shows it without opening the menu. */
function WaitingBadge() {
  return <OutboxBadge count={useWaitingCount()} />;
}

function StaffRoutes() {
  return (
    <Switch>
      <Route path="/" component={HomePage} />
      <Route path="/impact" component={ImpactPage} />
      <Route path="/organisations" component={OrganisationsPage} />
      <Route path="/areas" component={AreasPage} />
      <Route path="/programs" component={ProgramsPage} />
      <Route path="/programs/:id">{(p) => <ProgramPage id={p.id} />}</Route>
      <Route path="/villages" component={VillagesPage} />
      <Route path="/villages/:id">{(p) => <VillagePage id={p.id} />}</Route>
      <Route path="/groups" component={GroupsPage} />
      <Route path="/groups/new">{() => <GroupScreen id={null} />}</Route>
      <Route path="/groups/:id">{(p) => <GroupScreen id={p.id} />}</Route>
      <Route path="/members/:id">{(p) => <MemberPage id={p.id} />}</Route>
      <Route path="/products/new">{() => <ProductScreen id={null} />}</Route>
      <Route path="/products/:id">{(p) => <ProductScreen id={p.id} />}</Route>
      <Route path="/assessments" component={AssessmentsPage} />
      <Route path="/assessments/new" component={NewAssessmentPage} />
      <Route path="/assessments/:id">{(p) => <AssessmentPage id={p.id} />}</Route>
      <Route path="/batches" component={BatchesPage} />
      <Route path="/inquiries" component={InquiriesPage} />
      <Route path="/inquiries/:id">{(p) => <InquiryPage id={p.id} />}</Route>
      <Route path="/orders" component={OrdersPage} />
      <Route path="/orders/:id">{(p) => <OrderPage id={p.id} />}</Route>
      <Route path="/schemes" component={SchemesPage} />
      <Route path="/schemes/:id">{(p) => <SchemeEditorPage id={p.id} />}</Route>
      <Route path="/training" component={TrainingPage} />
      <Route path="/community" component={CommunityPage} />
      <Route path="/community/events" component={EventsPage} />
      <Route path="/community/events/:id">{(p) => <EventPage id={p.id} />}</Route>
      <Route path="/community/events/:id/check-in">{(p) => <CheckInPage id={p.id} />}</Route>
      <Route path="/community/events/:id/edit">{(p) => <EventEditPage id={p.id} />}</Route>
      <Route path="/community/profile/:programId">{(p) => <ProfileSettingsPage programId={p.programId} />}</Route>
      <Route path="/community/reports/:programId">{(p) => <ReportQueuePage programId={p.programId} />}</Route>
      <Route path="/spaces" component={SpacesPage} />
      <Route path="/spaces/:id">{(p) => <SpacePage id={p.id} />}</Route>
      <Route path="/threads/:id">{(p) => <ThreadPage id={p.id} />}</Route>
      <Route path="/mentoring" component={MentoringPage} />
      <Route path="/mentoring/:id">{(p) => <MentorshipPage id={p.id} />}</Route>
      <Route path="/stories" component={StoriesPage} />
      <Route path="/stories/:id">{(p) => <StoryEditorPage id={p.id} />}</Route>
      <Route path="/sessions/:id">{(p) => <SessionPage id={p.id} />}</Route>
      <Route path="/sessions/:id/attendance">{(p) => <AttendancePage id={p.id} />}</Route>
      <Route path="/sessions/:id/tests/:kind/:enrolmentId">
        {(p) => <TestPage id={p.id} kind={p.kind === 'pre' ? 'pre' : 'post'} enrolmentId={p.enrolmentId} />}
      </Route>
      <Route path="/books" component={MyBooksPage} />
      <Route path="/groups/:id/books">{(p) => <BooksPage id={p.id} />}</Route>
      <Route path="/groups/:id/cash-book">{(p) => <CashBookPage id={p.id} />}</Route>
      <Route path="/groups/:id/reports">{(p) => <ReportsPage id={p.id} />}</Route>
      <Route path="/hpp" component={HppPage} />
      <Route path="/notifications" component={NotificationsPage} />
      <Route path="/settings/notifications" component={NotificationSettingsPage} />
      <Route path="/outbox" component={OutboxPage} />
      <Route component={NotFound} />
    </Switch>
  );
}

/** Everything under /app: sign-in first, then the screens the caller's roles open. */
export default function StaffApp() {
  const { t } = useI18n();
  const [session, setSession] = useState(0);
  const me = useResource(`me-${session}`, getMe);
  const programs = useResource(me.data ? `programs-${session}` : null, (signal) => listPrograms(undefined, signal));
  const [programId, setProgramId] = useState<string | null>(null);
  const unread = useResource(me.data ? `unread-${session}` : null, (signal) =>
    listNotifications({ unread: true, limit: 1 }, undefined, signal),
  );

  if (me.error?.status === 401) {
    return (
      <>
        <Header>
          <Link href="~/catalog">{t('nav.catalog')}</Link>
        </Header>
        <main id="main" className="page">
          <SignInPage onSignedIn={() => setSession((s) => s + 1)} />
        </main>
      </>
    );
  }
  if (me.error) return <ScreenError onRetry={me.reload} />;
  if (!me.data || !programs.data) return <Loading />;
  const list = programs.data.items;
  const program = list.find((p) => p.id === programId) ?? list[0];
  return (
    <SessionContext.Provider value={{ me: me.data, unread: unread.data?.unread ?? 0, reloadUnread: unread.reload }}>
      <ProgramContext.Provider
        value={{
          programs: list,
          program,
          setProgramId,
          reloadPrograms: programs.reload,
          mayCreateProgram: programs.data.abilities.create,
        }}
      >
        <Header
          status={<WaitingBadge />}
          tools={
            <SignOutButton
              onSignedOut={() =>
                // What this phone kept for the user stays in the outbox, sent at their next sign-in.
                void Promise.all([setOutboxUser(null), forgetCachedAnswers()]).then(() => setSession((s) => s + 1))
              }
            />
          }
        >
          <StaffNav />
        </Header>
        <OfflineShell userId={me.data.id} programId={program?.id} />
        <main id="main" className="page">
          <ErrorBoundary fallback={(reset) => <ScreenError onRetry={reset} />}>
            <Suspense fallback={<Loading />}>
              <StaffRoutes />
            </Suspense>
          </ErrorBoundary>
        </main>
      </ProgramContext.Provider>
    </SessionContext.Provider>
  );
}
