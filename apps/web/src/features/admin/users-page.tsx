import { useCallback, useMemo, useRef, useState } from 'react';
import { useQuery } from 'urql';
import { Badge } from '../../components/badge/badge';
import { type DataColumn, dataColumns } from '../../components/data-table/columns';
import { DataTable } from '../../components/data-table/data-table';
import { useDocumentTitle } from '../../components/document-title/use-document-title';
import { useFocusAfterRender } from '../../components/focus/use-focus-after-render';
import { ErrorState } from '../../components/query-state/query-state';
import { useT } from '../../i18n/language-provider';
import type { Translate } from '../../i18n/translate';
import { readFragment } from '../../lib/graphql';
import { CreateUserForm } from './create-user-form';
import { UserFields, type UserRow, UsersPage_Users } from './user-documents';
import './admin.css';

const NO_USERS: UserRow[] = [];

/** The columns of the users table, in the language of `t`. */
function userColumns(t: Translate): DataColumn<UserRow>[] {
  const column = dataColumns<UserRow>();
  return [
    column.text({ id: 'name', header: t('users.name'), value: (row) => row.name, rowHeader: true, wide: true }),
    column.text({ id: 'email', header: t('users.email'), value: (row) => row.email }),
    column.text({
      id: 'role',
      header: t('users.role'),
      csvHeader: t('users.role'),
      value: (row) => row.role,
      cell: (row) => t(`role.${row.role}`),
    }),
    column.text({
      id: 'region',
      header: t('users.region'),
      value: (row) => row.region?.code,
      cell: (row) =>
        row.region ? (
          <>
            <Badge>{row.region.code}</Badge> {row.region.name}
          </>
        ) : (
          '—'
        ),
    }),
    column.text({
      id: 'active',
      header: t('users.status'),
      value: (row) => (row.active ? 'ACTIVE' : 'INACTIVE'),
      cell: (row) => (row.active ? t('users.active') : t('users.inactive')),
    }),
  ];
}

/** `/admin/users` (ADMIN): every account with its role and region, and a form to create one. */
export function UsersPage() {
  const t = useT();
  useDocumentTitle(t('nav.users'));
  const [result, reexecute] = useQuery({ query: UsersPage_Users });
  const [notice, setNotice] = useState('');
  const noticeRef = useRef<HTMLParagraphElement>(null);
  const focusAfterRender = useFocusAfterRender();
  const refresh = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  const users = useMemo(() => (result.data ? readFragment(UserFields, result.data.users) : NO_USERS), [result.data]);
  const columns = useMemo(() => userColumns(t), [t]);

  return (
    <article className="page">
      <header className="page__header">
        <h1>{t('nav.users')}</h1>
        <p className="page__lead">{t('users.lead')}</p>
      </header>
      <CreateUserForm
        onCreated={(user) => {
          setNotice(t('users.created', { name: user.name, email: user.email }));
          refresh();
          focusAfterRender(noticeRef);
        }}
      />
      <div role="status">
        {notice ? (
          <p ref={noticeRef} className="form-notice" tabIndex={-1}>
            {notice}
          </p>
        ) : null}
      </div>
      {result.error ? <ErrorState title={t('users.error')} detail={result.error.message} onRetry={refresh} /> : null}
      <section className="card account-table">
        <DataTable
          caption={t('users.caption')}
          columns={columns}
          data={users}
          getRowId={(row) => row.id}
          initialSorting={[{ id: 'email', desc: false }]}
          loading={result.fetching}
          loadingLabel={t('users.loading')}
          emptyTitle={t('users.empty')}
          csvFileName="users"
        />
      </section>
    </article>
  );
}
