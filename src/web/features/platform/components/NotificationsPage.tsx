import { useState } from 'react';
import { Link } from 'wouter';
import { useSession } from '../session-context';
import { Loaded } from '../../../components/Loaded';
import { useI18n } from '../../../i18n/i18n';
import { formatDate } from '../../../lib/format';
import { usePagedList } from '../../../lib/use-resource';
import type { NotificationAnswer } from '../../../../shared/schemas/platform';
import { listNotifications, markNotificationRead } from '../api/notifications';

/**
 * The server links into the staff app (`/app/inquiries/…`, `/app/orders/…`, a community thread's
 * `/app/threads/…`); this screen lives
 * inside it, so only those known screens become links, relative to it.
 */
function screenOf(link: string | null): string | null {
  const match = link ? /^\/app(\/(?:inquiries|orders|threads)\/[\w-]+)$/.exec(link) : null;
  return match?.[1] ?? null;
}

/** The signed-in user's own notifications, newest first; unread ones stand out until marked read. */
export default function NotificationsPage() {
  const { t, locale } = useI18n();
  const { reloadUnread } = useSession();
  const list = usePagedList('notifications', (cursor, signal) => listNotifications({}, cursor, signal));
  // Marked read here, kept apart so pages already loaded stay in place.
  const [readNow, setReadNow] = useState<ReadonlySet<string>>(new Set());
  const [busy, setBusy] = useState<string | null>(null);

  const markRead = async (id: string) => {
    setBusy(id);
    try {
      await markNotificationRead(id);
      setReadNow((ids) => new Set(ids).add(id));
      reloadUnread();
    } finally {
      setBusy(null);
    }
  };
  const text = (n: NotificationAnswer) => {
    const key = `notice.${n.kind}`;
    const line = t(key, n.params);
    return line === key ? t('notifications.other') : line;
  };

  return (
    <>
      <h1>{t('notifications.title')}</h1>
      <p>
        <Link href="/settings/notifications">{t('notifySettings.title')}</Link>
      </p>
      <Loaded resource={{ data: list.items, error: list.error }}>
        {(items) =>
          items.length === 0 ? (
            <p className="muted">{t('notifications.none')}</p>
          ) : (
            <ul className="rows notifications" aria-label={t('notifications.title')}>
              {items.map((n) => {
                const read = n.read || readNow.has(n.id);
                const screen = screenOf(n.link);
                return (
                  <li key={n.id} className={read ? undefined : 'unread'}>
                    <div className="row-static">
                      {screen ? <Link href={screen}>{text(n)}</Link> : <span>{text(n)}</span>}
                      {/* A person's own words about it (why an event was called off), as written. */}
                      {n.params.reason ? <q className="small">{n.params.reason}</q> : null}
                      <span className="muted small">
                        {read ? null : <span className="badge">{t('notifications.new')}</span>}{' '}
                        {formatDate(n.createdAt, locale)}
                      </span>
                      {read ? null : (
                        <button
                          type="button"
                          className="secondary small"
                          disabled={busy === n.id}
                          onClick={() => void markRead(n.id)}
                        >
                          {t('notifications.markRead')}
                        </button>
                      )}
                    </div>
                  </li>
                );
              })}
            </ul>
          )
        }
      </Loaded>
      {list.nextCursor ? (
        <button type="button" className="secondary" disabled={list.loadingMore} onClick={() => void list.loadMore()}>
          {t('action.loadMore')}
        </button>
      ) : null}
    </>
  );
}
