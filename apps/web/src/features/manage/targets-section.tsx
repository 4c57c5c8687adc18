import { Fragment, type ReactNode, useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { formatMetricValueFull } from '../../components/kpi-card/metric-format';
import { EmptyState, ErrorState, LoadingState } from '../../components/query-state/query-state';
import { metricLabel } from '../../i18n/catalog-labels';
import { useT } from '../../i18n/language-provider';
import { StatusMessage } from './form-controls';
import { formatDateTime } from './format-time';
import type { VersionConflict } from './mutation-outcome';
import { type ManagedTarget, ManageTargets_Query } from './target-documents';
import { TargetForm } from './target-form';
import { type CatalogMetric, periodLabel, scopeLabel, sortTargets, strategyYears, unitOf } from './targets-model';

/** Where a target's history is: the route `targets/:id`. */
export function targetPath(id: string): string {
  return `/targets/${encodeURIComponent(id)}`;
}

const ALL_SCOPES = '';
/** Targets, Stories… ask their types again when a write returns one (urql's document cache). */
const TARGET_CONTEXT = { additionalTypenames: ['Target'] };

export interface TargetsSectionProps {
  regionCode: string;
  countries: readonly { iso3: string; name: string }[];
  catalog: readonly CatalogMetric[];
  period: { firstYear: number; lastYear: number };
  year: number;
  onYearChange: (year: number) => void;
  canWrite: boolean;
}

/**
 * The targets of a region and of its country offices for one year of the strategy: a table with
 * each target's value, version and who set it; writers edit a target in place or add one.
 */
export function TargetsSection({
  regionCode,
  countries,
  catalog,
  period,
  year,
  onYearChange,
  canWrite,
}: TargetsSectionProps) {
  const t = useT();
  const headingId = useId();
  const yearId = useId();
  const scopeId = useId();
  const [scopeFilter, setScopeFilter] = useState(ALL_SCOPES);
  const [editing, setEditing] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  /** Where the focus returns when a form closes: a row's Edit button, or the New target button. */
  const focusAfterClose = useRef<string | null>(null);
  const sectionRef = useRef<HTMLElement>(null);
  const [result, reexecute] = useQuery({
    query: ManageTargets_Query,
    variables: { regionCode, year },
    context: TARGET_CONTEXT,
  });
  const refetch = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);

  const targets = useMemo(() => {
    const nodes = result.data?.targets.nodes ?? [];
    return sortTargets(nodes, catalog).filter(
      (target) => scopeFilter === ALL_SCOPES || `${target.scopeType}:${target.scopeCode}` === scopeFilter,
    );
  }, [result.data, catalog, scopeFilter]);
  // Another year's answer is not shown as this year's while it loads.
  const loadedYear = result.data?.targets.nodes[0]?.year;
  const stale = loadedYear !== undefined && loadedYear !== year;

  useEffect(() => {
    if (editing !== null || creating || !focusAfterClose.current) return;
    const selector = focusAfterClose.current;
    focusAfterClose.current = null;
    sectionRef.current?.querySelector<HTMLElement>(selector)?.focus();
  }, [editing, creating]);

  function closeForm() {
    focusAfterClose.current = editing ? `[data-edit-target="${editing}"]` : '[data-new-target]';
    setEditing(null);
    setCreating(false);
  }

  function describe(target: Pick<ManagedTarget, 'metricCode' | 'scopeType' | 'scopeCode' | 'country' | 'quarter'>) {
    const metric = catalog.find((candidate) => candidate.code === target.metricCode);
    return {
      metric: metric ? metricLabel(metric) : target.metricCode,
      scope: scopeLabel(target, t),
      period: periodLabel(year, target.quarter, t),
    };
  }

  function onSaved(saved: ManagedTarget) {
    const value = formatMetricValueFull(saved.value, unitOf(catalog, saved.metricCode));
    setStatus(t('manage.targets.saved', { ...describe(saved), value, version: saved.version }));
    closeForm();
  }

  function onKeptTheirs(conflict: VersionConflict, metricCode: string) {
    const value = formatMetricValueFull(Number(conflict.currentValue), unitOf(catalog, metricCode));
    setStatus(t('manage.targets.keptTheirs', { who: conflict.currentSetBy, value }));
    closeForm();
    refetch();
  }

  function formFor(target?: ManagedTarget) {
    return (
      <TargetForm
        regionCode={regionCode}
        countries={countries}
        catalog={catalog}
        year={year}
        target={target}
        existing={result.data?.targets.nodes ?? []}
        onSaved={onSaved}
        onKeptTheirs={onKeptTheirs}
        onCancel={closeForm}
      />
    );
  }

  const columnCount = 8;
  let body: ReactNode;
  if (!result.data || stale) {
    body =
      result.error && !result.fetching ? (
        <ErrorState title={t('manage.targets.error')} detail={result.error.message} onRetry={refetch} />
      ) : (
        <LoadingState label={t('manage.targets.loading')} lines={6} />
      );
  } else if (targets.length === 0) {
    body = (
      <EmptyState title={t('manage.targets.empty', { year })}>
        <p>{canWrite ? t('manage.targets.emptyWriter') : t('manage.targets.emptyReader')}</p>
      </EmptyState>
    );
  } else {
    body = (
      <div className="table-scroll manage-table-scroll">
        <table className="data-table manage-table" aria-busy={result.fetching || undefined}>
          <caption className="visually-hidden">{t('manage.targets.caption', { code: regionCode, year })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('manage.targets.metric')}</th>
              <th scope="col">{t('manage.targets.scope')}</th>
              <th scope="col">{t('manage.targets.period')}</th>
              <th scope="col" className="numeric">
                {t('manage.targets.value')}
              </th>
              <th scope="col" className="numeric">
                {t('manage.targets.version')}
              </th>
              <th scope="col">{t('manage.targets.setBy')}</th>
              <th scope="col">{t('manage.targets.setAt')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('manage.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {targets.map((target) => {
              const names = describe(target);
              const which = `${names.metric}, ${names.scope}, ${names.period}`;
              const isEditing = editing === target.id;
              const formRowId = `target-form-${target.id}`;
              return (
                <Fragment key={target.id}>
                  <tr>
                    <th scope="row">{names.metric}</th>
                    <td>{names.scope}</td>
                    <td className="manage-table__nowrap">{names.period}</td>
                    <td className="numeric">
                      {formatMetricValueFull(target.value, unitOf(catalog, target.metricCode))}
                    </td>
                    <td className="numeric">{target.version}</td>
                    <td>{target.setBy}</td>
                    <td>
                      <time dateTime={target.setAt}>{formatDateTime(target.setAt)}</time>
                    </td>
                    <td className="manage-table__actions">
                      {canWrite ? (
                        <button
                          type="button"
                          className="button manage-button--small manage-button--secondary"
                          data-edit-target={target.id}
                          aria-expanded={isEditing}
                          aria-controls={isEditing ? formRowId : undefined}
                          onClick={() => {
                            setCreating(false);
                            setEditing(isEditing ? null : target.id);
                          }}
                        >
                          {t('manage.edit')}
                          <span className="visually-hidden"> {which}</span>
                        </button>
                      ) : null}
                      <Link to={targetPath(target.id)} className="manage-table__link">
                        {t('manage.targets.history')}
                        <span className="visually-hidden"> {which}</span>
                      </Link>
                    </td>
                  </tr>
                  {isEditing ? (
                    <tr id={formRowId} className="manage-table__form-row">
                      <td colSpan={columnCount}>{formFor(target)}</td>
                    </tr>
                  ) : null}
                </Fragment>
              );
            })}
          </tbody>
        </table>
      </div>
    );
  }

  return (
    <section ref={sectionRef} className="card manage-section" aria-labelledby={headingId}>
      <header className="manage-section__header">
        <h2 id={headingId}>{t('manage.targets.title')}</h2>
        <p className="manage-section__lead">{t('manage.targets.lead', { code: regionCode })}</p>
      </header>
      <div className="manage-toolbar">
        <div className="manage-toolbar__control">
          <label htmlFor={yearId}>{t('manage.targets.year')}</label>
          <select
            id={yearId}
            value={year}
            onChange={(event) => {
              setEditing(null);
              setCreating(false);
              onYearChange(Number(event.currentTarget.value));
            }}
          >
            {strategyYears(period).map((option) => (
              <option key={option} value={option}>
                {option}
              </option>
            ))}
          </select>
        </div>
        <div className="manage-toolbar__control">
          <label htmlFor={scopeId}>{t('manage.targets.scope')}</label>
          <select id={scopeId} value={scopeFilter} onChange={(event) => setScopeFilter(event.currentTarget.value)}>
            <option value={ALL_SCOPES}>{t('manage.targets.allScopes')}</option>
            <option value={`REGION:${regionCode}`}>{t('manage.targets.wholeRegion', { code: regionCode })}</option>
            {countries.map((country) => (
              <option key={country.iso3} value={`COUNTRY:${country.iso3}`}>
                {country.name}
              </option>
            ))}
          </select>
        </div>
        {canWrite ? (
          <button
            type="button"
            className="button manage-toolbar__new"
            data-new-target
            aria-expanded={creating}
            onClick={() => {
              setEditing(null);
              setCreating(!creating);
            }}
          >
            {t('manage.targets.new')}
          </button>
        ) : null}
      </div>
      <StatusMessage message={status} />
      {creating && canWrite ? <div className="manage-section__form">{formFor()}</div> : null}
      {body}
    </section>
  );
}
