import { useDocumentTitle } from '../../components/document-title/use-document-title';

/** Contributions: being built. */
export function ContributionsPage() {
  useDocumentTitle('Contributions');
  return (
    <section className="page">
      <h1 className="page__title">Contributions</h1>
      <p>This page is on its way.</p>
    </section>
  );
}
