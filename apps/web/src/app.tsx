import { Route, Routes } from 'react-router';
import { AppShell } from './components/app-shell/app-shell';
import { NotFoundPage } from './features/not-found/not-found-page';
import { OverviewPage } from './features/overview/overview-page';
import { RegionsPage } from './features/regions/regions-page';

/** The dashboard's routes, all inside the app shell. The router and GraphQL client come from main.tsx. */
export function App() {
  return (
    <Routes>
      <Route element={<AppShell />}>
        <Route index element={<OverviewPage />} />
        <Route path="regions" element={<RegionsPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
