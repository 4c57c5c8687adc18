import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useMutation } from 'urql';
import { useFocusAfterRender } from '../../components/focus/use-focus-after-render';
import { isoDay } from '../../components/format/timestamp';
import { useT } from '../../i18n/language-provider';
import { readFragment } from '../../lib/graphql';
import { FormField, ProblemSummary, problemsByField } from './form-field';
import { TokenFields, type TokenRow, TokensPage_CreateToken } from './token-documents';

/** A token just created: the secret, shown this once, and the stored token. */
export interface NewToken {
  token: string;
  apiToken: TokenRow;
}

const FIELDS = ['name', 'expiresAt'] as const;
type Field = (typeof FIELDS)[number];

interface CreateTokenFormProps {
  onCreated: (created: NewToken) => void;
  /** Takes the focus when it shows (after the secret of the previous token was dismissed). */
  autoFocus?: boolean;
}

/** Name and optional last day of a new token; the API's refusals show by their fields. */
export function CreateTokenForm({ onCreated, autoFocus = false }: CreateTokenFormProps) {
  const t = useT();
  const titleId = useId();
  const [name, setName] = useState('');
  const [expiresAt, setExpiresAt] = useState('');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [summary, setSummary] = useState<string[]>([]);
  const [{ fetching }, createToken] = useMutation(TokensPage_CreateToken);
  const summaryRef = useRef<HTMLDivElement>(null);
  const focusAfterRender = useFocusAfterRender();
  const nameRef = useRef<HTMLInputElement>(null);
  const labels: Record<Field, string> = { name: t('tokens.name'), expiresAt: t('tokens.expiresAt') };

  function refuse(byField: Partial<Record<Field, string>>, others: string[]) {
    setErrors(byField);
    setSummary([
      ...FIELDS.flatMap((field) => (byField[field] ? [`${labels[field]}: ${byField[field]}`] : [])),
      ...others,
    ]);
    focusAfterRender(summaryRef);
  }

  useEffect(() => {
    if (autoFocus) nameRef.current?.focus();
  }, [autoFocus]);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (fetching) return;
    if (!name.trim()) {
      refuse({ name: t('accountForm.required') }, []);
      return;
    }
    const result = await createToken({ name: name.trim(), expiresAt: expiresAt || null });
    const answer = result.data?.createApiToken;
    if (answer?.__typename === 'MutationCreateApiTokenSuccess') {
      setName('');
      setExpiresAt('');
      setErrors({});
      setSummary([]);
      onCreated({ token: answer.data.token, apiToken: readFragment(TokenFields, answer.data.apiToken) });
      return;
    }
    if (answer?.__typename === 'InvalidInputError') {
      const { byField, others } = problemsByField(answer.problems, FIELDS);
      refuse(byField, others.length || Object.keys(byField).length ? others : [answer.message]);
      return;
    }
    refuse({}, [t('tokens.createFailed', { message: result.error?.message ?? '' })]);
  }

  return (
    <section className="card card--padded settings-section" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('tokens.createTitle')}</h2>
      <form onSubmit={submit} noValidate aria-busy={fetching}>
        <ProblemSummary problems={summary} summaryRef={summaryRef} />
        <div className="form-grid">
          <FormField label={labels.name} hint={t('tokens.nameHint')} error={errors.name}>
            {(control) => (
              <input
                {...control}
                ref={nameRef}
                className="form-control"
                name="name"
                autoComplete="off"
                maxLength={200}
                value={name}
                onChange={(event) => setName(event.currentTarget.value)}
              />
            )}
          </FormField>
          <FormField label={labels.expiresAt} hint={t('tokens.expiresHint')} error={errors.expiresAt}>
            {(control) => (
              <input
                {...control}
                className="form-control"
                type="date"
                name="expiresAt"
                min={isoDay(new Date())}
                value={expiresAt}
                onChange={(event) => setExpiresAt(event.currentTarget.value)}
              />
            )}
          </FormField>
        </div>
        <div className="form-actions">
          <button type="submit" className="button" disabled={fetching}>
            {fetching ? t('tokens.creating') : t('tokens.create')}
          </button>
        </div>
      </form>
    </section>
  );
}
