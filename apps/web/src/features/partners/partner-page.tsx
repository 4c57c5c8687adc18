import { useCallback } from 'react';
import { useParams } from 'react-router';
import { type CombinedError, useQuery } from 'urql';
import { Badge } from '../../components/badge/badge';
import { formatEnum } from '../../components/data-table/cell-format';
import { useDocumentTitle } from '../../components/document-title/use-document-title';
import { ErrorState, LoadingState } from '../../components/query-state/query-state';
import { SearchLink } from '../../components/search-link/search-link';
import { useT } from '../../i18n/language-provider';
import { withNodes } from '../../i18n/rich-text';
import { graphql, type ResultOf } from '../../lib/graphql';
import { PartnerContributions } from './partner-contributions';
import { PartnerGifts } from './partner-gifts';
import { isNotFoundError, isPartnerId } from './partner-id';
import { PartnerOpportunities } from './partner-opportunities';
import { PartnerPartnerships } from './partner-partnerships';
import './partners.css';

export const PartnerPage_Partner = graphql(`
  query PartnerPage_Partner($id: ID!) {
    node(id: $id) {
      __typename
      id
      ... on Partner {
        name
        externalRef
        partnerType
        scope
        sector
        region {
          id
          code
          name
        }
        country {
          id
          iso3
          name
        }
      }
    }
  }
`);

/** Whatever `node` answered: a partner, another type of object (the ID names no partner), or nothing. */
type PartnerPageNode = ResultOf<typeof PartnerPage_Partner>['node'];

/** The partner as the page's header shows it. */
export type PartnerHeader = Extract<NonNullable<PartnerPageNode>, { __typename: 'Partner' }>;

function isPartner(node: PartnerPageNode): node is PartnerHeader {
  return node?.__typename === 'Partner';
}

/** True when the API says there is no such object (rather than failing to answer). */
function notFound(error: CombinedError | undefined): boolean {
  return (
    !!error &&
    error.graphQLErrors.some(
      (graphqlError) => graphqlError.extensions?.code === 'NOT_FOUND' || isNotFoundError(graphqlError.message),
    )
  );
}

/**
 * True when `node` itself failed and came back null: today the API answers an unknown partner ID
 * so (an internal error rather than null), which the page cannot tell from an outage.
 */
function nodeFailed(error: CombinedError | undefined, node: PartnerPageNode | undefined): boolean {
  return node === null && !!error?.graphQLErrors.some((graphqlError) => graphqlError.path?.[0] === 'node');
}

/** One partner: who it is, its gifts over the years, its partnerships, contributions and pipeline. */
export function PartnerPage() {
  const t = useT();
  const { id } = useParams();
  const validId = isPartnerId(id);
  const [result, reexecute] = useQuery({ query: PartnerPage_Partner, variables: { id: id ?? '' }, pause: !validId });
  const retry = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  const node = result.data?.node;
  const partner = node && isPartner(node) ? node : null;
  const missing = !validId || (result.data !== undefined && !partner && !result.error) || notFound(result.error);
  useDocumentTitle(missing ? t('partner.notFound') : (partner?.name ?? t('partner.title')));

  if (missing) return <PartnerNotFound />;
  if (!result.fetching && nodeFailed(result.error, node)) return <PartnerNotFound onRetry={retry} />;
  if (!partner) {
    return (
      <article className="page">
        <header className="page__header">
          <h1>{t('partner.title')}</h1>
        </header>
        {result.error && !result.fetching ? (
          <ErrorState title={t('partner.error')} detail={result.error.message} onRetry={retry} />
        ) : (
          <LoadingState label={t('partner.loading')} />
        )}
      </article>
    );
  }
  return (
    <article className="page partner-page">
      <header className="page__header partner-header">
        <p className="partner-header__back">
          <SearchLink to="/partners">← {t('partner.all')}</SearchLink>
        </p>
        <h1>{partner.name}</h1>
        <dl className="partner-facts">
          <div>
            <dt>{t('columns.type')}</dt>
            <dd>{formatEnum(partner.partnerType)}</dd>
          </div>
          <div>
            <dt>{t('columns.sector')}</dt>
            <dd>{partner.sector ?? t('partner.notRecorded')}</dd>
          </div>
          <div>
            <dt>{t('partners.managedBy')}</dt>
            <dd>
              <Badge tone={partner.region.code === 'HQ' ? 'neutral' : 'accent'}>{partner.region.code}</Badge>{' '}
              <SearchLink to={`/regions/${partner.region.code}`}>{partner.region.name}</SearchLink>
              {partner.country ? `, ${partner.country.name}` : null}
            </dd>
          </div>
          <div>
            <dt>{t('columns.scope')}</dt>
            <dd>{formatEnum(partner.scope)}</dd>
          </div>
          <div>
            <dt>{t('columns.reference')}</dt>
            <dd>
              <code>{partner.externalRef}</code>
            </dd>
          </div>
        </dl>
      </header>
      <PartnerGifts partnerId={partner.id} partnerName={partner.name} />
      <PartnerPartnerships partnerId={partner.id} partnerRef={partner.externalRef} />
      <PartnerContributions partnerId={partner.id} partnerRef={partner.externalRef} />
      <PartnerOpportunities partnerId={partner.id} partnerRef={partner.externalRef} />
    </article>
  );
}

interface PartnerNotFoundProps {
  /** Given when the server failed to say: the partner may exist, and trying again may help. */
  onRetry?: () => void;
}

function PartnerNotFound({ onRetry }: PartnerNotFoundProps) {
  const t = useT();
  return (
    <article className="page">
      <header className="page__header">
        <h1>{t('partner.notFound')}</h1>
      </header>
      <section className="card card--padded">
        <p>
          {onRetry ? t('partner.notLoaded') : t('partner.noSuchAddress')}{' '}
          {withNodes(t('partner.findInList'), {
            list: <SearchLink to="/partners">{t('partner.findInListLink')}</SearchLink>,
          })}
        </p>
        {onRetry ? (
          <button type="button" className="button" onClick={onRetry}>
            {t('common.retry')}
          </button>
        ) : null}
      </section>
    </article>
  );
}
