import { useState, type FormEvent } from 'react';
import { signInBody } from '../../../../shared/schemas/platform';
import { Field, useFormState } from '../../../components/form';
import { useI18n } from '../../../i18n/i18n';
import { ApiError } from '../../../lib/http';
import { signIn } from '../api/session';

export function SignInPage({ onSignedIn }: { onSignedIn: () => void }) {
  const { t } = useI18n();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const form = useFormState();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const body = { email, password };
    const ok = await form.submit(signInBody, body, async () => {
      try {
        await signIn(body);
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) setFailure(error.problem.detail ?? error.problem.title);
        throw error;
      }
    });
    if (ok) onSignedIn();
  };
  return (
    <section className="panel narrow">
      <h1>{t('signIn.title')}</h1>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Field label={t('signIn.email')} name="email" error={form.errors.email}>
          {(p) => (
            <input
              {...p}
              type="email"
              autoComplete="username"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
            />
          )}
        </Field>
        <Field label={t('signIn.password')} name="password" error={form.errors.password}>
          {(p) => (
            <input
              {...p}
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          )}
        </Field>
        {failure ? (
          <p className="error" role="alert">
            {failure}
          </p>
        ) : null}
        <button type="submit" disabled={form.busy}>
          {t('signIn.submit')}
        </button>
      </form>
    </section>
  );
}
