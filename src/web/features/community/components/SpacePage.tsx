import { useEffect, useState, type FormEvent } from 'react';
import { Link, useLocation } from 'wouter';
import { threadBody, type ThreadSummary } from '../../../../shared/schemas/community-spaces';
import { Field, useFormState } from '../../../components/form';
import { useI18n } from '../../../i18n/i18n';
import { ApiError } from '../../../lib/http';
import { NotFound } from '../../../components/NotFound';
import { getSpace, listThreads, openThread, threadsUrl } from '../api/spaces';
import { ShowingLoaded } from '../../offline';
import { Drafts, useRefusal } from './Drafts';
import { useResource } from '../../../lib/use-resource';
import { SpaceModerators } from './SpaceModerators';
import { spaceName } from './SpacesPage';
import { ThreadList } from './ThreadList';
import { PhotoPicker, sendPhotos } from './PostPhotos';

const LANGUAGES = ['id', 'en', 'ja'] as const;

/** A new thread: a discussion or a question, in the language it is written in. */
function NewThread({ spaceId }: { spaceId: string }) {
  const { t, locale } = useI18n();
  const [, navigate] = useLocation();
  const form = useFormState();
  const refusal = useRefusal();
  const [open, setOpen] = useState(false);
  const [photos, setPhotos] = useState<File[]>([]);
  const [fields, setFields] = useState({
    title: '',
    body: '',
    kind: 'question' as 'question' | 'discussion',
    language: (LANGUAGES as readonly string[]).includes(locale) ? (locale as (typeof LANGUAGES)[number]) : 'id',
  });
  if (!open)
    return (
      <button type="button" onClick={() => setOpen(true)}>
        {t('spaces.newThread')}
      </button>
    );
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    let id: string | null = null;
    const ok = await form.submit(threadBody, fields, async () => {
      // Kept on the phone when offline, shown at the top of the space until it is sent.
      const sent = await refusal.watch(() =>
        openThread(spaceId, { ...threadBody.parse(fields), id: crypto.randomUUID() }),
      );
      id = sent.queued ? null : sent.data.id;
    });
    if (!ok) return;
    if (id) {
      // The thread is open: its opening post's photos follow (one refused can be added again there).
      if (photos.length) await sendPhotos(id, photos);
      navigate(`/threads/${id}`);
    } else {
      // Kept to send later: photos need a connection (the picker says so offline) and are added
      // from the thread once it is there.
      setFields((f) => ({ ...f, title: '', body: '' }));
      setPhotos([]);
      setOpen(false);
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label={t('spaces.newThread')}>
      <fieldset>
        <legend>{t('spaces.kind')}</legend>
        {(['question', 'discussion'] as const).map((kind) => (
          <label key={kind} className="check">
            <input
              type="radio"
              name="thread-kind"
              checked={fields.kind === kind}
              onChange={() => setFields((f) => ({ ...f, kind }))}
            />{' '}
            {t(`spaces.kind.${kind}`)}
          </label>
        ))}
      </fieldset>
      <Field label={t('spaces.threadTitle')} name="thread-title" error={form.errors.title}>
        {(p) => (
          <input {...p} value={fields.title} onChange={(e) => setFields((f) => ({ ...f, title: e.target.value }))} />
        )}
      </Field>
      <Field label={t('spaces.body')} name="thread-body" error={form.errors.body}>
        {(p) => (
          <textarea
            {...p}
            rows={5}
            value={fields.body}
            onChange={(e) => setFields((f) => ({ ...f, body: e.target.value }))}
          />
        )}
      </Field>
      <Field label={t('spaces.language')} name="thread-language" error={form.errors.language}>
        {(p) => (
          <select
            {...p}
            value={fields.language}
            onChange={(e) => setFields((f) => ({ ...f, language: e.target.value as (typeof LANGUAGES)[number] }))}
          >
            {LANGUAGES.map((l) => (
              <option key={l} value={l}>
                {t(`spaces.language.${l}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <PhotoPicker name="thread" files={photos} onChange={setPhotos} />
      {refusal.note}
      <button type="submit" disabled={form.busy}>
        {t('spaces.post')}
      </button>{' '}
      <button type="button" className="secondary" onClick={() => setOpen(false)}>
        {t('action.cancel')}
      </button>
    </form>
  );
}

/** A space: its threads, newest activity first, more on demand, and a new-thread form. */
export default function SpacePage({ id }: { id: string }) {
  const { t, locale } = useI18n();
  const space = useResource(`space-${id}`, (signal) => getSpace(id, signal));
  const [threads, setThreads] = useState<ThreadSummary[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [missing, setMissing] = useState(false);
  const load = (cursor: string | null, signal?: AbortSignal) =>
    listThreads(id, cursor, signal).then(
      (page) => {
        setThreads((all) => (cursor ? [...(all ?? []), ...page.items] : page.items));
        setNext(page.nextCursor);
      },
      (error: unknown) => {
        if (error instanceof ApiError && (error.status === 404 || error.status === 400)) setMissing(true);
      },
    );
  useEffect(() => {
    const controller = new AbortController();
    void load(null, controller.signal);
    return () => controller.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the space's first page, once per space
  }, [id]);
  if (missing) return <NotFound />;
  return (
    <section className="panel">
      <ShowingLoaded />
      <p>
        <Link href="/spaces">← {t('spaces.title')}</Link>
      </p>
      <h1>{space.data ? spaceName(space.data.name, locale) : t('spaces.threads')}</h1>
      {space.data?.abilities.moderate ? <SpaceModerators space={space.data} /> : null}
      <NewThread spaceId={id} />
      <Drafts url={threadsUrl(id)} fields={['title', 'body']} schema={threadBody} onArrived={() => void load(null)} />
      {threads?.length === 0 ? <p className="muted">{t('spaces.noThreads')}</p> : null}
      {threads ? <ThreadList threads={threads} /> : null}
      {next ? (
        <button type="button" className="secondary" onClick={() => void load(next)}>
          {t('spaces.more')}
        </button>
      ) : null}
    </section>
  );
}
