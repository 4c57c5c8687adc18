import { useDocumentTitle } from '../../components/document-title/use-document-title';

/** Partners: being built. */
export function PartnersPage() {
  useDocumentTitle('Partners');
  return (
    <section className="page">
      <h1 className="page__title">Partners</h1>
      <p>This page is on its way.</p>
    </section>
  );
}
