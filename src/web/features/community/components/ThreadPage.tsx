import { useState, type FormEvent } from 'react';
import { Link } from 'wouter';
import {
  POST_LANGUAGES,
  replyBody,
  reportBody,
  translationBody,
  type PostAnswer,
  type ThreadAnswer,
} from '../../../../shared/schemas/community-spaces';
import { Field, useFormState } from '../../../components/form';
import { Loaded } from '../../../components/Loaded';
import { useI18n } from '../../../i18n/i18n';
import { useResource } from '../../../lib/use-resource';
import {
  acceptAnswer,
  getThread,
  moderate,
  repliesUrl,
  replyTo,
  reportPost,
  setFollowing,
  toggleHelpful,
  translatePost,
} from '../api/spaces';
import { suggestMembers } from '../api/moderation';
import { ShowingLoaded } from '../../offline';
import { Drafts, useRefusal } from './Drafts';
import { waMeLink } from '../../../../shared/wa-me';
import { PhotoPicker, PostPhotos, sendPhotos } from './PostPhotos';
import { spaceName } from './SpacesPage';
import { intlLocale } from '../../../../shared/languages';

interface PostProps {
  thread: ThreadAnswer;
  post: PostAnswer;
  opening: boolean;
  /** The reader asked for the post as written rather than its translation. */
  original: boolean;
  onToggleOriginal: () => void;
  onChanged: () => void;
}

/** The author's or a moderator's form for a stored translation of a post into another language. */
function TranslationBox({ post, opening, onSaved }: { post: PostAnswer; opening: boolean; onSaved: () => void }) {
  const { t } = useI18n();
  const form = useFormState();
  const others = POST_LANGUAGES.filter((l) => l !== post.language);
  const [language, setLanguage] = useState<(typeof POST_LANGUAGES)[number]>(others[0]!);
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const input = { language, body, ...(opening ? { title } : {}) };
    const ok = await form.submit(translationBody, input, async () => {
      await translatePost(post.id, input);
    });
    if (ok) onSaved();
  };
  return (
    <details>
      <summary>{t('spaces.addTranslation')}</summary>
      <form onSubmit={(e) => void submit(e)} noValidate aria-label={t('spaces.addTranslation')}>
        <Field label={t('spaces.translationLanguage')} name={`tr-language-${post.id}`} error={form.errors.language}>
          {(p) => (
            <select
              {...p}
              value={language}
              onChange={(e) => setLanguage(e.target.value as (typeof POST_LANGUAGES)[number])}
            >
              {others.map((l) => (
                <option key={l} value={l}>
                  {t(`spaces.language.${l}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {opening ? (
          <Field label={t('spaces.translationTitle')} name={`tr-title-${post.id}`} error={form.errors.title}>
            {(p) => <input {...p} value={title} onChange={(e) => setTitle(e.target.value)} />}
          </Field>
        ) : null}
        <Field label={t('spaces.translationBody')} name={`tr-body-${post.id}`} error={form.errors.body}>
          {(p) => <textarea {...p} rows={4} value={body} onChange={(e) => setBody(e.target.value)} />}
        </Field>
        <button type="submit" disabled={form.busy}>
          {t('spaces.saveTranslation')}
        </button>
      </form>
    </details>
  );
}

/** Reporting a post to the space's moderators, with the reason (optional) they read in the queue. */
function ReportBox({ post, onSent }: { post: PostAnswer; onSent: () => void }) {
  const { t } = useI18n();
  const form = useFormState();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const ok = await form.submit(reportBody, { reason }, async () => {
      await reportPost(post.id, reason);
    });
    if (ok) onSent();
  };
  return (
    <>
      <button type="button" className="link" aria-expanded={open} onClick={() => setOpen(!open)}>
        {t('spaces.report')}
      </button>
      {open ? (
        <form onSubmit={(e) => void submit(e)} noValidate aria-label={t('spaces.reportPost')}>
          <Field label={t('spaces.reportReason')} name={`report-reason-${post.id}`} error={form.errors.reason}>
            {(p) => <input {...p} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} />}
          </Field>
          <button type="submit" disabled={form.busy}>
            {t('spaces.sendReport')}
          </button>
        </form>
      ) : null}
    </>
  );
}

/** One post: its text, who wrote it, helpful, report; accept on a question's reply; hide/restore for moderators. */
function Post({ thread, post, opening, original, onToggleOriginal, onChanged }: PostProps) {
  const { t, locale } = useI18n();
  const act = (send: () => Promise<unknown>) => () => void send().then(onChanged);
  const shown = post.translation && !original ? post.translation : null;
  return (
    <li className={`card${post.accepted ? ' accepted' : ''}`} aria-label={post.author.name}>
      <div className="muted">
        <strong>{post.author.name}</strong> · {new Date(post.createdAt).toLocaleString(intlLocale(locale))}
        {post.accepted ? ` · ${t('spaces.acceptedAnswer')}` : ''}
        {post.hidden ? ` · ${t('spaces.hidden')}` : ''}
        {post.reports ? ` · ${t('spaces.reports', { count: post.reports })}` : ''}
        {` · ${t(`spaces.language.${post.language}`)}`}
      </div>
      <p style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} lang={shown?.language ?? post.language}>
        {shown?.body ?? post.body}
      </p>
      {post.translation ? (
        <p className="muted">
          {original
            ? t('spaces.showingOriginal', { language: t(`spaces.language.${post.language}`) })
            : t('spaces.translatedInto', {
                language: t(`spaces.language.${post.translation.language}`),
                name: post.translation.addedBy.name,
              })}{' '}
          <button type="button" className="link" onClick={onToggleOriginal}>
            {t(original ? 'spaces.showTranslation' : 'spaces.showOriginal')}
          </button>
        </p>
      ) : null}
      <PostPhotos post={post} text={shown?.body ?? post.body} onChanged={onChanged} />
      <div className="actions">
        <button
          type="button"
          className="secondary"
          aria-pressed={post.helpfulByMe}
          onClick={act(() => toggleHelpful(post.id))}
        >
          {t('spaces.helpful', { count: post.helpfulCount })}
        </button>{' '}
        {!opening && thread.abilities.accept && !post.accepted && !post.hidden ? (
          <>
            <button type="button" onClick={act(() => acceptAnswer(thread.id, post.id))}>
              {t('spaces.accept')}
            </button>{' '}
          </>
        ) : null}
        {post.reportedByMe ? (
          <span className="muted">{t('spaces.reported')}</span>
        ) : (
          <ReportBox post={post} onSent={onChanged} />
        )}{' '}
        {thread.abilities.moderate ? (
          <button
            type="button"
            className="link"
            onClick={act(() => moderate('posts', post.id, post.hidden ? 'restore' : 'hide'))}
          >
            {t(post.hidden ? 'spaces.restore' : 'spaces.hide')}
          </button>
        ) : null}
      </div>
      {post.abilities.translate && !post.hidden ? (
        <TranslationBox post={post} opening={opening} onSaved={onChanged} />
      ) : null}
    </li>
  );
}

/** The word being typed after an @ at the end of the text, if any: what the suggestions look for. */
const typedMention = (text: string) => /(?:^|\s)@([\p{L}\p{N}][\p{L}\p{N} ]{0,30})$/u.exec(text)?.[1] ?? null;

/** Names of the community offered while an @name is typed; a tap writes the whole name. */
function MentionSuggestions({
  programId,
  text,
  onPick,
}: {
  programId: string;
  text: string;
  onPick: (name: string) => void;
}) {
  const { t } = useI18n();
  const typed = typedMention(text);
  const found = useResource(typed ? `mention-${programId}-${typed}` : null, (signal) =>
    suggestMembers(programId, typed!, signal),
  );
  if (!typed || !found.data?.items.length) return null;
  return (
    <div role="listbox" aria-label={t('spaces.mentionSuggestions')} className="actions">
      {found.data.items.map((person) => (
        <button
          key={person.id}
          type="button"
          role="option"
          aria-selected={false}
          className="secondary small"
          onClick={() => onPick(person.name)}
        >
          @{person.name}
        </button>
      ))}
    </div>
  );
}

function ReplyBox({ threadId, programId, onSent }: { threadId: string; programId: string; onSent: () => void }) {
  const { t } = useI18n();
  const form = useFormState();
  const refusal = useRefusal();
  const [body, setBody] = useState('');
  const [photos, setPhotos] = useState<File[]>([]);
  const [refused, setRefused] = useState(0);
  const pick = (name: string) => setBody((text) => `${text.replace(/@[^@]*$/u, '')}@${name} `);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    let postId: string | null = null;
    const ok = await form.submit(replyBody, { body }, async () => {
      // Kept on the phone when offline, shown under the thread until it is sent.
      const sent = await refusal.watch(() => replyTo(threadId, { body, id: crypto.randomUUID() }));
      postId = sent.queued ? null : sent.data.id;
    });
    if (ok) {
      // The reply is posted: its photos follow it, one by one. One kept to send later goes without
      // them (photos need a connection; the picker says so offline).
      setRefused(postId && photos.length ? await sendPhotos(postId, photos) : 0);
      setBody('');
      setPhotos([]);
      if (postId) onSent();
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label={t('spaces.reply')}>
      <Field label={t('spaces.reply')} name="reply-body" error={form.errors.body}>
        {(p) => <textarea {...p} rows={4} value={body} onChange={(e) => setBody(e.target.value)} />}
      </Field>
      <MentionSuggestions programId={programId} text={body} onPick={pick} />
      <PhotoPicker name="reply" files={photos} onChange={setPhotos} />
      {refused ? (
        <p className="error" role="alert">
          {t('spaces.photosNotSent', { count: refused })}
        </p>
      ) : null}
      {refusal.note}
      <button type="submit" disabled={form.busy}>
        {t('spaces.send')}
      </button>
    </form>
  );
}

/** A thread: the opening post, the replies in order, and what the caller may do with them. */
export default function ThreadPage({ id }: { id: string }) {
  const { t, locale } = useI18n();
  const thread = useResource(`thread-${id}`, (signal) => getThread(id, signal));
  const [originals, setOriginals] = useState<ReadonlySet<string>>(new Set());
  const toggleOriginal = (postId: string) => () =>
    setOriginals((now) => {
      const next = new Set(now);
      if (!next.delete(postId)) next.add(postId);
      return next;
    });
  return (
    <Loaded resource={thread}>
      {(data) => {
        const [opening, ...replies] = data.posts;
        const translatedTitle = opening && !originals.has(opening.id) ? opening.translation?.title : null;
        return (
          <section className="panel">
            <ShowingLoaded />
            <p>
              <Link href={`/spaces/${data.space.id}`}>← {spaceName(data.space.name, locale)}</Link>
            </p>
            <h1
              style={{ overflowWrap: 'anywhere' }}
              lang={translatedTitle ? opening!.translation!.language : data.language}
            >
              {translatedTitle ?? data.title}
            </h1>
            <p className="muted">
              {t(`spaces.kind.${data.kind}`)} · {t(`spaces.language.${data.language}`)}
              {data.answered ? ` · ${t('spaces.answered')}` : ''}
              {data.locked ? ` · ${t('spaces.locked')}` : ''}
            </p>
            <div className="actions">
              <button
                type="button"
                className="secondary"
                aria-pressed={data.following}
                onClick={() => void setFollowing(data.id, !data.following).then(thread.reload)}
              >
                {t(data.following ? 'spaces.unfollow' : 'spaces.follow')}
              </button>{' '}
              <a
                className="button secondary"
                href={waMeLink(`${data.title}\n${window.location.origin}/app/threads/${data.id}`)}
                target="_blank"
                rel="noreferrer"
              >
                {t('spaces.shareWhatsApp')}
              </a>{' '}
              {data.abilities.moderate ? (
                <button
                  type="button"
                  className="secondary"
                  onClick={() => void moderate('threads', data.id, data.locked ? 'unlock' : 'lock').then(thread.reload)}
                >
                  {t(data.locked ? 'spaces.unlock' : 'spaces.lock')}
                </button>
              ) : null}
            </div>
            <ul className="stack">
              {opening ? (
                <Post
                  thread={data}
                  post={opening}
                  opening
                  original={originals.has(opening.id)}
                  onToggleOriginal={toggleOriginal(opening.id)}
                  onChanged={thread.reload}
                />
              ) : null}
            </ul>
            <h2>{t('spaces.replyCount', { count: data.replyCount })}</h2>
            <ul className="stack">
              {replies.map((post) => (
                <Post
                  key={post.id}
                  thread={data}
                  post={post}
                  opening={false}
                  original={originals.has(post.id)}
                  onToggleOriginal={toggleOriginal(post.id)}
                  onChanged={thread.reload}
                />
              ))}
            </ul>
            <Drafts url={repliesUrl(data.id)} fields={['body']} schema={replyBody} onArrived={thread.reload} />
            {data.abilities.reply ? (
              <ReplyBox threadId={data.id} programId={data.space.programId} onSent={thread.reload} />
            ) : (
              <p className="muted" role="note">
                {data.locked
                  ? t('spaces.lockedNoReplies')
                  : data.mutedUntil
                    ? t('spaces.mutedUntil', { date: new Date(data.mutedUntil).toLocaleString(intlLocale(locale)) })
                    : t('spaces.cannotReply')}
              </p>
            )}
          </section>
        );
      }}
    </Loaded>
  );
}
