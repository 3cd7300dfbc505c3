import { useEffect, useState } from 'react';
import { useI18n } from '../../../i18n/i18n';
import { ApiError } from '../../../lib/http';
import { PhotoTooLarge, shrinkPhoto } from '../../../lib/photo-resize';
import { uploadPhoto } from '../api/products';
import { PHOTO_MAX_BYTES, type PhotoAnswer } from '../../../../shared/schemas/registry';
import { SavedOnDevice } from '../../offline';

const MAX_MB = PHOTO_MAX_BYTES / 1024 / 1024;

/** The product's photos; choose one, see it, send it (multipart field "photo"), for those who may. */
export function PhotoUpload({
  productId,
  stored,
  mayAdd,
  onUploaded,
}: {
  productId: string;
  stored: PhotoAnswer[];
  mayAdd: boolean;
  onUploaded: () => void;
}) {
  const { t } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [queued, setQueued] = useState(false);
  // Stays until another photo is chosen: a refusal the user must read, never a passing toast.
  const [problem, setProblem] = useState<string | null>(null);
  const [photos, setPhotos] = useState(stored);
  useEffect(() => setPhotos(stored), [stored]);
  useEffect(() => {
    if (!file) return;
    const url = URL.createObjectURL(file);
    setPreview(url);
    return () => URL.revokeObjectURL(url);
  }, [file]);
  const choose = async (chosen: File | null) => {
    setProblem(null);
    setFile(null);
    if (!chosen) return;
    setBusy(true);
    try {
      setFile(await shrinkPhoto(chosen, PHOTO_MAX_BYTES));
    } catch (error) {
      if (!(error instanceof PhotoTooLarge)) throw error;
      setProblem(t('products.photoTooLarge', { size: (error.bytes / 1024 / 1024).toFixed(1), max: MAX_MB }));
    } finally {
      setBusy(false);
    }
  };
  const send = async () => {
    if (!file) return;
    setBusy(true);
    setProblem(null);
    try {
      const sent = await uploadPhoto(productId, file);
      setQueued(sent.queued);
      if (!sent.queued) setPhotos((list) => [...list, sent.data]);
      setFile(null);
      setPreview(null);
      if (!sent.queued) onUploaded();
    } catch (error) {
      if (!(error instanceof ApiError) || ![400, 413, 422].includes(error.status)) throw error;
      setProblem(error.status === 413 ? t('products.photoRefusedSize', { max: MAX_MB }) : t('products.photoRefused'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="panel" aria-labelledby="photos-title">
      <h2 id="photos-title">{t('products.photos')}</h2>
      <ul className="thumbs" data-testid="photos">
        {photos.map((p) => (
          <li key={p.id}>
            <img src={p.thumbnailUrl} alt={t('products.photo')} width="96" height="96" />
          </li>
        ))}
      </ul>
      {queued ? <SavedOnDevice /> : null}
      {mayAdd ? (
        <>
          <label className="button file-button">
            {t('products.choosePhoto')}
            <input
              type="file"
              className="visually-hidden"
              accept="image/jpeg,image/png,image/webp"
              aria-describedby="photo-limit"
              onChange={(e) => void choose(e.target.files?.[0] ?? null)}
            />
          </label>
          <p id="photo-limit" className="muted small">
            {t('products.photoLimit', { max: MAX_MB })}
          </p>
          {problem ? (
            <p className="error" role="alert" data-testid="photo-problem">
              {problem}
            </p>
          ) : null}
          {file ? <p className="small">{file.name}</p> : null}
          {preview ? <img className="preview" src={preview} alt={t('products.preview')} /> : null}
          <button type="button" onClick={() => void send()} disabled={!file || busy}>
            {t('products.upload')}
          </button>
        </>
      ) : null}
    </section>
  );
}
