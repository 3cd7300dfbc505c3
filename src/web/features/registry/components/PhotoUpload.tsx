import { useEffect, useState } from 'react';
import { useI18n } from '../../../i18n/i18n';
import { uploadPhoto } from '../api/products';
import type { PhotoAnswer } from '../../../../shared/schemas/registry';
import { SavedOnDevice } from '../../offline';

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
  const [photos, setPhotos] = useState(stored);
  useEffect(() => setPhotos(stored), [stored]);
  useEffect(() => {
    if (!file) return;
    const url = URL.createObjectURL(file);
    setPreview(url);
    return () => URL.revokeObjectURL(url);
  }, [file]);
  const send = async () => {
    if (!file) return;
    setBusy(true);
    try {
      const sent = await uploadPhoto(productId, file);
      setQueued(sent.queued);
      if (!sent.queued) setPhotos((list) => [...list, sent.data]);
      setFile(null);
      setPreview(null);
      if (!sent.queued) onUploaded();
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
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            />
          </label>
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
