import { useDocumentTitle } from '../../components/document-title/use-document-title';
import { SearchLink } from '../../components/search-link/search-link';
import { useT } from '../../i18n/language-provider';
import { withNodes } from '../../i18n/rich-text';

/** Any path the dashboard does not know. */
export function NotFoundPage() {
  const t = useT();
  useDocumentTitle(t('notFound.title'));
  return (
    <article className="page">
      <header className="page__header">
        <h1>{t('notFound.title')}</h1>
      </header>
      <section className="card card--padded">
        <p>
          {withNodes(t('notFound.body'), {
            overview: <SearchLink to="/">{t('notFound.overview')}</SearchLink>,
            regions: <SearchLink to="/regions">{t('notFound.regions')}</SearchLink>,
          })}
        </p>
      </section>
    </article>
  );
}
