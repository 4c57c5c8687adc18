import { type ReactNode, useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useQuery } from 'urql';
import { EmptyState, ErrorState, LoadingState } from '../../components/query-state/query-state';
import { useT } from '../../i18n/language-provider';
import { graphql, type ResultOf } from '../../lib/graphql';
import { FieldNeedForm } from './field-need-form';
import { FieldNeedItem } from './field-need-item';
import { StatusMessage } from './form-controls';
import { useRegionPartnerships } from './partnerships';

/** The region's field needs, and the strategy's objectives a new need may serve. */
export const ManageFieldNeeds_Query = graphql(`
  query ManageFieldNeeds($regionCode: String!) {
    region(code: $regionCode) {
      id
      fieldNeeds(first: 200) {
        totalCount
        nodes {
          id
          title
          description
          status
          sector
          identifiedOn
          country {
            iso3
            name
          }
          partnership {
            id
            name
          }
          objective {
            code
            name
          }
        }
      }
    }
    objectives {
      code
      name
    }
  }
`);

export type ManagedFieldNeed = NonNullable<
  ResultOf<typeof ManageFieldNeeds_Query>['region']
>['fieldNeeds']['nodes'][number];

const NEED_CONTEXT = { additionalTypenames: ['FieldNeed'] };
const STATUS_ORDER: Readonly<Record<string, number>> = { OPEN: 0, MATCHED: 1, CLOSED: 2 };

export interface Country {
  iso3: string;
  name: string;
}

export interface FieldNeedsSectionProps {
  regionCode: string;
  countries: readonly Country[];
  canWrite: boolean;
}

/** The region's field needs, open ones first: writers record new ones, match open ones and close them. */
export function FieldNeedsSection({ regionCode, countries, canWrite }: FieldNeedsSectionProps) {
  const t = useT();
  const headingId = useId();
  const sectionRef = useRef<HTMLElement>(null);
  const [result, reexecute] = useQuery({
    query: ManageFieldNeeds_Query,
    variables: { regionCode },
    context: NEED_CONTEXT,
  });
  const refetch = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  const { partnerships } = useRegionPartnerships(regionCode, !canWrite);
  const [creating, setCreating] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const focusAfter = useRef<string | null>(null);

  useEffect(() => {
    if (!focusAfter.current) return;
    const selector = focusAfter.current;
    focusAfter.current = null;
    sectionRef.current?.querySelector<HTMLElement>(selector)?.focus();
  });

  const needs = useMemo(
    () =>
      [...(result.data?.region?.fieldNeeds.nodes ?? [])].sort(
        (a, b) => (STATUS_ORDER[a.status] ?? 3) - (STATUS_ORDER[b.status] ?? 3),
      ),
    [result.data],
  );

  function closeForm() {
    focusAfter.current = '[data-new-need]';
    setCreating(false);
  }

  let body: ReactNode;
  if (!result.data) {
    body =
      result.error && !result.fetching ? (
        <ErrorState title={t('manage.needs.error')} detail={result.error.message} onRetry={refetch} />
      ) : (
        <LoadingState label={t('manage.needs.loading')} lines={4} />
      );
  } else if (needs.length === 0) {
    body = (
      <EmptyState title={t('fieldNeeds.empty')}>{canWrite ? <p>{t('manage.needs.emptyWriter')}</p> : null}</EmptyState>
    );
  } else {
    body = (
      <ul className="manage-list" aria-busy={result.fetching || undefined}>
        {needs.map((need) => (
          <li key={need.id} className="manage-item">
            <FieldNeedItem
              need={need}
              canWrite={canWrite}
              partnerships={partnerships}
              onMatched={(partnership) => setStatus(t('manage.needs.matched', { title: need.title, partnership }))}
              onClosed={() => {
                setStatus(t('manage.needs.closed', { title: need.title }));
                focusAfter.current = `[data-need-title="${need.id}"]`;
              }}
            />
          </li>
        ))}
      </ul>
    );
  }

  return (
    <section ref={sectionRef} className="card manage-section" aria-labelledby={headingId}>
      <header className="manage-section__header">
        <h2 id={headingId}>{t('manage.needs.title')}</h2>
        <p className="manage-section__lead">{t('manage.needs.lead', { code: regionCode })}</p>
      </header>
      {canWrite ? (
        <div className="manage-toolbar">
          <button
            type="button"
            className="button manage-toolbar__new"
            data-new-need
            aria-expanded={creating}
            onClick={() => setCreating(!creating)}
          >
            {t('manage.needs.new')}
          </button>
        </div>
      ) : null}
      <StatusMessage message={status} />
      {creating && canWrite ? (
        <div className="manage-section__form">
          <FieldNeedForm
            regionCode={regionCode}
            countries={countries}
            objectives={result.data?.objectives ?? []}
            onSaved={(title) => {
              setStatus(t('manage.needs.recorded', { title }));
              closeForm();
            }}
            onCancel={closeForm}
          />
        </div>
      ) : null}
      {body}
    </section>
  );
}
