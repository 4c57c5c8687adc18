import { type FormEvent, useId, useRef, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { useFocusAfterRender } from '../../components/focus/use-focus-after-render';
import { useT } from '../../i18n/language-provider';
import { readFragment } from '../../lib/graphql';
import { FormField, ProblemSummary, problemsByField } from '../settings/form-field';
import { USER_ROLES, UserFields, type UserRow, UsersPage_CreateUser, UsersPage_Regions } from './user-documents';

const FIELDS = ['name', 'email', 'role', 'regionCode', 'password'] as const;
type Field = (typeof FIELDS)[number];
type Role = (typeof USER_ROLES)[number];

const EMPTY = { name: '', email: '', role: '', regionCode: '', password: '' } satisfies Record<Field, string>;

interface CreateUserFormProps {
  onCreated: (user: UserRow) => void;
}

/**
 * A new account: name, email, role, region (REGIONAL users only) and a first password. The API
 * validates it; each of its problems shows by its field and in a summary that takes the focus.
 */
export function CreateUserForm({ onCreated }: CreateUserFormProps) {
  const t = useT();
  const titleId = useId();
  const [values, setValues] = useState<Record<Field, string>>(EMPTY);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [summary, setSummary] = useState<string[]>([]);
  const [{ fetching }, createUser] = useMutation(UsersPage_CreateUser);
  const [regions] = useQuery({ query: UsersPage_Regions });
  const summaryRef = useRef<HTMLDivElement>(null);
  const focusAfterRender = useFocusAfterRender();
  const labels: Record<Field, string> = {
    name: t('users.name'),
    email: t('users.email'),
    role: t('users.role'),
    regionCode: t('users.region'),
    password: t('users.password'),
  };
  const set = (field: Field) => (event: { currentTarget: { value: string } }) => {
    const { value } = event.currentTarget;
    setValues((current) => ({ ...current, [field]: value }));
  };

  function refuse(byField: Partial<Record<Field, string>>, others: string[]) {
    setErrors(byField);
    setSummary([
      ...FIELDS.flatMap((field) => (byField[field] ? [`${labels[field]}: ${byField[field]}`] : [])),
      ...others,
    ]);
    focusAfterRender(summaryRef);
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (fetching) return;
    const role = USER_ROLES.find((each) => each === values.role);
    if (!role) {
      refuse({ role: t('users.chooseRoleError') }, []);
      return;
    }
    const result = await createUser({
      name: values.name,
      email: values.email,
      role: role satisfies Role,
      regionCode: values.regionCode || null,
      password: values.password,
    });
    const answer = result.data?.createUser;
    if (answer?.__typename === 'MutationCreateUserSuccess') {
      setValues(EMPTY);
      setErrors({});
      setSummary([]);
      onCreated(readFragment(UserFields, answer.data));
      return;
    }
    if (answer?.__typename === 'InvalidInputError') {
      const { byField, others } = problemsByField(answer.problems, FIELDS);
      refuse(byField, others.length || Object.keys(byField).length ? others : [answer.message]);
      return;
    }
    refuse({}, [t('users.createFailed', { message: result.error?.message ?? '' })]);
  }

  return (
    <section className="card card--padded settings-section" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('users.createTitle')}</h2>
      <form onSubmit={submit} noValidate aria-busy={fetching}>
        <ProblemSummary problems={summary} summaryRef={summaryRef} />
        <div className="form-grid">
          <FormField label={labels.name} error={errors.name}>
            {(control) => (
              <input
                {...control}
                className="form-control"
                name="name"
                autoComplete="off"
                value={values.name}
                onChange={set('name')}
              />
            )}
          </FormField>
          <FormField label={labels.email} error={errors.email}>
            {(control) => (
              <input
                {...control}
                className="form-control"
                type="email"
                name="email"
                autoComplete="off"
                spellCheck={false}
                value={values.email}
                onChange={set('email')}
              />
            )}
          </FormField>
          <FormField label={labels.role} error={errors.role}>
            {(control) => (
              <select {...control} className="form-control" name="role" value={values.role} onChange={set('role')}>
                <option value="">{t('users.chooseRole')}</option>
                {USER_ROLES.map((role) => (
                  <option key={role} value={role}>
                    {t(`role.${role}`)}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          <FormField label={labels.regionCode} hint={t('users.regionHint')} error={errors.regionCode}>
            {(control) => (
              <select
                {...control}
                className="form-control"
                name="regionCode"
                value={values.regionCode}
                onChange={set('regionCode')}
              >
                <option value="">{t('users.noRegion')}</option>
                {(regions.data?.regions ?? []).map((region) => (
                  <option key={region.code} value={region.code}>
                    {region.code} · {region.name}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          <FormField label={labels.password} hint={t('users.passwordHint')} error={errors.password}>
            {(control) => (
              <input
                {...control}
                className="form-control"
                type="password"
                name="password"
                autoComplete="new-password"
                value={values.password}
                onChange={set('password')}
              />
            )}
          </FormField>
        </div>
        <div className="form-actions">
          <button type="submit" className="button" disabled={fetching}>
            {fetching ? t('users.creating') : t('users.create')}
          </button>
        </div>
      </form>
    </section>
  );
}
