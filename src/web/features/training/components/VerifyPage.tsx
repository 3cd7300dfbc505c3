import { useEffect, useState, type FormEvent } from 'react';
import { useLocation } from 'wouter';
import { Loading, ReadyMark } from '../../../components/Loaded';
import { useI18n } from '../../../i18n/i18n';
import { formatDate, pageTitle } from '../../../lib/format';
import { useResource } from '../../../lib/use-resource';
import { verifyCertificate, verifyCertificateNumber } from '../api/certificates';
import { localized } from '../../../../shared/localized';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The public page a certificate's QR code opens — or its printed number, typed: is this
 * certificate real, and still valid? `/verify` alone asks for the number.
 */
export default function VerifyPage({ id }: { id?: string }) {
  const { t, locale } = useI18n();
  const asked = id ? decodeURIComponent(id) : null;
  const result = useResource(asked && `verify-${asked}`, (signal) =>
    UUID.test(asked!) ? verifyCertificate(asked!, signal) : verifyCertificateNumber(asked!, signal),
  );
  const number = result.data?.number;
  // The tab's title as the server's page has it (src/server/pages/verify.ts), also after moving here in the app.
  useEffect(() => {
    document.title = number ? pageTitle(`${t('verify.title')} ${number}`) : pageTitle(t('verify.title'));
  }, [number, t]);
  if (!asked) return <NumberForm />;
  if (result.error) {
    const mistyped = result.error.status === 400;
    return (
      <section className="panel narrow warning" aria-labelledby="verify-title">
        <h1 id="verify-title">{t('verify.title')}</h1>
        <p role="alert">{t(mistyped ? 'verify.mistyped' : 'verify.unknown')}</p>
        <NumberForm initial={UUID.test(asked) ? '' : asked} embedded />
        <ReadyMark />
      </section>
    );
  }
  const v = result.data;
  if (!v) return <Loading />;
  return (
    <section className={`panel narrow verify ${v.status}`} aria-labelledby="verify-title">
      <h1 id="verify-title">{t('verify.title')}</h1>
      <p className="verify-status" role="status">
        {t(v.status === 'valid' ? 'verify.valid' : 'verify.revoked')}
      </p>
      <dl>
        <dt>{t('verify.number')}</dt>
        <dd className="code">{v.number}</dd>
        <dt>{t('verify.participant')}</dt>
        <dd>{v.participantName}</dd>
        <dt>{t('verify.course')}</dt>
        <dd>
          {localized(v.course.title, locale)}
          {v.hours ? ` · ${t('verify.hours', { hours: v.hours })}` : ''}
        </dd>
        <dt>{t('verify.dates')}</dt>
        <dd>
          {formatDate(v.startsOn, locale)} – {formatDate(v.endsOn, locale)}
        </dd>
        <dt>{t('training.trainer')}</dt>
        <dd>{v.trainerName}</dd>
        <dt>{t('verify.issuer')}</dt>
        <dd>{v.issuer ? `${v.issuer} · ${v.programName}` : v.programName}</dd>
        <dt>{t('verify.issued')}</dt>
        <dd>{v.place ? `${v.place}, ${formatDate(v.issuedOn, locale)}` : formatDate(v.issuedOn, locale)}</dd>
        {v.signer ? (
          <>
            <dt>{t('verify.signer')}</dt>
            <dd>{v.signer.title ? `${v.signer.name}, ${v.signer.title}` : v.signer.name}</dd>
          </>
        ) : null}
      </dl>
      <ReadyMark />
    </section>
  );
}

/** Asks for a printed certificate number and opens its check. */
function NumberForm({ initial = '', embedded = false }: { initial?: string; embedded?: boolean }) {
  const { t } = useI18n();
  const [, navigate] = useLocation();
  const [number, setNumber] = useState(initial);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const typed = number.trim();
    if (typed) navigate(`~/verify/${encodeURIComponent(typed)}`);
  };
  const form = (
    <form onSubmit={submit} className="stack" aria-label={t('verify.byNumber')}>
      <label>
        <span>{t('verify.number')}</span>
        <input
          value={number}
          onChange={(e) => setNumber(e.target.value)}
          autoCapitalize="characters"
          autoComplete="off"
          spellCheck={false}
          inputMode="text"
          placeholder="7KQ2-M9XA-4TC"
          aria-describedby="number-hint"
        />
      </label>
      <p id="number-hint" className="muted small">
        {t('verify.numberHint')}
      </p>
      <button type="submit">{t('verify.check')}</button>
    </form>
  );
  if (embedded) return form;
  return (
    <section className="panel narrow" aria-labelledby="verify-title">
      <h1 id="verify-title">{t('verify.title')}</h1>
      {form}
    </section>
  );
}
