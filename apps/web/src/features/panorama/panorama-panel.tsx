import { type ReactNode, useId } from 'react';

interface PanoramaPanelProps {
  title: string;
  /** What the figures are and which days they cover. */
  lead?: ReactNode;
  children: ReactNode;
  className?: string;
}

/** A titled card of the panorama; in print it keeps to one page. */
export function PanoramaPanel({ title, lead, children, className = '' }: PanoramaPanelProps) {
  const titleId = useId();
  return (
    <section className={`card panorama-panel ${className}`.trim()} aria-labelledby={titleId}>
      <header className="panorama-panel__header">
        <h2 id={titleId} className="panorama-panel__title">
          {title}
        </h2>
        {lead ? <p className="panorama-panel__lead">{lead}</p> : null}
      </header>
      {children}
    </section>
  );
}
