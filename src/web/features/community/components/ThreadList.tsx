import { Link } from 'wouter';
import type { ThreadSummary } from '../../../../shared/schemas/community-spaces';
import { useI18n } from '../../../i18n/i18n';

/** Threads as cards: title, who asked, replies, and marks for answered, locked and hidden. */
export function ThreadList({ threads }: { threads: ThreadSummary[] }) {
  const { t } = useI18n();
  return (
    <ul className="stack">
      {threads.map((thread) => (
        <li key={thread.id} className="card">
          <Link href={`/threads/${thread.id}`}>
            <strong style={{ overflowWrap: 'anywhere' }}>{thread.title}</strong>
          </Link>
          <div className="muted">
            {thread.author.name} · {t('spaces.replyCount', { count: thread.replyCount })}
            {thread.kind === 'question' ? ` · ${t(thread.answered ? 'spaces.answered' : 'spaces.question')}` : ''}
            {thread.locked ? ` · ${t('spaces.locked')}` : ''}
            {thread.hidden ? ` · ${t('spaces.hidden')}` : ''}
          </div>
        </li>
      ))}
    </ul>
  );
}
