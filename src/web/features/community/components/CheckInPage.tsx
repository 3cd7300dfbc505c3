import { useEffect, useRef, useState, type FormEvent } from 'react';
import { localized } from '../../../../shared/localized';
import { Loaded } from '../../../components/Loaded';
import { useI18n } from '../../../i18n/i18n';
import { ApiError } from '../../../lib/http';
import { problemText, type Translate } from '../../../lib/problem-text';
import { useResource } from '../../../lib/use-resource';
import { checkIn, getEvent } from '../api/events';

/** The browser's QR reader (Chromium on Android, ChromeOS and macOS); absent elsewhere, so typing stays. */
interface QrDetector {
  detect(source: HTMLVideoElement): Promise<{ rawValue: string }[]>;
}
type QrDetectorClass = new (options: { formats: string[] }) => QrDetector;
const Detector = (globalThis as { BarcodeDetector?: QrDetectorClass }).BarcodeDetector;

/** The back camera, read a few times a second; the same code is not sent twice within a few seconds. */
function Camera({ onCode }: { onCode: (code: string) => void }) {
  const { t } = useI18n();
  const video = useRef<HTMLVideoElement>(null);
  const [failed, setFailed] = useState(false);
  const last = useRef({ code: '', at: 0 });
  useEffect(() => {
    if (!Detector) return;
    let stream: MediaStream | null = null;
    let timer: ReturnType<typeof setInterval> | undefined;
    const detector = new Detector({ formats: ['qr_code'] });
    navigator.mediaDevices
      .getUserMedia({ video: { facingMode: 'environment' } })
      .then(async (s) => {
        stream = s;
        if (!video.current) return;
        video.current.srcObject = s;
        await video.current.play();
        timer = setInterval(() => {
          if (!video.current) return;
          void detector.detect(video.current).then((found) => {
            const code = found[0]?.rawValue;
            const now = Date.now();
            if (!code || (code === last.current.code && now - last.current.at < 4000)) return;
            last.current = { code, at: now };
            onCode(code);
          });
        }, 300);
      })
      .catch(() => setFailed(true));
    return () => {
      clearInterval(timer);
      stream?.getTracks().forEach((track) => track.stop());
    };
  }, [onCode]);
  if (!Detector || failed) return <p className="muted">{t('events.noCamera')}</p>;
  return (
    <video ref={video} muted playsInline style={{ width: '100%', maxWidth: 360 }} aria-label={t('events.camera')} />
  );
}

/**
 * What the last ticket came to, said in the language the screen is in when it shows (the organiser
 * may switch language after opening the door: the answer must not keep the one it was sent in).
 */
interface Outcome {
  ok: boolean;
  say: (t: Translate) => string;
}

/** The organiser's door: scan a ticket's QR (or type its code) and see at once whether it is good. */
export default function CheckInPage({ id }: { id: string }) {
  const { t, locale } = useI18n();
  const event = useResource(`event-${id}`, (signal) => getEvent(id, signal));
  const [typed, setTyped] = useState('');
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [scanning, setScanning] = useState(false);
  const send = useRef((code: string) => {
    checkIn(id, code).then(
      (done) => setOutcome({ ok: true, say: (tr) => tr('events.checkedIn', { name: done.attendee.name }) }),
      (error: unknown) =>
        setOutcome({
          ok: false,
          say: (tr) => (error instanceof ApiError ? problemText(error.problem, tr) : String(error)),
        }),
    );
  }).current;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (typed.trim()) send(typed);
    setTyped('');
  };
  return (
    <section className="panel">
      <Loaded resource={event}>
        {(ev) => (
          <>
            <h1>{t('events.checkIn')}</h1>
            <p className="muted">{localized(ev.title, locale)}</p>
            {outcome ? (
              <p role={outcome.ok ? 'status' : 'alert'} className={outcome.ok ? 'success' : 'error'}>
                {outcome.say(t)}
              </p>
            ) : null}
            {scanning ? (
              <Camera onCode={send} />
            ) : (
              <button type="button" onClick={() => setScanning(true)}>
                {t('events.scan')}
              </button>
            )}
            <form onSubmit={submit}>
              <div className="field">
                <label htmlFor="ticket-code">{t('events.typeCode')}</label>
                <input
                  id="ticket-code"
                  value={typed}
                  autoCapitalize="characters"
                  autoComplete="off"
                  placeholder="XXXXX-XXXXX"
                  onChange={(e) => setTyped(e.target.value)}
                />
              </div>
              <button type="submit">{t('events.checkInButton')}</button>
            </form>
          </>
        )}
      </Loaded>
    </section>
  );
}
