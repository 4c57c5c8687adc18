import { useDocumentTitle } from '../../components/document-title/use-document-title';

/** Region panorama: being built. */
export function PanoramaPage() {
  useDocumentTitle('Region panorama');
  return (
    <section className="page">
      <h1 className="page__title">Region panorama</h1>
      <p>This page is on its way.</p>
    </section>
  );
}
