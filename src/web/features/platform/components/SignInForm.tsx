import { useState, type FormEvent } from 'react';
import { looksLikePhone } from '../../../../shared/phone';
import { signInBody } from '../../../../shared/schemas/platform';
import { Field, useFormState } from '../../../components/form';
import { useI18n } from '../../../i18n/i18n';
import { ApiError } from '../../../lib/http';
import { problemText } from '../../../lib/problem-text';
import { signIn } from '../api/session';

interface SignInFormProps {
  onSignedIn: () => void;
  /** The form's accessible name, where the page around it has no heading that names it. */
  label?: string;
  /** Keeps the fields' ids apart from another form's on the same page (`buyer-signin` → `f-buyer-signin-email`). */
  idPrefix?: string;
}

/**
 * Email or phone number, and password, checked with the server's own schema; a refused sign-in is
 * said above the button. What has no `@` is sent as a phone number (`0812…` is read as `+62812…`).
 */
export function SignInForm({ onSignedIn, label, idPrefix }: SignInFormProps) {
  const { t } = useI18n();
  const [fields, setFields] = useState({ email: '', password: '' });
  const [failure, setFailure] = useState<string | null>(null);
  const form = useFormState();
  const name = (field: string) => (idPrefix ? `${idPrefix}-${field}` : field);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const login = fields.email.trim();
    const body = looksLikePhone(login)
      ? { phone: login, password: fields.password }
      : { email: login, password: fields.password };
    const ok = await form.submit(signInBody, body, async () => {
      try {
        await signIn(body);
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) setFailure(problemText(error.problem, t));
        throw error;
      }
    });
    if (ok) onSignedIn();
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label={label}>
      <Field label={t('signIn.email')} name={name('email')} error={form.errors.email ?? form.errors.phone}>
        {(p) => (
          <input
            {...p}
            type="text"
            inputMode="email"
            autoComplete="username"
            value={fields.email}
            onChange={(e) => setFields({ ...fields, email: e.target.value })}
          />
        )}
      </Field>
      <Field label={t('signIn.password')} name={name('password')} error={form.errors.password}>
        {(p) => (
          <input
            {...p}
            type="password"
            autoComplete="current-password"
            value={fields.password}
            onChange={(e) => setFields({ ...fields, password: e.target.value })}
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
  );
}
