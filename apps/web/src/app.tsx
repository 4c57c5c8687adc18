import { type ComponentType, lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { AppShell } from './components/app-shell/app-shell';
import { LoadingState } from './components/query-state/query-state';
import { NotFoundPage } from './features/not-found/not-found-page';
import { OverviewPage } from './features/overview/overview-page';
import { SignInPage } from './features/sign-in/sign-in-page';
import { useT } from './i18n/language-provider';
import { RequireRole, RequireSession } from './lib/session-routes';

/**
 * The pages beyond the overview (the home page) and the sign-in page load when first opened, so
 * that the first page's JavaScript stays small; the explorer alone bundles GraphiQL.
 */
const RegionsPage = lazy(() => import('./features/regions/regions-page').then((m) => ({ default: m.RegionsPage })));
const PanoramaPage = lazy(() => import('./features/panorama/panorama-page').then((m) => ({ default: m.PanoramaPage })));
const ManageRegionPage = lazy(() => import('./features/manage').then((m) => ({ default: m.ManageRegionPage })));
const TargetHistoryPage = lazy(() => import('./features/manage').then((m) => ({ default: m.TargetHistoryPage })));
const PartnersPage = lazy(() => import('./features/partners/partners-page').then((m) => ({ default: m.PartnersPage })));
const PartnerPage = lazy(() => import('./features/partners/partner-page').then((m) => ({ default: m.PartnerPage })));
const ContributionsPage = lazy(() =>
  import('./features/contributions/contributions-page').then((m) => ({ default: m.ContributionsPage })),
);
const ExplorerPage = lazy(() =>
  import('./features/explorer/explorer-page').then((module) => ({ default: module.ExplorerPage })),
);
const AuditPage = lazy(() => import('./features/admin/audit-page').then((m) => ({ default: m.AuditPage })));
const UsersPage = lazy(() => import('./features/admin/users-page').then((m) => ({ default: m.UsersPage })));
const ImportPage = lazy(() => import('./features/import/import-page').then((m) => ({ default: m.ImportPage })));
const TokensPage = lazy(() => import('./features/settings/tokens-page').then((m) => ({ default: m.TokensPage })));

/** A page that loads on first use, with the loading state meanwhile. */
function Lazy({ page: Page, label }: { page: ComponentType; label: string }) {
  return (
    <Suspense fallback={<LoadingState label={label} />}>
      <Page />
    </Suspense>
  );
}

/**
 * The dashboard's routes: the sign-in page, and every other page inside the app shell for
 * signed-in users (pages for some roles only say so to the others; a region's manage page and a
 * target's history are `features/manage`'s). The router, the session (with
 * its GraphQL client) and the language come from main.tsx.
 */
export function App() {
  const t = useT();
  const loading = t('common.loading');
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
        <Route path="regions" element={<Lazy page={RegionsPage} label={loading} />} />
        <Route path="regions/:code" element={<Lazy page={PanoramaPage} label={loading} />} />
        <Route path="regions/:code/manage" element={<Lazy page={ManageRegionPage} label={loading} />} />
        <Route path="targets/:id" element={<Lazy page={TargetHistoryPage} label={loading} />} />
        <Route path="partners" element={<Lazy page={PartnersPage} label={loading} />} />
        <Route path="partners/:id" element={<Lazy page={PartnerPage} label={loading} />} />
        <Route path="contributions" element={<Lazy page={ContributionsPage} label={loading} />} />
        <Route path="import" element={<Lazy page={ImportPage} label={loading} />} />
        <Route path="explorer" element={<Lazy page={ExplorerPage} label={t('explorer.loading')} />} />
        <Route
          path="audit"
          element={
            <RequireRole feature="audit">
              <Lazy page={AuditPage} label={loading} />
            </RequireRole>
          }
        />
        <Route
          path="settings/tokens"
          element={
            <RequireRole feature="apiTokens">
              <Lazy page={TokensPage} label={loading} />
            </RequireRole>
          }
        />
        <Route
          path="admin/users"
          element={
            <RequireRole feature="users">
              <Lazy page={UsersPage} label={loading} />
            </RequireRole>
          }
        />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
