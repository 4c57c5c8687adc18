import { useDocumentTitle } from '../../components/document-title/use-document-title';
import { SearchLink } from '../../components/search-link/search-link';

/** Any path the dashboard does not know. */
export function NotFoundPage() {
  useDocumentTitle('Page not found');
  return (
    <article className="page">
      <header className="page__header">
        <h1>Page not found</h1>
      </header>
      <section className="card card--padded">
        <p>
          There is no page at this address. Go to the <SearchLink to="/">overview</SearchLink> or the{' '}
          <SearchLink to="/regions">regions</SearchLink>.
        </p>
      </section>
    </article>
  );
}
