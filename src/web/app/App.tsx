import { lazy, Suspense } from 'react';
import { Link, Route, Switch } from 'wouter';
import { ErrorBoundary } from '../components/ErrorBoundary';
import { Header } from '../components/Header';
import { Loading } from '../components/Loaded';
import { NotFound } from '../components/NotFound';
import { ScreenError } from '../components/ScreenError';
import { Toaster } from '../components/Toaster';
import {
  JoinPage,
  PublicEventPage,
  PublicEventsPage,
  PublicProfilePage,
  PublicStoriesPage,
  StoryPage,
} from '../features/community';
import { CatalogPage, ProductStoryPage, RatingSchemePage } from '../features/market';
import { useI18n, withMessages } from '../i18n/i18n';

/** Staff screens are their own chunks, their messages too: public visitors never download them. */
const StaffApp = lazy(() => withMessages('staff', import('./StaffApp')));
/** The pages a batch's and a certificate's QR codes open come with their feature, on demand. */
const ProvenancePage = lazy(() => import('../features/business').then((m) => ({ default: m.ProvenancePage })));
// The platform feature holds the sign-in form and its schema: the public pages load it only when asked.
const InvitationPage = lazy(() => import('../features/platform').then((m) => ({ default: m.InvitationPage })));
const VerifyPage = lazy(() => import('../features/training').then((m) => ({ default: m.VerifyPage })));

function PublicNav() {
  const { t } = useI18n();
  return (
    <>
      <Link href="~/catalog">{t('nav.catalog')}</Link>
      <Link href="~/app">{t('nav.staff')}</Link>
    </>
  );
}

export function App() {
  return (
    <>
      <Switch>
        <Route path="/app" nest>
          <ErrorBoundary fallback={(reset) => <ScreenError onRetry={reset} />}>
            <Suspense fallback={<Loading />}>
              <StaffApp />
            </Suspense>
          </ErrorBoundary>
        </Route>
        <Route>
          <Header>
            <PublicNav />
          </Header>
          <main id="main" className="page">
            <ErrorBoundary fallback={(reset) => <ScreenError onRetry={reset} />}>
              <Switch>
                <Route path="/" component={CatalogPage} />
                <Route path="/catalog" component={CatalogPage} />
                <Route path="/invitation">
                  <Suspense fallback={<Loading />}>
                    <InvitationPage />
                  </Suspense>
                </Route>
                <Route path="/p/:id">{(params) => <ProductStoryPage id={params.id} />}</Route>
                <Route path="/ratings/:id">{(params) => <RatingSchemePage id={params.id} />}</Route>
                <Route path="/b/:id">
                  {(params) => (
                    <Suspense fallback={<Loading />}>
                      <ProvenancePage id={params.id} />
                    </Suspense>
                  )}
                </Route>
                <Route path="/join/:programId">
                  {(params) => (
                    <Suspense fallback={<Loading />}>
                      <JoinPage programId={params.programId} />
                    </Suspense>
                  )}
                </Route>
                <Route path="/stories">
                  <Suspense fallback={<Loading />}>
                    <PublicStoriesPage />
                  </Suspense>
                </Route>
                <Route path="/stories/:id">
                  {(params) => (
                    <Suspense fallback={<Loading />}>
                      <StoryPage id={params.id} />
                    </Suspense>
                  )}
                </Route>
                <Route path="/events">
                  <Suspense fallback={<Loading />}>
                    <PublicEventsPage />
                  </Suspense>
                </Route>
                <Route path="/events/:id">
                  {(params) => (
                    <Suspense fallback={<Loading />}>
                      <PublicEventPage id={params.id} />
                    </Suspense>
                  )}
                </Route>
                <Route path="/people/:id">
                  {(params) => (
                    <Suspense fallback={<Loading />}>
                      <PublicProfilePage id={params.id} />
                    </Suspense>
                  )}
                </Route>
                <Route path="/verify">
                  <Suspense fallback={<Loading />}>
                    <VerifyPage />
                  </Suspense>
                </Route>
                <Route path="/verify/:id">
                  {(params) => (
                    <Suspense fallback={<Loading />}>
                      <VerifyPage id={params.id} />
                    </Suspense>
                  )}
                </Route>
                <Route component={NotFound} />
              </Switch>
            </ErrorBoundary>
          </main>
        </Route>
      </Switch>
      <Toaster />
    </>
  );
}
