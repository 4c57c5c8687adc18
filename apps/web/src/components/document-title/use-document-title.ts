import { useEffect } from 'react';

const PRODUCT_NAME = 'Panorama';

/** Sets the browser tab's title to `"<page> · Panorama"` while the page is shown. */
export function useDocumentTitle(pageTitle: string): void {
  useEffect(() => {
    document.title = `${pageTitle} · ${PRODUCT_NAME}`;
  }, [pageTitle]);
}
