import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useMutation } from 'urql';
import { formatMomentFrom, formatRelative } from '../../components/format/timestamp';
import { useT } from '../../i18n/language-provider';
import type { Translate } from '../../i18n/translate';
import { graphql, readFragment } from '../../lib/graphql';
import { type SessionUser, SessionUserFields } from '../../lib/session';
import { FormField } from '../settings/form-field';

/** Signs in; the answer sets the session cookie and says who signed in, or why not. */
export const SignInForm_SignIn = graphql(
  `
    mutation SignInForm_SignIn($email: String!, $password: String!) {
      signIn(email: $email, password: $password) {
        __typename
        ... on MutationSignInSuccess {
          data {
            ...SessionUserFields
          }
        }
        ... on SignInError {
          message
          lockedUntil
        }
      }
    }
  `,
  [SessionUserFields],
);

/** Which fields a problem is about: both for refused credentials (the API does not say which). */
type ProblemFields = 'email' | 'password' | 'both';

interface Problem {
  text: string;
  fields: ProblemFields;
}

/**
 * The message of a refused sign-in, in the language shown. The API does not say whether the email
 * exists; when failures in a row locked sign-in, it says until when, which is written for people:
 * "until 4:05 PM (in 15 minutes)".
 */
export function signInErrorText(
  error: { message: string; lockedUntil: string | null },
  t: Translate,
  now: Date = new Date(),
): string {
  if (error.lockedUntil) {
    return t('signIn.locked', {
      time: formatMomentFrom(error.lockedUntil, now),
      relative: formatRelative(error.lockedUntil, now),
    });
  }
  return t('signIn.wrong');
}

interface SignInFormProps {
  /** Called with the user once the API accepted the email and password. */
  onSignedIn: (user: SessionUser) => void;
}

/**
 * Email and password, submitted with Enter or the button. The email field has the focus on
 * arrival; after a refusal the password is cleared and focused, and the reason is announced.
 */
export function SignInForm({ onSignedIn }: SignInFormProps) {
  const t = useT();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const [{ fetching }, signIn] = useMutation(SignInForm_SignIn);
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const problemId = useId();

  useEffect(() => {
    emailRef.current?.focus();
  }, []);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (fetching) return;
    const typedEmail = email.trim();
    if (!typedEmail || !password) {
      setProblem({ text: t('signIn.missing'), fields: typedEmail ? 'password' : 'email' });
      (typedEmail ? passwordRef : emailRef).current?.focus();
      return;
    }
    const result = await signIn({ email: typedEmail, password });
    const answer = result.data?.signIn;
    if (answer?.__typename === 'MutationSignInSuccess') {
      onSignedIn(readFragment(SessionUserFields, answer.data));
      return;
    }
    const text =
      answer?.__typename === 'SignInError'
        ? signInErrorText(answer, t)
        : t('signIn.failed', { message: result.error?.message ?? t('signIn.noAnswer') });
    setProblem({ text, fields: 'both' });
    setPassword('');
    passwordRef.current?.focus();
  }

  const errorFor = (field: 'email' | 'password') =>
    problem && (problem.fields === 'both' || problem.fields === field) ? problem.text : undefined;
  // The message shows once, above the fields (and is announced); the fields point to it.
  return (
    <form className="sign-in-form" onSubmit={submit} noValidate aria-busy={fetching}>
      {/* Always there, so that a message put in it is announced. */}
      <div role="alert" id={problemId}>
        {problem ? <p className="form-notice form-notice--error">{problem.text}</p> : null}
      </div>
      <FormField label={t('signIn.email')}>
        {(control) => (
          <input
            {...control}
            aria-describedby={errorFor('email') ? problemId : undefined}
            ref={emailRef}
            className="form-control"
            type="email"
            name="email"
            autoComplete="username"
            inputMode="email"
            spellCheck={false}
            value={email}
            onChange={(event) => setEmail(event.currentTarget.value)}
            aria-invalid={errorFor('email') ? true : undefined}
          />
        )}
      </FormField>
      <FormField label={t('signIn.password')}>
        {(control) => (
          <input
            {...control}
            aria-describedby={errorFor('password') ? problemId : undefined}
            ref={passwordRef}
            className="form-control"
            type="password"
            name="password"
            autoComplete="current-password"
            value={password}
            onChange={(event) => setPassword(event.currentTarget.value)}
            aria-invalid={errorFor('password') ? true : undefined}
          />
        )}
      </FormField>
      <div className="form-actions">
        <button type="submit" className="button sign-in-form__submit" disabled={fetching}>
          {fetching ? t('signIn.submitting') : t('signIn.submit')}
        </button>
      </div>
    </form>
  );
}
