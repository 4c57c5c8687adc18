import { useId } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { useQuery } from 'urql';
import { useT } from '../../i18n/language-provider';
import { graphql } from '../../lib/graphql';
import { regionShortName } from './panorama-model';

/** Every bureau and HQ, by code: for the switcher and the not-found state. */
export const RegionSwitcher_Regions = graphql(`
  query RegionSwitcher_Regions {
    regions {
      id
      code
      name
      city
    }
  }
`);

/** The regions one can open a panorama of, once loaded, and the query's state. */
export function useRegionList() {
  const [result, reexecute] = useQuery({ query: RegionSwitcher_Regions });
  return { regions: result.data?.regions, fetching: result.fetching, error: result.error, reexecute };
}

/** The path of a region's panorama, with the current search parameters (year, as-of). */
export function usePanoramaNavigation(): (code: string) => void {
  const navigate = useNavigate();
  const { search } = useLocation();
  return (code: string) => navigate({ pathname: `/regions/${encodeURIComponent(code)}`, search });
}

interface RegionSwitcherProps {
  /** The region shown, upper case. */
  code: string;
}

/** Chooses another region: opens its panorama with the same year and as-of day. */
export function RegionSwitcher({ code }: RegionSwitcherProps) {
  const t = useT();
  const selectId = useId();
  const { regions } = useRegionList();
  const openRegion = usePanoramaNavigation();
  const known = regions?.some((region) => region.code === code) ?? false;
  return (
    <div className="panorama-field">
      <label htmlFor={selectId} className="panorama-field__label">
        {t('filters.region')}
      </label>
      <select
        id={selectId}
        className="panorama-field__control"
        value={known ? code : ''}
        disabled={!regions}
        onChange={(event) => {
          const next = event.currentTarget.value;
          if (next && next !== code) openRegion(next);
        }}
      >
        {known ? null : <option value="">{regions ? t('regions.choose') : t('regions.loading')}</option>}
        {regions?.map((region) => (
          <option key={region.code} value={region.code} title={region.name}>
            {regionShortName(region)}
          </option>
        ))}
      </select>
    </div>
  );
}
