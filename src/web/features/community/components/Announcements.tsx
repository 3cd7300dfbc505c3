import { useI18n } from '../../../i18n/i18n';
import { useResource } from '../../../lib/use-resource';
import { listAnnouncements, markAnnouncementRead } from '../api/events';
import { localized } from '../../../../shared/localized';
import { intlLocale } from '../../../../shared/languages';

/** The program's announcements to the caller on the community home: pinned first, unread marked. */
export function Announcements({ programId }: { programId: string }) {
  const { t, locale } = useI18n();
  const list = useResource(`announcements-${programId}`, (signal) => listAnnouncements(programId, signal));
  const items = list.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <>
      <h2>{t('announcements.title')}</h2>
      <ul className="stack">
        {items.map((a) => (
          <li key={a.id} className={`card${a.read ? '' : ' unread'}`}>
            <div className="muted">
              {a.pinned ? `${t('announcements.pinned')} · ` : ''}
              {a.author.name} · {new Date(a.createdAt).toLocaleDateString(intlLocale(locale))}
              {a.reach ? ` · ${t('announcements.reach', { read: a.reach.read, targeted: a.reach.targeted })}` : ''}
            </div>
            <strong>{localized(a.title, locale)}</strong>
            <p style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{localized(a.body, locale)}</p>
            {a.read ? null : (
              <button
                type="button"
                className="secondary"
                onClick={() => void markAnnouncementRead(a.id).then(list.reload)}
              >
                {t('announcements.markRead')}
              </button>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
