import { useDocumentTitle } from '../../components/document-title/use-document-title';
import { SearchLink } from '../../components/search-link/search-link';
import { useYear } from '../../components/year-select/use-year';

/** The leadership overview: KPI cards, revenue and impact by region, trends. Coming next. */
export function OverviewPage() {
  useDocumentTitle('Overview');
  const [year] = useYear();
  return (
    <article className="page">
      <header className="page__header">
        <h1>Overview</h1>
        <p className="page__lead">Revenue and impact against the strategy's objectives, {year}.</p>
      </header>
      <section className="card card--padded">
        <h2>The overview is coming</h2>
        <p>
          Key figures, progress against targets and trends by region will appear here. In the meantime, see the{' '}
          <SearchLink to="/regions">regions</SearchLink> and their country offices and partners.
        </p>
      </section>
    </article>
  );
}
