import { useState, type FormEvent } from 'react';
import { Link } from 'wouter';
import { MAX_SANCTION_HOURS, sanctionBody, type ReportQueue } from '../../../../shared/schemas/community-moderation';
import { Field, useFormState } from '../../../components/form';
import { Loaded } from '../../../components/Loaded';
import { useI18n } from '../../../i18n/i18n';
import { formatDate } from '../../../lib/format';
import { useResource } from '../../../lib/use-resource';
import {
  imposeSanction,
  liftSanction,
  listModerationLog,
  listReports,
  listSanctions,
  resolveReports,
} from '../api/moderation';
import { intlLocale } from '../../../../shared/languages';

type Item = ReportQueue['items'][number];

/** The lengths a moderator picks from (hours): a day, three days, a week, a month. */
const DURATIONS = [24, 72, 168, 720] as const;

/** Mute (reads, does not post) or suspend (reads nothing) the post's author for a time, with a reason. */
function SanctionForm({
  programId,
  author,
  onDone,
}: {
  programId: string;
  author: Item['post']['author'];
  onDone: () => void;
}) {
  const { t } = useI18n();
  const form = useFormState();
  const [kind, setKind] = useState<'mute' | 'suspend'>('mute');
  const [hours, setHours] = useState<number>(DURATIONS[0]);
  const [reason, setReason] = useState('');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = { userId: author.id, kind, hours, reason };
    const ok = await form.submit(sanctionBody, body, async () => {
      await imposeSanction(programId, body);
    });
    if (ok) onDone();
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label={t('moderation.sanctionOf', { name: author.name })}>
      <Field label={t('moderation.kind')} name="sanction-kind" error={form.errors.kind}>
        {(p) => (
          <select {...p} value={kind} onChange={(e) => setKind(e.target.value as 'mute' | 'suspend')}>
            <option value="mute">{t('moderation.mute')}</option>
            <option value="suspend">{t('moderation.suspend')}</option>
          </select>
        )}
      </Field>
      <Field label={t('moderation.duration')} name="sanction-hours" error={form.errors.hours}>
        {(p) => (
          <select {...p} value={hours} onChange={(e) => setHours(Number(e.target.value))}>
            {DURATIONS.filter((h) => h <= MAX_SANCTION_HOURS).map((h) => (
              <option key={h} value={h}>
                {t('moderation.days', { count: h / 24 })}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('moderation.reason')} name="sanction-reason" error={form.errors.reason}>
        {(p) => <input {...p} value={reason} onChange={(e) => setReason(e.target.value)} />}
      </Field>
      <button type="submit" disabled={form.busy}>
        {t(kind === 'mute' ? 'moderation.mute' : 'moderation.suspend')}
      </button>
    </form>
  );
}

function ReportedPost({ programId, item, onChanged }: { programId: string; item: Item; onChanged: () => void }) {
  const { t, locale } = useI18n();
  const [sanctioning, setSanctioning] = useState(false);
  const resolve = (action: 'hide' | 'dismiss') => void resolveReports(item.post.id, action).then(onChanged);
  return (
    <li className="card" aria-label={item.thread.title}>
      <div className="muted">
        <Link href={`/threads/${item.thread.id}`}>{item.thread.title}</Link> ·{' '}
        {item.space.name[locale] ?? item.space.name.id} · <strong>{item.post.author.name}</strong>
        {item.post.hidden ? ` · ${t('spaces.hidden')}` : ''}
      </div>
      <p style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{item.post.body}</p>
      <p className="muted small">{t('spaces.reports', { count: item.reports.length })}</p>
      <ul className="small">
        {item.reports.map((r, i) => (
          <li key={i}>
            {formatDate(r.createdAt, locale)}: {r.reason || t('moderation.noReason')}
          </li>
        ))}
      </ul>
      <div className="actions">
        {item.post.hidden ? null : (
          <>
            <button type="button" onClick={() => resolve('hide')}>
              {t('moderation.hide')}
            </button>{' '}
          </>
        )}
        <button type="button" className="secondary" onClick={() => resolve('dismiss')}>
          {t('moderation.dismiss')}
        </button>{' '}
        <button type="button" className="link" aria-expanded={sanctioning} onClick={() => setSanctioning(!sanctioning)}>
          {t('moderation.sanction')}
        </button>
      </div>
      {sanctioning ? (
        <SanctionForm
          programId={programId}
          author={item.post.author}
          onDone={() => {
            setSanctioning(false);
            onChanged();
          }}
        />
      ) : null}
    </li>
  );
}

/** The moderators' screen: open reports grouped by post (hide or dismiss, mute or suspend the author) and who is muted or suspended. */
export default function ReportsPage({ programId }: { programId: string }) {
  const { t, locale } = useI18n();
  const reports = useResource(`reports-${programId}`, (signal) => listReports(programId, signal));
  const sanctions = useResource(`sanctions-${programId}`, (signal) => listSanctions(programId, signal));
  const log = useResource(`moderation-log-${programId}`, (signal) => listModerationLog(programId, signal));
  const reload = () => {
    reports.reload();
    sanctions.reload();
    log.reload();
  };
  return (
    <section className="panel">
      <p>
        <Link href="/spaces">← {t('nav.spaces')}</Link>
      </p>
      <h1>{t('moderation.title')}</h1>
      <Loaded resource={reports}>
        {(data) =>
          data.items.length === 0 ? (
            <p className="muted">{t('moderation.noReports')}</p>
          ) : (
            <ul className="stack">
              {data.items.map((item) => (
                <ReportedPost key={item.post.id} programId={programId} item={item} onChanged={reload} />
              ))}
            </ul>
          )
        }
      </Loaded>
      <h2>{t('moderation.inForce')}</h2>
      <Loaded resource={sanctions}>
        {(data) =>
          data.items.length === 0 ? (
            <p className="muted">{t('moderation.noneInForce')}</p>
          ) : (
            <ul className="rows">
              {data.items.map((s) => (
                <li key={s.id}>
                  <div className="row-static">
                    <span>
                      <strong>{s.user.name}</strong> ·{' '}
                      {t(s.kind === 'mute' ? 'moderation.muted' : 'moderation.suspended')} ·{' '}
                      {t('moderation.until', { date: new Date(s.endsAt).toLocaleString(intlLocale(locale)) })} ·{' '}
                      {s.reason}
                    </span>
                    <button
                      type="button"
                      className="secondary small"
                      onClick={() => void liftSanction(s.id).then(reload)}
                    >
                      {t('moderation.lift')}
                    </button>
                  </div>
                </li>
              ))}
            </ul>
          )
        }
      </Loaded>
      <h2>{t('moderation.log')}</h2>
      <Loaded resource={log}>
        {(data) =>
          data.items.length === 0 ? (
            <p className="muted">{t('moderation.logEmpty')}</p>
          ) : (
            <ul className="stack" aria-label={t('moderation.log')}>
              {data.items.map((entry) => (
                <li key={entry.id} style={{ overflowWrap: 'anywhere' }}>
                  <span className="muted small">{new Date(entry.createdAt).toLocaleString(intlLocale(locale))}</span>
                  <div>
                    {t(`moderation.action.${entry.action}`, {
                      actor: entry.actor.name,
                      member: entry.user?.name ?? '',
                    })}
                    {entry.thread ? (
                      <>
                        {' · '}
                        <Link href={`/threads/${entry.thread.id}`}>{entry.thread.title}</Link>
                      </>
                    ) : null}
                    {entry.reason ? ` · ${entry.reason}` : ''}
                  </div>
                </li>
              ))}
            </ul>
          )
        }
      </Loaded>
    </section>
  );
}
