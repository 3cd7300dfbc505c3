import { useState, type FormEvent } from 'react';
import { useLocation } from 'wouter';
import { acceptInvitationBody } from '../../../../shared/schemas/platform';
import { Field, useFormState } from '../../../components/form';
import { useI18n } from '../../../i18n/i18n';
import { ApiError } from '../../../lib/http';
import { acceptInvitation, signIn } from '../api/session';

/**
 * Where an invitation link leads: the person sets their password and is signed in. The link's
 * secret is in the fragment (`/invitation#…`), which the browser never sends to a server.
 */
export default function InvitationPage() {
  const { t } = useI18n();
  const [, navigate] = useLocation();
  const token = window.location.hash.slice(1);
  const [password, setPassword] = useState('');
  const [gone, setGone] = useState(false);
  const form = useFormState();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = { token, password };
    const ok = await form.submit(acceptInvitationBody, body, async () => {
      try {
        const { login } = await acceptInvitation(body);
        await signIn(login.includes('@') ? { email: login, password } : { phone: login, password });
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) setGone(true);
        throw error;
      }
    });
    if (ok) navigate('~/app');
  };
  return (
    <section className="panel narrow">
      <h1 id="invitation-title">{t('invitation.title')}</h1>
      {gone || !token ? (
        <p className="error" role="alert">
          {t('invitation.gone')}
        </p>
      ) : (
        <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="invitation-title">
          <p>{t('invitation.intro')}</p>
          <Field label={t('invitation.password')} name="invitation-password" error={form.errors.password}>
            {(p) => (
              <input
                {...p}
                type="password"
                autoComplete="new-password"
                value={password}
                onChange={(e) => setPassword(e.target.value)}
              />
            )}
          </Field>
          <button type="submit" disabled={form.busy}>
            {t('invitation.submit')}
          </button>
        </form>
      )}
    </section>
  );
}
