import { Fragment, type ReactNode, useCallback, useEffect, useId, useRef, useState } from 'react';
import { useQuery } from 'urql';
import { formatEnum } from '../../components/data-table/cell-format';
import { EmptyState, ErrorState, LoadingState } from '../../components/query-state/query-state';
import { useT } from '../../i18n/language-provider';
import { graphql, type ResultOf } from '../../lib/graphql';
import { StatusMessage } from './form-controls';
import { OpportunityForm } from './opportunity-form';
import { OpportunityRow, type Stage } from './opportunity-row';

/** The region's open opportunities, soonest expected close first. */
export const ManagePipeline_Query = graphql(`
  query ManagePipeline($regionCode: String!) {
    region(code: $regionCode) {
      id
      opportunities(filter: { open: true }, first: 200) {
        totalCount
        nodes {
          id
          name
          stage
          amountUsd
          probability
          weightedAmountUsd
          expectedCloseDate
          prospectName
          partner {
            id
            name
          }
          country {
            iso3
            name
          }
        }
      }
    }
  }
`);

export type ManagedOpportunity = NonNullable<
  ResultOf<typeof ManagePipeline_Query>['region']
>['opportunities']['nodes'][number];

const OPPORTUNITY_CONTEXT = { additionalTypenames: ['Opportunity'] };

export interface PipelineSectionProps {
  regionCode: string;
  canWrite: boolean;
}

/** The region's open opportunities: writers move them between stages and change their figures. */
export function PipelineSection({ regionCode, canWrite }: PipelineSectionProps) {
  const t = useT();
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const sectionRef = useRef<HTMLElement>(null);
  const [result, reexecute] = useQuery({
    query: ManagePipeline_Query,
    variables: { regionCode },
    context: OPPORTUNITY_CONTEXT,
  });
  const refetch = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  const [editing, setEditing] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const focusAfter = useRef<string | null>(null);

  useEffect(() => {
    if (!focusAfter.current) return;
    const selector = focusAfter.current;
    focusAfter.current = null;
    sectionRef.current?.querySelector<HTMLElement>(selector)?.focus();
  });

  function onMoved(opportunity: ManagedOpportunity, stage: Stage) {
    const closed = stage === 'WON' || stage === 'LOST';
    setStatus(
      t(closed ? 'manage.pipeline.movedClosed' : 'manage.pipeline.moved', {
        name: opportunity.name,
        stage: formatEnum(stage),
      }),
    );
    // A closed opportunity leaves the list: the focus goes to the section's heading.
    if (closed) headingRef.current?.focus();
  }

  const opportunities = result.data?.region?.opportunities;
  let body: ReactNode;
  if (!result.data) {
    body =
      result.error && !result.fetching ? (
        <ErrorState title={t('manage.pipeline.error')} detail={result.error.message} onRetry={refetch} />
      ) : (
        <LoadingState label={t('manage.pipeline.loading')} lines={5} />
      );
  } else if (!opportunities || opportunities.nodes.length === 0) {
    body = <EmptyState title={t('manage.pipeline.empty')} />;
  } else {
    body = (
      <>
        {opportunities.totalCount > opportunities.nodes.length ? (
          <p className="manage-section__note">
            {t('manage.pipeline.soonest', { shown: opportunities.nodes.length, total: opportunities.totalCount })}
          </p>
        ) : null}
        <div className="table-scroll manage-table-scroll">
          <table className="data-table manage-table" aria-busy={result.fetching || undefined}>
            <caption className="visually-hidden">{t('manage.pipeline.caption', { code: regionCode })}</caption>
            <thead>
              <tr>
                <th scope="col" className="manage-table__opportunity">
                  {t('columns.opportunity')}
                </th>
                <th scope="col">{t('columns.office')}</th>
                <th scope="col">{t('columns.expectedClose')}</th>
                <th scope="col" className="numeric">
                  {t('columns.amount')}
                </th>
                <th scope="col" className="numeric">
                  {t('columns.probability')}
                </th>
                <th scope="col" className="numeric">
                  {t('pipeline.weighted')}
                </th>
                <th scope="col">{t('category.stage')}</th>
                {canWrite ? (
                  <th scope="col">
                    <span className="visually-hidden">{t('manage.actions')}</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {opportunities.nodes.map((opportunity) => (
                <Fragment key={opportunity.id}>
                  <OpportunityRow
                    opportunity={opportunity}
                    canWrite={canWrite}
                    editing={editing === opportunity.id}
                    onEdit={() => setEditing(editing === opportunity.id ? null : opportunity.id)}
                    onMoved={(stage) => onMoved(opportunity, stage)}
                  />
                  {editing === opportunity.id ? (
                    <tr id={`opportunity-form-${opportunity.id}`} className="manage-table__form-row">
                      <td colSpan={8}>
                        <OpportunityForm
                          opportunity={opportunity}
                          onSaved={(name) => {
                            setStatus(t('manage.pipeline.updated', { name }));
                            focusAfter.current = `[data-edit-opportunity="${opportunity.id}"]`;
                            setEditing(null);
                          }}
                          onCancel={() => {
                            focusAfter.current = `[data-edit-opportunity="${opportunity.id}"]`;
                            setEditing(null);
                          }}
                        />
                      </td>
                    </tr>
                  ) : null}
                </Fragment>
              ))}
            </tbody>
          </table>
        </div>
      </>
    );
  }

  return (
    <section ref={sectionRef} className="card manage-section" aria-labelledby={headingId}>
      <header className="manage-section__header">
        <h2 id={headingId} ref={headingRef} tabIndex={-1}>
          {t('manage.pipeline.title')}
        </h2>
        <p className="manage-section__lead">{t('manage.pipeline.lead', { code: regionCode })}</p>
      </header>
      <StatusMessage message={status} />
      {body}
    </section>
  );
}
