import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { AppShell } from './components/app-shell/app-shell';
import { LoadingState } from './components/query-state/query-state';
import { AuditPage } from './features/admin/audit-page';
import { UsersPage } from './features/admin/users-page';
import { ContributionsPage } from './features/contributions/contributions-page';
import { ManageRegionPage, TargetHistoryPage } from './features/manage';
import { NotFoundPage } from './features/not-found/not-found-page';
import { OverviewPage } from './features/overview/overview-page';
import { PanoramaPage } from './features/panorama/panorama-page';
import { PartnerPage } from './features/partners/partner-page';
import { PartnersPage } from './features/partners/partners-page';
import { RegionsPage } from './features/regions/regions-page';
import { TokensPage } from './features/settings/tokens-page';
import { SignInPage } from './features/sign-in/sign-in-page';
import { useT } from './i18n/language-provider';
import { RequireRole, RequireSession } from './lib/session-routes';

/** The explorer bundles GraphiQL: it loads only when opened. */
const ExplorerPage = lazy(() =>
  import('./features/explorer/explorer-page').then((module) => ({ default: module.ExplorerPage })),
);

/**
 * The dashboard's routes: the sign-in page, and every other page inside the app shell for
 * signed-in users (pages for some roles only say so to the others; a region's manage page and a
 * target's history are `features/manage`'s). The router, the session (with
 * its GraphQL client) and the language come from main.tsx.
 */
export function App() {
  const t = useT();
  return (
    <Routes>
      <Route path="sign-in" element={<SignInPage />} />
      <Route
        element={
          <RequireSession>
            <AppShell />
          </RequireSession>
        }
      >
        <Route index element={<OverviewPage />} />
        <Route path="regions" element={<RegionsPage />} />
        <Route path="regions/:code" element={<PanoramaPage />} />
        <Route path="regions/:code/manage" element={<ManageRegionPage />} />
        <Route path="targets/:id" element={<TargetHistoryPage />} />
        <Route path="partners" element={<PartnersPage />} />
        <Route path="partners/:id" element={<PartnerPage />} />
        <Route path="contributions" element={<ContributionsPage />} />
        <Route
          path="explorer"
          element={
            <Suspense fallback={<LoadingState label={t('explorer.loading')} />}>
              <ExplorerPage />
            </Suspense>
          }
        />
        <Route
          path="audit"
          element={
            <RequireRole feature="audit">
              <AuditPage />
            </RequireRole>
          }
        />
        <Route
          path="settings/tokens"
          element={
            <RequireRole feature="apiTokens">
              <TokensPage />
            </RequireRole>
          }
        />
        <Route
          path="admin/users"
          element={
            <RequireRole feature="users">
              <UsersPage />
            </RequireRole>
          }
        />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
