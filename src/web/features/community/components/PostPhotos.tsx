import { useEffect, useState } from 'react';
import { PHOTOS_PER_POST, type PostAnswer } from '../../../../shared/schemas/community-spaces';
import { PHOTO_MAX_BYTES } from '../../../../shared/schemas/registry';
import { useI18n } from '../../../i18n/i18n';
import { ApiError } from '../../../lib/http';
import { PhotoTooLarge, shrinkPhoto } from '../../../lib/photo-resize';
import { removePostPhoto, uploadPostPhoto } from '../api/spaces';

const MAX_MB = PHOTO_MAX_BYTES / 1024 / 1024;

/** Whether the browser says it is online, followed as it changes. */
function useOnline(): boolean {
  const [online, setOnline] = useState(() => navigator.onLine);
  useEffect(() => {
    const update = () => setOnline(navigator.onLine);
    window.addEventListener('online', update);
    window.addEventListener('offline', update);
    return () => {
      window.removeEventListener('online', update);
      window.removeEventListener('offline', update);
    };
  }, []);
  return online;
}

/**
 * Photos for a post, chosen before it is sent (or added to it later): up to four, shrunk on the
 * phone before upload. Offline, it says photos need a connection instead of failing later.
 */
export function PhotoPicker({
  name,
  files,
  room = PHOTOS_PER_POST,
  onChange,
}: {
  name: string;
  files: File[];
  room?: number;
  onChange: (files: File[]) => void;
}) {
  const { t } = useI18n();
  const online = useOnline();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [previews, setPreviews] = useState<string[]>([]);
  useEffect(() => {
    const urls = files.map((f) => URL.createObjectURL(f));
    setPreviews(urls);
    return () => urls.forEach((u) => URL.revokeObjectURL(u));
  }, [files]);
  if (!online)
    return (
      <p className="muted" role="note" data-testid={`${name}-offline`}>
        {t('spaces.photosNeedConnection')}
      </p>
    );
  const choose = async (chosen: File[]) => {
    setProblem(null);
    if (files.length + chosen.length > room) setProblem(t('spaces.photosAtMost', { count: room }));
    setBusy(true);
    try {
      const shrunk: File[] = [];
      for (const file of chosen.slice(0, Math.max(0, room - files.length)))
        shrunk.push(await shrinkPhoto(file, PHOTO_MAX_BYTES));
      onChange([...files, ...shrunk]);
    } catch (error) {
      if (!(error instanceof PhotoTooLarge)) throw error;
      setProblem(t('products.photoTooLarge', { size: (error.bytes / 1024 / 1024).toFixed(1), max: MAX_MB }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div>
      {files.length < room ? (
        <label className="button secondary file-button">
          {t('spaces.addPhotos', { count: room - files.length })}
          <input
            type="file"
            className="visually-hidden"
            accept="image/jpeg,image/png,image/webp"
            multiple
            disabled={busy}
            data-testid={`${name}-photos`}
            onChange={(e) => {
              const chosen = [...(e.target.files ?? [])];
              e.target.value = '';
              void choose(chosen);
            }}
          />
        </label>
      ) : null}
      {problem ? (
        <p className="error" role="alert">
          {problem}
        </p>
      ) : null}
      {files.length ? (
        <ul className="thumbs" aria-label={t('spaces.chosenPhotos')}>
          {files.map((file, i) => (
            <li
              key={`${file.name}-${i}`}
              style={{ display: 'flex', flexDirection: 'column', alignItems: 'flex-start' }}
            >
              {previews[i] ? <img src={previews[i]} alt={t('spaces.chosenPhoto', { n: i + 1 })} /> : null}
              <button type="button" className="link small" onClick={() => onChange(files.filter((_, j) => j !== i))}>
                {t('spaces.removeChosenPhoto', { n: i + 1 })}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/**
 * Sends the chosen photos to a post, one after another; answers how many were refused (the post
 * stays: its author adds them again from the thread).
 */
export async function sendPhotos(postId: string, files: File[]): Promise<number> {
  let refused = 0;
  for (const file of files) {
    try {
      await uploadPostPhoto(postId, file);
    } catch (error) {
      if (!(error instanceof ApiError) || ![400, 403, 413, 422].includes(error.status)) throw error;
      refused += 1;
    }
  }
  return refused;
}

/** The words a photo is described by: the post's own text, shortened. */
const altOf = (text: string) => (text.length > 120 ? `${text.slice(0, 117)}…` : text);

/**
 * A post's photos as thumbnails; a tap shows one large, fitted to the screen. Its author or a
 * moderator removes one; the author adds more while there is room.
 */
export function PostPhotos({ post, text, onChanged }: { post: PostAnswer; text: string; onChanged: () => void }) {
  const { t } = useI18n();
  const [open, setOpen] = useState<string | null>(null);
  const [adding, setAdding] = useState<File[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const count = post.photos.length;
  const enlarged = post.photos.find((p) => p.id === open);
  const add = async () => {
    setBusy(true);
    const refused = await sendPhotos(post.id, adding).finally(() => setBusy(false));
    setAdding([]);
    setProblem(refused ? t('spaces.photosNotSent', { count: refused }) : null);
    onChanged();
  };
  return (
    <>
      {count ? (
        <ul className="thumbs" aria-label={t('spaces.postPhotos', { count })}>
          {post.photos.map((photo, i) => (
            <li key={photo.id} style={{ display: 'flex', flexDirection: 'column', alignItems: 'flex-start' }}>
              <button
                type="button"
                className="link"
                aria-expanded={open === photo.id}
                aria-label={t('spaces.enlargePhoto', { n: i + 1, count })}
                onClick={() => setOpen(open === photo.id ? null : photo.id)}
              >
                <img src={photo.thumbnailUrl} alt={altOf(text)} width="96" height="96" loading="lazy" />
              </button>
              {post.abilities.removePhoto ? (
                <button
                  type="button"
                  className="link small"
                  onClick={() => void removePostPhoto(post.id, photo.id).then(onChanged)}
                >
                  {t('spaces.removePhoto', { n: i + 1 })}
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {enlarged ? (
        <figure style={{ margin: 0 }}>
          <img
            src={enlarged.url}
            alt={altOf(text)}
            width={enlarged.width}
            height={enlarged.height}
            style={{ maxWidth: '100%', height: 'auto', display: 'block' }}
          />
          <figcaption>
            <button type="button" className="link" onClick={() => setOpen(null)}>
              {t('spaces.closePhoto')}
            </button>
          </figcaption>
        </figure>
      ) : null}
      {post.abilities.addPhoto ? (
        <details>
          <summary>{t('spaces.addPhotosLater')}</summary>
          <PhotoPicker name={`post-${post.id}`} files={adding} room={PHOTOS_PER_POST - count} onChange={setAdding} />
          {adding.length ? (
            <button type="button" disabled={busy} onClick={() => void add()}>
              {t('spaces.sendPhotos', { count: adding.length })}
            </button>
          ) : null}
        </details>
      ) : null}
      {problem ? (
        <p className="error" role="alert">
          {problem}
        </p>
      ) : null}
    </>
  );
}
