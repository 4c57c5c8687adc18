import { useDocumentTitle } from '../../components/document-title/use-document-title';

/** Explorer: being built. */
export function ExplorerPage() {
  useDocumentTitle('Explorer');
  return (
    <section className="page">
      <h1 className="page__title">Explorer</h1>
      <p>This page is on its way.</p>
    </section>
  );
}
