import { Link, useSearchParams } from 'react-router';
import { useT } from '../../i18n/language-provider';
import { manageRegionPath } from './manage-paths';
import './manage.css';

/**
 * The way from a region's panorama to its manage page, keeping the filters that travel (year,
 * as-of day). Everyone may open it: people who may not write read the targets and their history.
 */
export function ManageRegionLink({ code }: { code: string }) {
  const t = useT();
  const [params] = useSearchParams();
  const search = params.toString();
  return (
    <Link className="manage-link" to={`${manageRegionPath(code)}${search ? `?${search}` : ''}`}>
      {t('manage.link')}
    </Link>
  );
}
