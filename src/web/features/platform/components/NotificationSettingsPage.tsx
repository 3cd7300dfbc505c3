import { useState } from 'react';
import { Link } from 'wouter';
import { EMAIL_CHOICES, type NotificationSettingsAnswer } from '../../../../shared/schemas/notification-settings';
import { Loaded } from '../../../components/Loaded';
import { useI18n } from '../../../i18n/i18n';
import { useResource } from '../../../lib/use-resource';
import {
  changeNotificationSettings,
  getNotificationSettings,
  subscribePush,
  unsubscribePush,
} from '../api/notifications';

/** Whether this browser can take Web Push at all (a service worker and the Push API). */
const pushSupported = () => 'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window;

/** The server's VAPID key as PushManager wants it: bytes from base64url. */
function keyBytes(base64url: string): Uint8Array<ArrayBuffer> {
  const base64 = base64url.replace(/-/g, '+').replace(/_/g, '/');
  const raw = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
  return Uint8Array.from(raw, (c) => c.charCodeAt(0));
}

async function currentSubscription(): Promise<PushSubscription | null> {
  const registration = await navigator.serviceWorker.ready;
  return registration.pushManager.getSubscription();
}

/** Asks the browser for permission and a subscription, and gives it to the server. */
async function turnPushOn(settings: NotificationSettingsAnswer): Promise<'on' | 'denied'> {
  if ((await Notification.requestPermission()) !== 'granted') return 'denied';
  const registration = await navigator.serviceWorker.ready;
  const subscription =
    (await registration.pushManager.getSubscription()) ??
    (await registration.pushManager.subscribe({
      userVisibleOnly: true,
      applicationServerKey: keyBytes(settings.vapidPublicKey),
    }));
  await subscribePush(subscription.toJSON());
  return 'on';
}

async function turnPushOff(): Promise<void> {
  const subscription = await currentSubscription();
  if (!subscription) return;
  await unsubscribePush(subscription.endpoint);
  await subscription.unsubscribe();
}

/** How the user hears of their notifications: email at once, a daily or weekly digest, or none; push on this browser. */
export default function NotificationSettingsPage() {
  const { t } = useI18n();
  const settings = useResource('notification-settings', getNotificationSettings);
  const [here, setHere] = useState<'unknown' | 'on' | 'off' | 'denied'>('unknown');
  const [busy, setBusy] = useState(false);
  const supported = pushSupported();

  if (supported && here === 'unknown')
    void currentSubscription().then((s) => setHere(Notification.permission === 'denied' ? 'denied' : s ? 'on' : 'off'));

  const run = async (work: () => Promise<unknown>) => {
    setBusy(true);
    try {
      await work();
      settings.reload();
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel">
      <p>
        <Link href="/notifications">← {t('notifications.title')}</Link>
      </p>
      <h1>{t('notifySettings.title')}</h1>
      <Loaded resource={settings}>
        {(data) => (
          <>
            <fieldset>
              <legend>{t('notifySettings.email')}</legend>
              {EMAIL_CHOICES.map((choice) => (
                <label key={choice} className="choice">
                  <input
                    type="radio"
                    name="email-choice"
                    value={choice}
                    checked={data.email === choice}
                    disabled={busy}
                    onChange={() => void run(() => changeNotificationSettings({ email: choice }))}
                  />{' '}
                  {t(`notifySettings.email.${choice}`)}
                </label>
              ))}
            </fieldset>
            <fieldset>
              <legend>{t('notifySettings.push')}</legend>
              {!supported ? (
                <p className="muted">{t('notifySettings.pushUnsupported')}</p>
              ) : here === 'denied' ? (
                <p className="muted">{t('notifySettings.pushDenied')}</p>
              ) : (
                <label className="choice">
                  <input
                    type="checkbox"
                    checked={here === 'on' && data.push}
                    disabled={busy || here === 'unknown'}
                    onChange={(e) => {
                      const on = e.target.checked;
                      void run(async () => {
                        if (on) {
                          const result = await turnPushOn(data);
                          setHere(result);
                          if (result === 'on' && !data.push) await changeNotificationSettings({ push: true });
                        } else {
                          await turnPushOff();
                          setHere('off');
                        }
                      });
                    }}
                  />{' '}
                  {t('notifySettings.pushHere')}
                </label>
              )}
              <p className="muted small">{t('notifySettings.pushCount', { count: data.pushSubscriptions })}</p>
            </fieldset>
          </>
        )}
      </Loaded>
    </section>
  );
}
