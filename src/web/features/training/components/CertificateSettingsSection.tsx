import { useEffect, useState, type FormEvent } from 'react';
import { ConflictNotice, Field, orNull, problemErrors, useFormState, type Errors } from '../../../components/form';
import { useI18n } from '../../../i18n/i18n';
import { ApiError } from '../../../lib/http';
import { useResource } from '../../../lib/use-resource';
import { certificateSettingsBody, type CertificateSettingsAnswer } from '../../../../shared/schemas/training';
import {
  getCertificateSettings,
  saveCertificateSettings,
  signatureUrl,
  uploadSignature,
} from '../api/certificate-settings';

/**
 * Who issues and signs the program's training certificates: the organisation, the signing officer
 * and their signature image. Set by the program manager, seen by those who teach; certificates
 * issued later print them (issued ones keep theirs).
 */
export function CertificateSettingsSection({ programId }: { programId: string }) {
  const { t } = useI18n();
  const settings = useResource(`certificate-settings-${programId}`, (signal) =>
    getCertificateSettings(programId, signal),
  );
  const s = settings.data;
  if (!s) return null;
  return (
    <section aria-labelledby="certificate-settings-title" className="panel">
      <h2 id="certificate-settings-title">{t('certificateSettings.title')}</h2>
      <p className="muted small">{t('certificateSettings.intro')}</p>
      {s.abilities.setCertificateSettings ? (
        <SettingsForm programId={programId} settings={s} onSaved={settings.reload} />
      ) : (
        <dl>
          <dt>{t('certificateSettings.issuer')}</dt>
          <dd>{s.issuer ?? '—'}</dd>
          <dt>{t('certificateSettings.signerName')}</dt>
          <dd>{s.signerName ? `${s.signerName}${s.signerTitle ? `, ${s.signerTitle}` : ''}` : '—'}</dd>
        </dl>
      )}
    </section>
  );
}

function SettingsForm({
  programId,
  settings,
  onSaved,
}: {
  programId: string;
  settings: CertificateSettingsAnswer;
  onSaved: () => void;
}) {
  const { t } = useI18n();
  const form = useFormState<CertificateSettingsAnswer>();
  const [draft, setDraft] = useState({
    issuer: settings.issuer ?? '',
    signerName: settings.signerName ?? '',
    signerTitle: settings.signerTitle ?? '',
  });
  const [saved, setSaved] = useState(false);
  const [uploadErrors, setUploadErrors] = useState<Errors>({});
  const [uploading, setUploading] = useState(false);
  useEffect(() => setSaved(false), [draft]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const body = {
      ...(settings.version ? { version: settings.version } : {}),
      issuer: orNull(draft.issuer),
      signerName: orNull(draft.signerName),
      signerTitle: orNull(draft.signerTitle),
    };
    if (
      await form.submit(certificateSettingsBody, body, () => saveCertificateSettings(programId, body).then(() => {}))
    ) {
      setSaved(true);
      onSaved();
    }
  };
  const upload = async (file: File | undefined) => {
    if (!file) return;
    setUploading(true);
    setUploadErrors({});
    try {
      await uploadSignature(programId, file);
      onSaved();
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      setUploadErrors(problemErrors(error, t));
    } finally {
      setUploading(false);
    }
  };
  const field = (name: keyof typeof draft, label: string, hint?: string) => (
    <Field label={label} name={`cert-${name}`} error={form.errors[name]} {...(hint ? { hint } : {})}>
      {(props) => (
        <input {...props} value={draft[name]} onChange={(e) => setDraft({ ...draft, [name]: e.target.value })} />
      )}
    </Field>
  );
  return (
    <>
      <form onSubmit={(e) => void submit(e)} noValidate className="stack">
        {form.conflict ? <ConflictNotice version={form.conflict.version} onReload={onSaved} /> : null}
        {field('issuer', t('certificateSettings.issuer'), t('certificateSettings.issuerHint'))}
        {field('signerName', t('certificateSettings.signerName'))}
        {field('signerTitle', t('certificateSettings.signerTitle'))}
        <button type="submit" disabled={form.busy}>
          {t('certificateSettings.save')}
        </button>
        {saved ? (
          <p role="status" className="muted small">
            {t('certificateSettings.saved')}
          </p>
        ) : null}
      </form>
      <div className="stack">
        {settings.hasSignature ? (
          <img
            className="signature-preview"
            src={signatureUrl(programId, settings.version)}
            alt={t('certificateSettings.signatureAlt', { name: settings.signerName ?? '' })}
          />
        ) : (
          <p className="muted small">{t('certificateSettings.noSignature')}</p>
        )}
        <Field
          label={t(settings.hasSignature ? 'certificateSettings.replaceSignature' : 'certificateSettings.signature')}
          name="cert-signature"
          error={uploadErrors.signature}
          hint={t('certificateSettings.signatureHint')}
        >
          {(props) => (
            <input
              {...props}
              type="file"
              accept="image/jpeg,image/png,image/webp"
              disabled={uploading}
              onChange={(e) => void upload(e.target.files?.[0])}
            />
          )}
        </Field>
      </div>
    </>
  );
}
