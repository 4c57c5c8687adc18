import { ErrorState, LoadingState } from '../../components/query-state/query-state';
import { SearchLink } from '../../components/search-link/search-link';
import { useT } from '../../i18n/language-provider';
import { withNodes } from '../../i18n/rich-text';
import { useRegionList } from './region-switcher';

/** An address naming no region: says so, and links to every region's panorama. */
export function PanoramaNotFound({ code }: { code: string }) {
  const t = useT();
  const { regions, error, fetching, reexecute } = useRegionList();
  return (
    <article className="page panorama panorama--not-found">
      <header className="page__header">
        <h1>{t('panorama.notFoundTitle', { code })}</h1>
        <p className="page__lead">{t('panorama.notFoundLead', { code })}</p>
      </header>
      <section className="card card--padded" aria-label={t('nav.regions')}>
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
            title={t('regions.listError')}
            detail={error.message}
            onRetry={() => reexecute({ requestPolicy: 'network-only' })}
          />
        ) : (
          <LoadingState label={t('regions.loading')} lines={3} />
        )}
        <p className="panorama-region-links__all">
          {withNodes(t('panorama.notFoundAll'), {
            link: <SearchLink to="/regions">{t('panorama.notFoundAllLink')}</SearchLink>,
          })}
        </p>
      </section>
    </article>
  );
}
