import { useState } from 'react';
import { Link } from 'wouter';
import { useI18n } from '../../../i18n/i18n';
import { formatDate } from '../../../lib/format';
import { usePagedList } from '../../../lib/use-resource';
import { usePendingChildren } from '../../offline';
import { listMembers } from '../api/members';
import { MemberForm } from './MemberForm';

/** A group's members, and a form to add one for those who may. */
export function MembersSection({ groupId, mayAdd }: { groupId: string; mayAdd: boolean }) {
  const { t, locale } = useI18n();
  const list = usePagedList(`members-${groupId}`, (cursor, signal) => listMembers(groupId, cursor, signal));
  const [adding, setAdding] = useState(false);
  const pending = usePendingChildren(groupId, 'member');
  return (
    <section className="panel" aria-labelledby="members-title">
      <h2 id="members-title">{t('members.title')}</h2>
      <ul className="rows" aria-label={t('members.title')}>
        {list.items?.map((m) => (
          <li key={m.id}>
            <Link href={`/members/${m.id}`} className="row-button">
              <span>{m.name}</span>
              <span className="muted small">
                {t(`memberRole.${m.role}`)}
                {m.phone ? ` · ${m.phone}` : ''}
                {m.nationalId ? ` · ${m.nationalId}` : ''}
                {m.leftOn ? ` · ${t('members.left', { date: formatDate(m.leftOn, locale) })}` : ''}
                {m.possibleDuplicate ? ` · ${t('members.possibleDuplicate')}` : ''}
              </span>
            </Link>
          </li>
        ))}
        {pending.map((r) => (
          <li key={r.clientId} className="row-button" data-testid="pending-member">
            <span>{r.label}</span>
            <span className="muted small">{t(`outbox.state.${r.state}`)}</span>
          </li>
        ))}
      </ul>
      {list.nextCursor ? (
        <button type="button" onClick={() => void list.loadMore()}>
          {t('action.loadMore')}
        </button>
      ) : null}
      {!mayAdd ? null : adding ? (
        <MemberForm groupId={groupId} member={null} onSaved={() => list.reload()} />
      ) : (
        <button type="button" onClick={() => setAdding(true)}>
          {t('members.add')}
        </button>
      )}
    </section>
  );
}
