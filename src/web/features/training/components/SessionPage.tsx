import { Link } from 'wouter';
import { Loaded } from '../../../components/Loaded';
import { useI18n } from '../../../i18n/i18n';
import { formatDate } from '../../../lib/format';
import { useResource } from '../../../lib/use-resource';
import { certificatePdfUrl } from '../api/certificates';
import { cancelEnrolment, enrolmentsUrl, listEnrolments } from '../api/enrolments';
import { getSession } from '../api/sessions';
import { localized } from '../../../../shared/localized';
import { usePendingWrites } from '../../offline';
import { EnrolForm } from './EnrolForm';
import { TopicLabel } from './TopicLabel';

/** One session: where and when, who is enrolled or waiting, their progress and certificates. */
export default function SessionPage({ id }: { id: string }) {
  const { t, locale } = useI18n();
  const session = useResource(`session-${id}`, (signal) => getSession(id, signal));
  const enrolments = useResource(`enrolments-${id}`, (signal) => listEnrolments(id, signal));
  // Enrolments kept on this phone, shown until they arrive.
  const pending = usePendingWrites(enrolmentsUrl(id));
  const reload = () => {
    session.reload();
    enrolments.reload();
  };
  return (
    <Loaded resource={session}>
      {(s) => (
        <>
          <p className="trail">
            <Link href="/training">{t('training.title')}</Link>
          </p>
          <h1>{localized(s.course.title, locale)}</h1>
          <p>
            <TopicLabel topic={s.course.topic} /> · {formatDate(s.startsOn, locale)} – {formatDate(s.endsOn, locale)}
          </p>
          <p className="muted">
            {s.address}, {s.area.name} · {t('training.trainer')}: {s.trainer.name}
          </p>
          <p>
            {t('training.places', { enrolled: s.enrolled, capacity: s.capacity })}
            {s.waitlisted ? ` · ${t('training.waitlistCount', { count: s.waitlisted })}` : ''}
            {s.status === 'cancelled' ? <strong> · {t('training.cancelled')}</strong> : null}
          </p>
          {s.abilities.markAttendance && s.status === 'scheduled' ? (
            <p>
              <Link href={`/sessions/${id}/attendance`} className="button">
                {t('attendance.open')}
              </Link>
            </p>
          ) : null}
          <section className="panel" aria-labelledby="participants-title">
            <h2 id="participants-title">{t('training.participants')}</h2>
            {enrolments.data?.items.length === 0 && !pending.length ? (
              <p className="muted">{t('training.noParticipants')}</p>
            ) : null}
            <ul className="rows">
              {enrolments.data?.items.map((e) => (
                <li key={e.id} className="row-static">
                  <span>
                    {e.member.name} <span className="badge">{t(`enrolment.${e.status}`)}</span>
                  </span>
                  <span className="muted small">
                    {e.group.name} · {t('training.attendancePercent', { percent: e.attendancePercent })}
                    {e.postTestPercent === null
                      ? ''
                      : ` · ${t('training.postTestPercent', { percent: e.postTestPercent })}`}
                  </span>
                  <span className="inline wrap small">
                    {e.certificateId ? (
                      <a href={certificatePdfUrl(e.certificateId)} target="_blank" rel="noreferrer">
                        {t('training.certificate')}
                      </a>
                    ) : null}
                    {e.abilities.recordTest && e.status === 'enrolled' && s.status === 'scheduled' ? (
                      <Link href={`/sessions/${id}/tests/post/${e.id}`}>{t('test.take')}</Link>
                    ) : null}
                    {e.abilities.withdraw && e.status !== 'cancelled' && s.status === 'scheduled' ? (
                      <button
                        type="button"
                        className="link"
                        onClick={() => void cancelEnrolment(id, e.id).then(reload)}
                      >
                        {t('training.cancelEnrolment')}
                      </button>
                    ) : null}
                  </span>
                </li>
              ))}
              {pending.map((r) => (
                <li key={r.clientId} className="row-static" data-testid="pending-enrolment">
                  <span>{r.label}</span>
                  <span className="muted small">{t(`outbox.state.${r.state}`)}</span>
                </li>
              ))}
            </ul>
            {s.abilities.enrol && s.status === 'scheduled' ? <EnrolForm session={s} onEnrolled={reload} /> : null}
          </section>
        </>
      )}
    </Loaded>
  );
}
