import { useState } from 'react';
import { useI18n } from '../../../i18n/i18n';

/** What the server accepts as evidence or a certificate document (see attachments.ts). */
const ACCEPT = 'application/pdf,image/jpeg,image/png';

/** Choose one PDF, JPEG or PNG, then send it; the caller does the upload and shows the result. */
export function AttachmentUpload({
  choose,
  send,
  onUpload,
}: {
  /** The file button's text, which also names the file input. */
  choose: string;
  /** The upload button's text. */
  send: string;
  onUpload: (file: File) => Promise<void>;
}) {
  const { t } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [input, setInput] = useState(0);
  const upload = async () => {
    if (!file) return;
    setBusy(true);
    try {
      await onUpload(file);
      setFile(null);
      setInput((n) => n + 1);
    } catch {
      // the toast has shown why; the chosen file stays for another try
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="attachment">
      <label className="button file-button">
        {choose}
        <input
          key={input}
          type="file"
          className="visually-hidden"
          accept={ACCEPT}
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
      </label>
      {file ? <span className="small">{file.name}</span> : <span className="muted small">{t('attach.types')}</span>}
      <button type="button" onClick={() => void upload()} disabled={!file || busy}>
        {send}
      </button>
    </div>
  );
}

/** A link to an uploaded file, with its kind and size. */
export function AttachmentLink({
  url,
  contentType,
  byteSize,
  label,
}: {
  url: string;
  /** A certificate document's type and size may be unknown (null). */
  contentType: string | null;
  byteSize: number | null;
  label: string;
}) {
  const kind =
    contentType === null
      ? null
      : contentType === 'application/pdf'
        ? 'PDF'
        : contentType.replace('image/', '').toUpperCase();
  const size =
    byteSize === null
      ? null
      : byteSize < 1024 * 1024
        ? `${Math.max(1, Math.round(byteSize / 1024))} KB`
        : `${(byteSize / 1048576).toFixed(1)} MB`;
  const details = [kind, size].filter((x) => x !== null).join(', ');
  return (
    <a href={url} target="_blank" rel="noreferrer">
      {label}
      {details ? ` (${details})` : ''}
    </a>
  );
}
