import { useConfirm } from '../../../components/ConfirmDialog';
import { useState, type FormEvent } from 'react';
import {
  CERTIFICATION_KINDS,
  createCertificationBody,
  patchCertificationBody,
  type CertificationAnswer,
  type CertificationKind,
} from '../../../../shared/schemas/quality';
import { EnumSelect } from '../../../components/EnumSelect';
import { ConflictNotice, Field, orNull, useFormState } from '../../../components/form';
import { useUnsavedValues } from '../../../components/use-unsaved-guard';
import { useDraft } from '../../../components/use-draft';
import { useI18n } from '../../../i18n/i18n';
import { formatDate } from '../../../lib/format';
import { useResource } from '../../../lib/use-resource';
import {
  createCertification,
  deleteCertification,
  expiryState,
  listCertifications,
  patchCertification,
  uploadCertificationDocument,
} from '../api/certifications';
import { AttachmentLink, AttachmentUpload } from './AttachmentUpload';

const draftOf = (c: CertificationAnswer | null) => ({
  kind: (c?.kind ?? 'pirt') as CertificationKind,
  number: c?.number ?? '',
  issuer: c?.issuer ?? '',
  issuedOn: c?.issuedOn ?? '',
  expiresOn: c?.expiresOn ?? '',
});

function CertificationForm({
  holder,
  certification,
  onSaved,
  onCancel,
}: {
  holder: { productId?: string; groupId?: string };
  certification: CertificationAnswer | null;
  onSaved: () => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const { draft: fields, set, patch, base, reset } = useDraft(certification, draftOf);
  const form = useFormState<CertificationAnswer>();
  const { markClean, confirmLeave } = useUnsavedValues(fields);
  const prefix = base ? `cert-${base.id}` : 'cert-new';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const common = {
      number: fields.number.trim(),
      issuer: fields.issuer.trim(),
      issuedOn: fields.issuedOn,
      expiresOn: orNull(fields.expiresOn),
    };
    if (base) {
      const body = { version: base.version, ...common };
      await form.submit(patchCertificationBody, body, async () => {
        await patchCertification(base.id, body);
        markClean();
        onSaved();
      });
    } else {
      const body = { id: crypto.randomUUID(), ...holder, kind: fields.kind, ...common };
      await form.submit(createCertificationBody, body, async () => {
        await createCertification(body);
        markClean();
        onSaved();
      });
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label={t('certs.form')}>
      {form.conflict ? (
        <ConflictNotice
          version={form.conflict.version}
          onReload={() => {
            reset(form.conflict);
            markClean();
            form.clearConflict();
          }}
        />
      ) : null}
      <Field label={t('certs.kind')} name={`${prefix}-kind`} error={form.errors.kind}>
        {(p) => (
          <EnumSelect
            {...p}
            values={CERTIFICATION_KINDS}
            value={fields.kind}
            messages="certKind"
            onChange={(kind) => patch({ kind })}
            disabled={base !== null}
          />
        )}
      </Field>
      <Field label={t('certs.number')} name={`${prefix}-number`} error={form.errors.number}>
        {(p) => <input {...p} value={fields.number} onChange={set('number')} />}
      </Field>
      <Field label={t('certs.issuer')} name={`${prefix}-issuer`} error={form.errors.issuer}>
        {(p) => <input {...p} value={fields.issuer} onChange={set('issuer')} />}
      </Field>
      <Field label={t('certs.issuedOn')} name={`${prefix}-issuedOn`} error={form.errors.issuedOn}>
        {(p) => <input {...p} type="date" value={fields.issuedOn} onChange={set('issuedOn')} />}
      </Field>
      <Field
        label={t('certs.expiresOn')}
        name={`${prefix}-expiresOn`}
        error={form.errors.expiresOn}
        hint={t('certs.expiresHint')}
      >
        {(p) => <input {...p} type="date" value={fields.expiresOn} onChange={set('expiresOn')} />}
      </Field>
      {form.errors.productId ? (
        <p className="error" role="alert">
          {form.errors.productId}
        </p>
      ) : null}
      <div className="inline">
        <button type="submit" disabled={form.busy}>
          {base ? t('action.save') : t('certs.add')}
        </button>
        <button type="button" className="link" onClick={() => confirmLeave() && onCancel()}>
          {t('action.cancel')}
        </button>
      </div>
    </form>
  );
}

function ExpiryNote({ expiresOn }: { expiresOn: string | null }) {
  const { t, locale } = useI18n();
  if (expiresOn === null) return <span className="muted small">{t('certs.noExpiry')}</span>;
  const state = expiryState(expiresOn);
  const date = formatDate(expiresOn, locale);
  if (state === 'ok') return <span className="muted small">{t('certs.validUntil', { date })}</span>;
  return (
    <strong className={state === 'expired' ? 'error small' : 'small'} data-testid="cert-expiry">
      {t(`certs.${state}`, { date })}
    </strong>
  );
}

/** The scanned certificate: a link to it, and a way to send one (replacing the one before). */
function CertificateDocument({
  certification,
  onUploaded,
}: {
  certification: CertificationAnswer;
  onUploaded: () => void;
}) {
  const { t } = useI18n();
  const { document } = certification;
  return (
    <>
      {document ? (
        <span className="small" data-testid="cert-document">
          <AttachmentLink {...document} label={t('certs.document')} />
        </span>
      ) : (
        <span className="muted small">{t('certs.noDocument')}</span>
      )}
      {certification.abilities.attachDocument ? (
        <details className="evidence">
          <summary>{document ? t('certs.replaceDocument') : t('certs.addDocument')}</summary>
          <AttachmentUpload
            choose={t('certs.chooseDocument', { number: certification.number })}
            send={t('certs.uploadDocument')}
            onUpload={async (file) => {
              await uploadCertificationDocument(certification.id, file);
              onUploaded();
            }}
          />
        </details>
      ) : null}
    </>
  );
}

/**
 * The certificates of a product (and of its whole group), with expiry warnings; add, and edit or
 * delete where the certificate's abilities allow. The list offers no ability for adding, so the
 * button shows to everyone who sees the list and the server's answer speaks for it.
 */
export function CertificationsSection({
  productId,
  groupId,
  onChanged,
}: {
  productId?: string;
  groupId: string;
  onChanged?: () => void;
}) {
  const { t, locale } = useI18n();
  const [tick, setTick] = useState(0);
  const [editing, setEditing] = useState<string | null>(null);
  const key = `certs-${productId ?? ''}-${groupId}-${tick}`;
  const own = useResource(key, (signal) =>
    listCertifications(productId ? { productId } : { groupId }, undefined, signal),
  );
  const group = useResource(productId ? `group-${key}` : null, (signal) =>
    listCertifications({ groupId }, undefined, signal),
  );
  const items = [
    ...(own.data?.items ?? []),
    ...(group.data?.items.filter((c) => c.productId === null && !own.data?.items.some((o) => o.id === c.id)) ?? []),
  ];
  const changed = () => {
    setEditing(null);
    setTick((n) => n + 1);
    onChanged?.();
  };
  const { ask, dialog } = useConfirm();
  const remove = async (c: CertificationAnswer) => {
    const sure = await ask({
      title: t('certs.delete', { number: c.number }),
      body: t('certs.confirmDelete', { number: c.number }),
      confirm: t('action.delete'),
    });
    if (!sure) return;
    await deleteCertification(c.id);
    changed();
  };
  const holder = productId ? { productId } : { groupId };
  return (
    <section className="panel" aria-labelledby="certs-title">
      <h2 id="certs-title">{t('certs.title')}</h2>
      {dialog}
      {own.error || group.error ? <p role="alert">{t('error.load')}</p> : null}
      {own.data && items.length === 0 ? <p className="muted">{t('certs.none')}</p> : null}
      <ul className="rows" aria-label={t('certs.title')}>
        {items.map((c) => (
          <li key={c.id} className="row-static">
            {editing === c.id ? (
              <CertificationForm
                holder={holder}
                certification={c}
                onSaved={changed}
                onCancel={() => setEditing(null)}
              />
            ) : (
              <>
                <span>
                  <strong>{t(`certKind.${c.kind}`)}</strong> · {c.number}
                  {c.productId === null && productId ? (
                    <span className="muted small"> · {t('certs.wholeGroup')}</span>
                  ) : null}
                </span>
                <span className="muted small">
                  {c.issuer} · {t('certs.issued', { date: formatDate(c.issuedOn, locale) })}
                </span>
                <ExpiryNote expiresOn={c.expiresOn} />
                <CertificateDocument certification={c} onUploaded={changed} />
                {c.abilities.update || c.abilities.delete ? (
                  <span className="inline">
                    {c.abilities.update ? (
                      <button
                        type="button"
                        onClick={() => setEditing(c.id)}
                        aria-label={t('certs.edit', { number: c.number })}
                      >
                        {t('action.edit')}
                      </button>
                    ) : null}
                    {c.abilities.delete ? (
                      <button
                        type="button"
                        className="link"
                        onClick={() => void remove(c)}
                        aria-label={t('certs.delete', { number: c.number })}
                      >
                        {t('action.delete')}
                      </button>
                    ) : null}
                  </span>
                ) : null}
              </>
            )}
          </li>
        ))}
      </ul>
      {editing === 'new' ? (
        <CertificationForm holder={holder} certification={null} onSaved={changed} onCancel={() => setEditing(null)} />
      ) : (
        <button type="button" onClick={() => setEditing('new')}>
          {t('certs.add')}
        </button>
      )}
    </section>
  );
}
