import { Link } from 'wouter';
import { useSession } from '../../platform';
import { usePrograms } from '../../programs';
import { useI18n } from '../../../i18n/i18n';
import { formatDate } from '../../../lib/format';
import { useResource } from '../../../lib/use-resource';
import { listCourses } from '../api/courses';
import { listSessions } from '../api/sessions';
import { localized } from '../../../../shared/localized';
import type { SessionAnswer } from '../../../../shared/schemas/training';
import { CertificateSettingsSection } from './CertificateSettingsSection';
import { CourseForm } from './CourseForm';
import { SessionForm } from './SessionForm';
import { TopicLabel } from './TopicLabel';
import { TrainingSummaryTable } from './TrainingSummaryTable';
import { intlLocale } from '../../../../shared/languages';

/** Sessions grouped by the month they start in: a calendar that fits a phone. */
function byMonth(sessions: SessionAnswer[]) {
  const months = new Map<string, SessionAnswer[]>();
  for (const s of sessions) months.set(s.startsOn.slice(0, 7), [...(months.get(s.startsOn.slice(0, 7)) ?? []), s]);
  return [...months.entries()];
}

/** The program's training: its session calendar and its course catalog. */
export default function TrainingPage() {
  const { t, locale } = useI18n();
  const { me } = useSession();
  const { program } = usePrograms();
  const programId = program?.id ?? null;
  const sessions = useResource(programId && `sessions-${programId}`, (signal) =>
    listSessions({ programId: programId! }, signal),
  );
  const courses = useResource(programId && `courses-${programId}`, (signal) => listCourses(programId!, signal));
  // What the program's training offers the caller, as its lists answer it.
  const offered = sessions.data?.abilities;
  const monthName = (month: string) =>
    new Intl.DateTimeFormat(intlLocale(locale), { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
      new Date(`${month}-01T00:00:00Z`),
    );
  if (!program) return <p className="muted">{t('training.noProgram')}</p>;
  return (
    <>
      <h1>{t('training.title')}</h1>
      <section aria-labelledby="sessions-title">
        <h2 id="sessions-title">{t('training.sessions')}</h2>
        {sessions.data?.items.length === 0 ? <p className="muted">{t('training.noSessions')}</p> : null}
        {byMonth(sessions.data?.items ?? []).map(([month, list]) => (
          <div key={month}>
            <h3>{monthName(month)}</h3>
            <ul className="rows">
              {list.map((s) => (
                <li key={s.id}>
                  <Link href={`/sessions/${s.id}`} className="row-button">
                    <span>
                      {localized(s.course.title, locale)}
                      {s.status === 'cancelled' ? ` · ${t('training.cancelled')}` : ''}
                    </span>
                    <span className="muted small">
                      {formatDate(s.startsOn, locale)} – {formatDate(s.endsOn, locale)} · {s.area.name} ·{' '}
                      {t('training.places', { enrolled: s.enrolled, capacity: s.capacity })}
                    </span>
                  </Link>
                </li>
              ))}
            </ul>
          </div>
        ))}
        {offered?.planSession && courses.data ? (
          <SessionForm
            programId={program.id}
            courses={courses.data.items}
            userId={me.id}
            chooseTrainer={offered.planForAnyTrainer}
            onSaved={sessions.reload}
          />
        ) : null}
      </section>
      <section aria-labelledby="courses-title">
        <h2 id="courses-title">{t('training.courses')}</h2>
        <div className="grid">
          {courses.data?.items.map((c) => (
            <article key={c.id} className="card">
              <h3 className="card-title">{localized(c.title, locale)}</h3>
              <p className="small">
                <TopicLabel topic={c.topic} /> · {t('training.hours', { hours: c.durationHours })}
              </p>
              <p className="small muted">{localized(c.description, locale)}</p>
              <p className="small muted">
                {t('training.rule', {
                  attendance: c.completionRule.minAttendancePercent,
                  postTest: c.completionRule.minPostTestPercent,
                })}
              </p>
              {[...c.links, ...c.files].map((m) => (
                <p key={m.url} className="small">
                  <a href={m.url} target="_blank" rel="noreferrer">
                    {m.title}
                  </a>
                </p>
              ))}
            </article>
          ))}
        </div>
        {courses.data?.abilities.createCourse ? <CourseForm programId={program.id} onSaved={courses.reload} /> : null}
      </section>
      <section aria-labelledby="summary-title">
        <h2 id="summary-title">{t('training.trained')}</h2>
        <TrainingSummaryTable programId={program.id} />
      </section>
      {offered?.readCertificateSettings ? <CertificateSettingsSection programId={program.id} /> : null}
    </>
  );
}
