import { useState, type FormEvent } from 'react';
import { Link } from 'wouter';
import { replyBody, type PostAnswer, type ThreadAnswer } from '../../../../shared/schemas/community-spaces';
import { Field, useFormState } from '../../../components/form';
import { Loaded } from '../../../components/Loaded';
import { useI18n } from '../../../i18n/i18n';
import { useResource } from '../../../lib/use-resource';
import { acceptAnswer, getThread, moderate, replyTo, reportPost, setFollowing, toggleHelpful } from '../api/spaces';
import { suggestMembers } from '../api/moderation';
import { waMeLink } from '../wa-me';
import { spaceName } from './SpacesPage';
import { intlLocale } from '../../../../shared/languages';

interface PostProps {
  thread: ThreadAnswer;
  post: PostAnswer;
  opening: boolean;
  onChanged: () => void;
}

/** One post: its text, who wrote it, helpful, report; accept on a question's reply; hide/restore for moderators. */
function Post({ thread, post, opening, onChanged }: PostProps) {
  const { t, locale } = useI18n();
  const act = (send: () => Promise<unknown>) => () => void send().then(onChanged);
  return (
    <li className={`card${post.accepted ? ' accepted' : ''}`} aria-label={post.author.name}>
      <div className="muted">
        <strong>{post.author.name}</strong> · {new Date(post.createdAt).toLocaleString(intlLocale(locale))}
        {post.accepted ? ` · ${t('spaces.acceptedAnswer')}` : ''}
        {post.hidden ? ` · ${t('spaces.hidden')}` : ''}
        {post.reports ? ` · ${t('spaces.reports', { count: post.reports })}` : ''}
      </div>
      <p style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{post.body}</p>
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
          <button type="button" className="link" onClick={act(() => reportPost(post.id))}>
            {t('spaces.report')}
          </button>
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
  const [body, setBody] = useState('');
  const pick = (name: string) => setBody((text) => `${text.replace(/@[^@]*$/u, '')}@${name} `);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const ok = await form.submit(replyBody, { body }, async () => {
      await replyTo(threadId, { body });
    });
    if (ok) {
      setBody('');
      onSent();
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label={t('spaces.reply')}>
      <Field label={t('spaces.reply')} name="reply-body" error={form.errors.body}>
        {(p) => <textarea {...p} rows={4} value={body} onChange={(e) => setBody(e.target.value)} />}
      </Field>
      <MentionSuggestions programId={programId} text={body} onPick={pick} />
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
  return (
    <Loaded resource={thread}>
      {(data) => {
        const [opening, ...replies] = data.posts;
        return (
          <section className="panel">
            <p>
              <Link href={`/spaces/${data.space.id}`}>← {spaceName(data.space.name, locale)}</Link>
            </p>
            <h1 style={{ overflowWrap: 'anywhere' }} lang={data.language}>
              {data.title}
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
              {opening ? <Post thread={data} post={opening} opening onChanged={thread.reload} /> : null}
            </ul>
            <h2>{t('spaces.replyCount', { count: data.replyCount })}</h2>
            <ul className="stack">
              {replies.map((post) => (
                <Post key={post.id} thread={data} post={post} opening={false} onChanged={thread.reload} />
              ))}
            </ul>
            {data.abilities.reply ? (
              <ReplyBox threadId={data.id} programId={data.space.programId} onSent={thread.reload} />
            ) : (
              <p className="muted">{t(data.locked ? 'spaces.lockedNoReplies' : 'spaces.cannotReply')}</p>
            )}
          </section>
        );
      }}
    </Loaded>
  );
}
