import { useCallback } from 'react';
import { type CombinedError, gql, useQuery } from 'urql';
import { useDocumentTitle } from '../../components/document-title/use-document-title';
import { EmptyState, ErrorState, LoadingState } from '../../components/query-state/query-state';
import { type RegionRow, RegionsTable } from './regions-table';

interface RegionsPageRegionsQuery {
  regions: RegionRow[];
}

export const RegionsPage_Regions = gql<RegionsPageRegionsQuery, Record<string, never>>`
  query RegionsPage_Regions {
    regions {
      id
      code
      name
      city
      countryCount
      partnerCount
    }
  }
`;

/** The regional bureaux and HQ, with how many country offices and partners each has. */
export function RegionsPage() {
  useDocumentTitle('Regions');
  const [result, reexecuteQuery] = useQuery({ query: RegionsPage_Regions });
  const retry = useCallback(() => reexecuteQuery({ requestPolicy: 'network-only' }), [reexecuteQuery]);

  return (
    <article className="page">
      <header className="page__header">
        <h1>Regions</h1>
        <p className="page__lead">
          The six regional bureaux and headquarters, with their country offices and partners.
        </p>
      </header>
      <div className="card" aria-busy={result.fetching}>
        <RegionsContent
          regions={result.data?.regions}
          error={result.error}
          fetching={result.fetching}
          onRetry={retry}
        />
      </div>
    </article>
  );
}

interface RegionsContentProps {
  regions: RegionRow[] | undefined;
  error: CombinedError | undefined;
  fetching: boolean;
  onRetry: () => void;
}

/** Loading, failed, empty or the table; a partial error shows above the regions that did load. */
function RegionsContent({ regions, error, fetching, onRetry }: RegionsContentProps) {
  if (regions === undefined) {
    if (error && !fetching) {
      return <ErrorState title="The regions could not be loaded." detail={error.message} onRetry={onRetry} />;
    }
    return <LoadingState label="Loading regions…" />;
  }
  return (
    <>
      {error ? (
        <ErrorState title="Some region data could not be loaded." detail={error.message} onRetry={onRetry} />
      ) : null}
      {regions.length === 0 ? (
        <EmptyState title="No regions yet">
          <p>Regions are installed with the database; check that its migrations have run.</p>
        </EmptyState>
      ) : (
        <RegionsTable regions={regions} />
      )}
    </>
  );
}
