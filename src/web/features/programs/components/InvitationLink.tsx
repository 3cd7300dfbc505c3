import { useEffect, useState } from 'react';
import type { InvitationAnswer } from '../../../../shared/schemas/programs';
import { useI18n } from '../../../i18n/i18n';
import { formatDate } from '../../../lib/format';

/**
 * The WhatsApp message, in Indonesian whatever the inviter's screen language: it is read by the
 * person invited, most of whom read Indonesian.
 */
const waText = (name: string, link: string, until: string) =>
  `Halo ${name}, Anda diundang bergabung di OVOP. Buka tautan ini untuk membuat kata sandi Anda ` +
  `(berlaku sampai ${until}, hanya sekali pakai): ${link}`;

/** The link to hand over: copy it, show it as a QR code to scan, or send it by WhatsApp. */
export function InvitationLink({
  answer,
  name,
  phone,
}: {
  answer: InvitationAnswer;
  name: string;
  phone: string | undefined;
}) {
  const { t, locale } = useI18n();
  const [qr, setQr] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const link = answer.invitation ? `${window.location.origin}${answer.invitation.path}` : null;
  useEffect(() => {
    if (!link) return;
    let live = true;
    void import('qrcode').then((QRCode) =>
      QRCode.toDataURL(link, { margin: 1, width: 240 }).then((url) => live && setQr(url)),
    );
    return () => {
      live = false;
    };
  }, [link]);
  if (!answer.invitation || !link) {
    return (
      <p role="status" className="notice">
        {t('invite.existing')}
      </p>
    );
  }
  const until = formatDate(answer.invitation.expiresAt, 'id');
  const digits = phone?.replace(/\D/g, '').replace(/^0/, '62') ?? '';
  const wa = `https://wa.me/${digits}?text=${encodeURIComponent(waText(name, link, until))}`;
  return (
    <section className="panel" aria-labelledby="invitation-title" role="status">
      <h3 id="invitation-title">{t('invite.linkTitle')}</h3>
      <p className="small">{t('invite.linkHint', { date: formatDate(answer.invitation.expiresAt, locale) })}</p>
      <input readOnly value={link} aria-label={t('invite.link')} onFocus={(e) => e.currentTarget.select()} />
      <div className="inline">
        <button
          type="button"
          onClick={() =>
            void navigator.clipboard.writeText(link).then(
              () => setCopied(true),
              () => undefined,
            )
          }
        >
          {copied ? t('invite.copied') : t('invite.copy')}
        </button>
        <a className="button" href={wa} target="_blank" rel="noopener noreferrer">
          {t('invite.whatsapp')}
        </a>
      </div>
      {qr ? <img src={qr} alt={t('invite.qr')} width={240} height={240} /> : null}
    </section>
  );
}
