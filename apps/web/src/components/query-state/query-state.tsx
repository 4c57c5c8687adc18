import type { ReactNode } from 'react';
import { useT } from '../../i18n/language-provider';
import './query-state.css';

interface LoadingStateProps {
  /** What is loading, said to screen readers and shown beside the skeleton: "Loading regions…". */
  label: string;
  /** Skeleton lines to show. */
  lines?: number;
}

/** A placeholder while a query runs: a skeleton and a busy, polite status message. */
export function LoadingState({ label, lines = 5 }: LoadingStateProps) {
  return (
    <div className="query-state query-state--loading" aria-busy="true">
      <p className="query-state__message" role="status">
        {label}
      </p>
      <div className="skeleton" aria-hidden="true">
        {Array.from({ length: lines }, (_, index) => (
          <span key={index} className="skeleton__line" />
        ))}
      </div>
    </div>
  );
}

interface ErrorStateProps {
  /** What failed, in the user's words: "The regions could not be loaded." */
  title: string;
  /** The error's own text, shown for support and for the curious. */
  detail?: string;
  /** Runs the query again. Without it, no Retry button. */
  onRetry?: () => void;
}

/** A failed query: what failed, why, and a way to try again. */
export function ErrorState({ title, detail, onRetry }: ErrorStateProps) {
  const t = useT();
  return (
    <div className="query-state query-state--error" role="alert">
      <p className="query-state__title">{title}</p>
      {detail ? <p className="query-state__detail">{detail}</p> : null}
      {onRetry ? (
        <button type="button" className="button" onClick={onRetry}>
          {t('common.retry')}
        </button>
      ) : null}
    </div>
  );
}

interface EmptyStateProps {
  title: string;
  children?: ReactNode;
}

/** A query that succeeded with nothing to show. */
export function EmptyState({ title, children }: EmptyStateProps) {
  return (
    <div className="query-state query-state--empty">
      <p className="query-state__title">{title}</p>
      {children}
    </div>
  );
}
