import { Loaded } from '../../../components/Loaded';
import { useI18n } from '../../../i18n/i18n';
import { formatDate } from '../../../lib/format';
import { useResource } from '../../../lib/use-resource';
import { verifyCertificate } from '../api/certificates';
import { localized } from '../../../../shared/localized';

/** The public page a certificate's QR code opens: is this certificate real, and still valid? */
export default function VerifyPage({ id }: { id: string }) {
  const { t, locale } = useI18n();
  const result = useResource(`verify-${id}`, (signal) => verifyCertificate(id, signal));
  return (
    <Loaded
      resource={result}
      notFound={
        <section className="panel narrow warning" role="alert">
          <h1>{t('verify.title')}</h1>
          <p>{t('verify.unknown')}</p>
        </section>
      }
    >
      {(v) => (
        <section className={`panel narrow verify ${v.status}`} aria-labelledby="verify-title">
          <h1 id="verify-title">{t('verify.title')}</h1>
          <p className="verify-status" role="status">
            {t(v.status === 'valid' ? 'verify.valid' : 'verify.revoked')}
          </p>
          <dl>
            <dt>{t('verify.participant')}</dt>
            <dd>{v.participantName}</dd>
            <dt>{t('verify.course')}</dt>
            <dd>{localized(v.course.title, locale)}</dd>
            <dt>{t('verify.dates')}</dt>
            <dd>
              {formatDate(v.startsOn, locale)} – {formatDate(v.endsOn, locale)}
            </dd>
            <dt>{t('training.trainer')}</dt>
            <dd>{v.trainerName}</dd>
            <dt>{t('verify.program')}</dt>
            <dd>{v.programName}</dd>
            <dt>{t('verify.code')}</dt>
            <dd>{v.verificationCode}</dd>
          </dl>
        </section>
      )}
    </Loaded>
  );
}
