import { Badge } from '../../components/badge/badge';
import { formatLongDate, periodText } from '../../components/format/date';
import { formatPercent } from '../../components/format/number';
import { useT } from '../../i18n/language-provider';
import { withNodes } from '../../i18n/rich-text';
import { type FragmentOf, graphql, readFragment } from '../../lib/graphql';
import { ManageRegionLink } from '../manage/manage-link';
import { PanoramaAsOf } from './panorama-as-of';
import { rankText } from './panorama-model';
import { RegionSwitcher } from './region-switcher';

/** The region, its days and where it stands among the regions. */
export const PanoramaHeader_Panorama = graphql(`
  fragment PanoramaHeader_Panorama on Panorama {
    year
    asOf
    rank
    regionCount
    share
    region {
      id
      code
      name
      city
    }
  }
`);

interface PanoramaHeaderProps {
  /** The region code of the address, upper case: shown until the panorama answers. */
  code: string;
  year: number;
  /** The as-of day chosen in the URL, or null for the latest data. */
  chosenAsOf: string | null;
  onAsOfChange: (asOf: string | null) => void;
  /** The panorama, once loaded. */
  panorama: FragmentOf<typeof PanoramaHeader_Panorama> | undefined;
}

/**
 * The panorama's title block: the region, its city, the year and as-of day, its rank and share
 * of revenue; and the controls (region, as-of day, print), which print leaves out.
 */
export function PanoramaHeader({ code, year, chosenAsOf, onAsOfChange, panorama: data }: PanoramaHeaderProps) {
  const t = useT();
  const panorama = readFragment(PanoramaHeader_Panorama, data);
  const region = panorama?.region;
  const asOf = panorama?.asOf ?? chosenAsOf;
  return (
    <header className="page__header panorama-header">
      <div className="panorama-header__title">
        <p className="panorama-header__eyebrow">
          <span>{t('panorama.eyebrow')}</span>
          <Badge tone={code === 'HQ' ? 'neutral' : 'accent'}>{code}</Badge>
          {region?.city ? <span>{region.city}</span> : null}
        </p>
        <h1>{region?.name ?? code}</h1>
        <p className="page__lead panorama-header__period">
          <strong>{year}</strong>
          {asOf ? <> · {t('panorama.figuresFrom', { period: periodText(asOf) })}</> : null}
        </p>
        {panorama ? (
          <p className="panorama-header__standing">
            <strong>{rankText(panorama.rank, panorama.regionCount)}</strong>
            {panorama.share !== null ? (
              <> · {withNodes(t('panorama.share'), { share: <strong>{formatPercent(panorama.share)}</strong> })}</>
            ) : null}
          </p>
        ) : null}
        <p className="panorama-header__printed">{t('panorama.printed', { date: formatLongDate(todayIso()) })}</p>
      </div>
      <div className="panorama-header__controls">
        <RegionSwitcher code={code} />
        <PanoramaAsOf year={year} chosen={chosenAsOf} readAt={panorama?.asOf ?? null} onChange={onAsOfChange} />
        <ManageRegionLink code={code} />
        <button type="button" className="button panorama-header__print" onClick={() => window.print()}>
          {t('panorama.print')}
        </button>
      </div>
    </header>
  );
}

/** Today, as an ISO day in the reader's time zone: the brief says when it was printed. */
function todayIso(): string {
  const now = new Date();
  const month = String(now.getMonth() + 1).padStart(2, '0');
  const day = String(now.getDate()).padStart(2, '0');
  return `${now.getFullYear()}-${month}-${day}`;
}
