import { ErrorState, LoadingState } from '../../components/query-state/query-state';
import { SearchLink } from '../../components/search-link/search-link';
import { useRegionList } from './region-switcher';

/** An address naming no region: says so, and links to every region's panorama. */
export function PanoramaNotFound({ code }: { code: string }) {
  const { regions, error, fetching, reexecute } = useRegionList();
  return (
    <article className="page panorama panorama--not-found">
      <header className="page__header">
        <h1>No region {code}</h1>
        <p className="page__lead">There is no bureau with the code “{code}”. Open one of these panoramas instead.</p>
      </header>
      <section className="card card--padded" aria-label="Regions">
        {regions ? (
          <ul className="panorama-region-links">
            {regions.map((region) => (
              <li key={region.code}>
                <SearchLink to={`/regions/${region.code}`}>
                  <strong>{region.code}</strong> · {region.name}
                  {region.city ? ` (${region.city})` : ''}
                </SearchLink>
              </li>
            ))}
          </ul>
        ) : error && !fetching ? (
          <ErrorState
            title="The regions could not be loaded."
            detail={error.message}
            onRetry={() => reexecute({ requestPolicy: 'network-only' })}
          />
        ) : (
          <LoadingState label="Loading regions…" lines={3} />
        )}
        <p className="panorama-region-links__all">
          Or compare them all on the <SearchLink to="/regions">regions page</SearchLink>.
        </p>
      </section>
    </article>
  );
}
