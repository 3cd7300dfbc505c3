import { useEffect, useRef, useState } from 'react';
import { Link } from 'wouter';
import { Loaded } from '../../../components/Loaded';
import { useI18n } from '../../../i18n/i18n';
import { formatDate, localToday, today } from '../../../lib/format';
import { ApiError } from '../../../lib/http';
import { useResource } from '../../../lib/use-resource';
import { attendanceUrl, getAttendance, keepAttendanceOnDevice, putAttendance } from '../api/attendance';
import { usePendingWrites } from '../../offline';
import { getSession } from '../api/sessions';
import { localized } from '../../../../shared/localized';

type SaveState = 'saved' | 'pending' | 'failed' | 'onDevice';
interface Mark {
  present: boolean | null;
  state: SaveState;
}

function daysOf(startsOn: string, endsOn: string): string[] {
  const days: string[] = [];
  for (let d = new Date(`${startsOn}T00:00:00Z`); d.toISOString().slice(0, 10) <= endsOn;) {
    days.push(d.toISOString().slice(0, 10));
    d = new Date(d.getTime() + 86_400_000);
  }
  return days;
}

/**
 * The trainer's attendance screen: one button per participant, tap to toggle present. Each tap is
 * saved at once by an idempotent PUT that retries by itself; every name shows whether it is saved.
 */
export default function AttendancePage({ id }: { id: string }) {
  const { t, locale } = useI18n();
  const session = useResource(`session-${id}`, (signal) => getSession(id, signal));
  const days = session.data ? daysOf(session.data.startsOn, session.data.endsOn) : [];
  const [chosen, setChosen] = useState<string | null>(null);
  const day = chosen ?? (days.includes(today()) ? today() : (days[0] ?? null));
  const sheet = useResource(day && `attendance-${id}-${day}`, (signal) => getAttendance(id, day!, signal));
  const [marks, setMarks] = useState<Record<string, Mark>>({});
  // The latest tap per member wins: an older answer arriving late does not mark a newer tap saved.
  const taps = useRef<Record<string, number>>({});

  useEffect(() => {
    if (!sheet.data) return;
    setMarks(Object.fromEntries(sheet.data.items.map((i) => [i.memberId, { present: i.present, state: 'saved' }])));
  }, [sheet.data]);

  // Taps kept on this phone (offline, even across a reload) until the outbox has sent them.
  const onDevice = new Map<string, boolean>();
  for (const r of usePendingWrites(day ? attendanceUrl(id, day) : null)) {
    for (const item of (r.body as { items: { memberId: string; present: boolean }[] }).items) {
      onDevice.set(item.memberId, item.present);
    }
  }

  const save = async (memberId: string, present: boolean, name: string) => {
    const tap = (taps.current[memberId] ?? 0) + 1;
    taps.current[memberId] = tap;
    // When the tap happened, sent with every retry of it: the server keeps the newest tap.
    const markedAt = new Date().toISOString();
    const items = [{ memberId, present, markedAt }];
    const settle = (state: SaveState) => {
      if (taps.current[memberId] === tap) setMarks((m) => ({ ...m, [memberId]: { present, state } }));
    };
    setMarks((m) => ({ ...m, [memberId]: { present, state: navigator.onLine ? 'pending' : 'onDevice' } }));
    if (!navigator.onLine) {
      await keepAttendanceOnDevice(id, day!, name, items);
      return;
    }
    try {
      await putAttendance(id, day!, items);
      settle('saved');
    } catch (error) {
      if (error instanceof ApiError && error.status === 0) {
        await keepAttendanceOnDevice(id, day!, name, items);
        settle('onDevice');
      } else settle('failed');
    }
  };

  const items = sheet.data?.items ?? [];
  const markOf = (memberId: string, stored: boolean | null): Mark => {
    const tapped = marks[memberId];
    if (tapped?.state === 'pending' || tapped?.state === 'failed') return tapped;
    const kept = onDevice.get(memberId);
    if (kept !== undefined) return { present: kept, state: 'onDevice' };
    // Kept on the phone a moment ago and no longer in the outbox: it has arrived.
    if (tapped?.state === 'onDevice') return { ...tapped, state: 'saved' };
    return tapped ?? { present: stored, state: 'saved' };
  };
  const states = items.map((i) => markOf(i.memberId, i.present));
  const present = states.filter((m) => m.present).length;
  const unsaved = states.filter((m) => m.state !== 'saved').length;
  const shown = session.data && day ? { course: session.data.course, day } : undefined;
  return (
    <Loaded resource={{ data: shown, error: session.error }}>
      {({ course, day }) => (
        <>
          <p className="trail">
            <Link href={`/sessions/${id}`}>{localized(course.title, locale)}</Link>
          </p>
          <h1>{t('attendance.title')}</h1>
          {days.length > 1 ? (
            <p className="inline wrap" role="group" aria-label={t('attendance.day')}>
              {days.map((d) => (
                <button
                  key={d}
                  type="button"
                  className={d === day ? undefined : 'secondary'}
                  aria-pressed={d === day}
                  disabled={d > localToday()}
                  onClick={() => setChosen(d)}
                >
                  {formatDate(d, locale)}
                </button>
              ))}
            </p>
          ) : (
            <p>{formatDate(day, locale)}</p>
          )}
          <p role="status" className={unsaved ? 'attendance-status pending' : 'attendance-status saved'}>
            {t('attendance.count', { present, total: items.length })} ·{' '}
            {unsaved ? t('attendance.unsaved', { count: unsaved }) : t('attendance.allSaved')}
          </p>
          <ul className="attendance-grid" aria-label={t('attendance.title')}>
            {items.map((i) => {
              const mark = markOf(i.memberId, i.present);
              return (
                <li key={i.memberId}>
                  <button
                    type="button"
                    className={`attendance-toggle ${mark.present ? 'present' : ''}`}
                    aria-pressed={mark.present === true}
                    data-state={mark.state}
                    onClick={() => void save(i.memberId, !mark.present, i.name)}
                  >
                    <span className="name">{i.name}</span>
                    <span className="small">
                      {mark.present === null
                        ? t('attendance.unmarked')
                        : `${mark.present ? t('attendance.present') : t('attendance.absent')} · ${t(`attendance.${mark.state}`)}`}
                    </span>
                  </button>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </Loaded>
  );
}
