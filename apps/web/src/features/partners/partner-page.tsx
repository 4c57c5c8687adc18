import { useDocumentTitle } from '../../components/document-title/use-document-title';

/** Partner: being built. */
export function PartnerPage() {
  useDocumentTitle('Partner');
  return (
    <section className="page">
      <h1 className="page__title">Partner</h1>
      <p>This page is on its way.</p>
    </section>
  );
}
