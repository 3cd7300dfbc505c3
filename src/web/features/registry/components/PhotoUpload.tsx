import { useEffect, useState } from 'react';
import { useI18n } from '../../../i18n/i18n';
import { uploadPhoto } from '../api/products';
import type { ProductAnswer } from '../../../../shared/schemas/registry';

/** The product's photos; choose one, see it, send it (multipart field "photo"), for those who may. */
export function PhotoUpload({ product, onUploaded }: { product: ProductAnswer; onUploaded: () => void }) {
  const { t } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [photos, setPhotos] = useState(product.photos);
  useEffect(() => setPhotos(product.photos), [product.photos]);
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
      const photo = await uploadPhoto(product.id, file);
      setPhotos((list) => [...list, photo]);
      setFile(null);
      setPreview(null);
      onUploaded();
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
      {product.abilities.addPhoto ? (
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
