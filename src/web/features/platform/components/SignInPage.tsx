import { useI18n } from '../../../i18n/i18n';
import { SignInForm } from './SignInForm';

export function SignInPage({ onSignedIn }: { onSignedIn: () => void }) {
  const { t } = useI18n();
  return (
    <section className="panel narrow">
      <h1>{t('signIn.title')}</h1>
      <SignInForm onSignedIn={onSignedIn} />
    </section>
  );
}
