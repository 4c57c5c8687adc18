import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { AppShell } from './components/app-shell/app-shell';
import { LoadingState } from './components/query-state/query-state';
import { ContributionsPage } from './features/contributions/contributions-page';
import { NotFoundPage } from './features/not-found/not-found-page';
import { OverviewPage } from './features/overview/overview-page';
import { PanoramaPage } from './features/panorama/panorama-page';
import { PartnerPage } from './features/partners/partner-page';
import { PartnersPage } from './features/partners/partners-page';
import { RegionsPage } from './features/regions/regions-page';
import { useT } from './i18n/language-provider';

/** The explorer bundles GraphiQL: it loads only when opened. */
const ExplorerPage = lazy(() =>
  import('./features/explorer/explorer-page').then((module) => ({ default: module.ExplorerPage })),
);

/** The dashboard's routes, all inside the app shell. The router, GraphQL client and language come from main.tsx. */
export function App() {
  const t = useT();
  return (
    <Routes>
      <Route element={<AppShell />}>
        <Route index element={<OverviewPage />} />
        <Route path="regions" element={<RegionsPage />} />
        <Route path="regions/:code" element={<PanoramaPage />} />
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
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
