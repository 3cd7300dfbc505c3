import { useEffect, useState, type FormEvent } from 'react';
import { Link } from 'wouter';
import {
  appealBody,
  decideAppealBody,
  scoresBody,
  type AppealAnswer,
  type AssessmentAnswer,
  type ScoresBody,
} from '../../../../shared/schemas/quality';
import { useSession } from '../../platform';
import { Field, useFormState } from '../../../components/form';
import { useConfirm } from '../../../components/ConfirmDialog';
import { useUnsavedValues } from '../../../components/use-unsaved-guard';
import { Loaded } from '../../../components/Loaded';
import { useI18n } from '../../../i18n/i18n';
import { formatDate } from '../../../lib/format';
import { both, useResource } from '../../../lib/use-resource';
import { Stars } from '../../../components/Stars';
import { SavedOnDevice, usePendingRecord } from '../../offline';
import {
  decideAppeal,
  fileAppeal,
  finaliseAssessment,
  getAssessment,
  recordScores,
  scoresKey,
} from '../api/assessments';
import { getScheme, type SchemeDefinition } from '../api/schemes';
import { CriterionEvidence } from './CriterionEvidence';
import { SchemeView, useText } from './SchemeView';

type Draft = Record<string, { points: string; comment: string }>;

/**
 * One radio group per criterion, grouped by part; a comment each. Sends the panel scores (or the
 * self-assessment) through the outbox: without a network they are kept on the phone.
 */
function ScoringForm({
  assessment,
  definition,
  self,
  onSaved,
}: {
  assessment: AssessmentAnswer;
  definition: SchemeDefinition;
  /** The group's own self-assessment instead of the panel's scores. */
  self: boolean;
  onSaved: (a: AssessmentAnswer) => void;
}) {
  const { t, locale } = useI18n();
  const { me } = useSession();
  const text = useText();
  const [draft, setDraft] = useState<Draft>(() =>
    Object.fromEntries(
      self
        ? (assessment.selfAssessment?.scores ?? []).map((s) => [s.criterion, { points: String(s.points), comment: '' }])
        : assessment.panelScores
            .filter((s) => s.assessorId === me.id)
            .map((s) => [s.criterion, { points: String(s.points), comment: s.comment ?? '' }]),
    ),
  );
  const form = useFormState<AssessmentAnswer>();
  const { markClean } = useUnsavedValues(draft);
  const [queued, setQueued] = useState(false);
  // Scores kept on this phone and not sent yet are what the form shows, not the older ones read.
  const pending = usePendingRecord(scoresKey(assessment.id, self ? 'self' : 'panel', me.id));
  const [adopted, setAdopted] = useState(false);
  useEffect(() => {
    if (!pending || adopted) return;
    setAdopted(true);
    const kept = (pending.body as ScoresBody).scores;
    setDraft(
      Object.fromEntries(kept.map((s) => [s.criterion, { points: String(s.points), comment: s.comment ?? '' }])),
    );
    markClean();
  }, [pending, adopted, markClean]);
  const [missing, setMissing] = useState<string[]>([]);
  const [evidence, setEvidence] = useState(assessment.evidence);
  const criteria = definition.parts.flatMap((p) => p.criteria);
  const update = (code: string, patch: Partial<Draft[string]>) => {
    setDraft({ ...draft, [code]: { points: '', comment: '', ...draft[code], ...patch } });
    if (patch.points) setMissing(missing.filter((m) => m !== code));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const unscored = criteria.filter((c) => !draft[c.code]?.points).map((c) => c.code);
    setMissing(unscored);
    if (unscored.length) return;
    const body = {
      version: assessment.version,
      scores: criteria.map((c) => {
        const d = draft[c.code]!;
        const comment = d.comment.trim();
        return { criterion: c.code, points: Number(d.points), ...(comment ? { comment } : {}) };
      }),
    };
    const label = `${t('assess.heading', { year: assessment.year })} · ${formatDate(assessment.assessedOn, locale)}`;
    await form.submit(scoresBody, body, async () => {
      const saved = await recordScores(assessment.id, self ? 'self' : 'panel', me.id, label, body);
      markClean();
      setQueued(saved.queued);
      if (!saved.queued) onSaved(saved.data);
    });
  };

  return (
    <form
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-label={self ? t('assess.selfForm') : t('assess.scoreForm')}
      className="scoring"
    >
      {definition.parts.map((part) => (
        <section key={part.code} className="panel" aria-labelledby={`part-${part.code}`}>
          <h2 id={`part-${part.code}`}>{text(part.name)}</h2>
          {part.criteria.map((c) => {
            const id = `${self ? 'self-' : ''}${c.code.replace(/[^\w-]/g, '-')}`;
            const error = missing.includes(c.code)
              ? t('assess.chooseLevel')
              : (form.errors[`scores.${criteria.indexOf(c)}.points`] ?? form.errors[`scores.${c.code}`]);
            return (
              <fieldset key={c.code} className="criterion" aria-describedby={error ? `err-${id}` : undefined}>
                <legend>
                  {text(c.name)} <span className="muted small">({t('scheme.weight', { weight: c.weight })})</span>
                </legend>
                {c.levels.map((l) => (
                  <label key={l.points} className="choice level">
                    <input
                      type="radio"
                      name={`level-${id}`}
                      value={l.points}
                      checked={draft[c.code]?.points === String(l.points)}
                      onChange={() => update(c.code, { points: String(l.points) })}
                    />
                    <span>
                      <strong>{l.points}</strong> — {text(l.descriptor)}
                    </span>
                  </label>
                ))}
                {error ? (
                  <small id={`err-${id}`} className="error" role="alert">
                    {error}
                  </small>
                ) : null}
                {self ? null : (
                  <>
                    <Field label={t('assess.comment', { name: text(c.name) })} name={`comment-${id}`}>
                      {(p) => (
                        <textarea
                          {...p}
                          rows={2}
                          value={draft[c.code]?.comment ?? ''}
                          onChange={(e) => update(c.code, { comment: e.target.value })}
                        />
                      )}
                    </Field>
                    <CriterionEvidence
                      assessmentId={assessment.id}
                      criterion={c.code}
                      name={text(c.name)}
                      evidence={evidence.filter((e) => e.criterion === c.code)}
                      mayAdd={assessment.abilities.addEvidence}
                      onAdded={(e) => setEvidence((list) => [...list, e])}
                    />
                  </>
                )}
              </fieldset>
            );
          })}
        </section>
      ))}
      {missing.length ? (
        <p className="error" role="alert">
          {t('assess.missing', { count: missing.length })}
        </p>
      ) : null}
      {form.errors.scores ? (
        <p className="error" role="alert">
          {form.errors.scores}
        </p>
      ) : null}
      <button type="submit" disabled={form.busy}>
        {self ? t('assess.submitSelf') : t('assess.submitScores')}
      </button>
      {queued || pending ? <SavedOnDevice /> : null}
    </form>
  );
}

/** The computed result: points per criterion and part, total, stars, gates, validity. */
function ResultView({ assessment, definition }: { assessment: AssessmentAnswer; definition: SchemeDefinition }) {
  const { t, locale } = useI18n();
  const text = useText();
  const result = assessment.result;
  if (!result) return null;
  const byCode = new Map(result.criteria.map((c) => [c.code, c]));
  const round = (n: number) => Math.round(n * 100) / 100;
  const gateName = (code: string) => text(definition.gates.find((g) => g.code === code)?.name) || code;
  return (
    <section className="panel" aria-labelledby="result-title" data-testid="result">
      <h2 id="result-title">{t('assess.result')}</h2>
      <p className="total">
        <span data-testid="result-stars">
          {assessment.stars !== null ? <Stars stars={assessment.stars} /> : t('assess.noStars')}
        </span>
        <br />
        {t('assess.total', { points: round(result.points), max: round(result.maxPoints), percent: result.percent })}
      </p>
      <p>{t(`outcome.${result.outcome}`)}</p>
      {assessment.validUntil ? (
        <p>{t('assess.validUntil', { date: formatDate(assessment.validUntil, locale) })}</p>
      ) : null}
      {result.scoreStars !== null && assessment.stars !== null && result.scoreStars > assessment.stars ? (
        <p className="small">{t('assess.capped', { stars: result.scoreStars, tier: result.tierMaxStars })}</p>
      ) : null}
      {definition.parts.map((part) => {
        const rows = part.criteria.map((c) => ({ c, r: byCode.get(c.code) }));
        const sum = rows.reduce((a, x) => a + (x.r?.points ?? 0), 0);
        const max = part.criteria.reduce((a, c) => a + c.weight, 0);
        return (
          <table key={part.code} className="breakdown">
            <caption>
              {text(part.name)} — {round(sum)} / {round(max)}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('assess.criterion')}</th>
                <th scope="col">{t('assess.points')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map(({ c, r }) => (
                <tr key={c.code}>
                  <th scope="row">{text(c.name)}</th>
                  <td>
                    {round(r?.points ?? 0)} / {c.weight}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        );
      })}
      {result.gates.length ? (
        <>
          <h3>{t('scheme.gates')}</h3>
          <ul className="checks">
            {result.gates.map((g) => (
              <li key={g.code} className="check">
                <span className={g.ok ? 'mark ok' : 'mark fail'} aria-hidden="true">
                  {g.ok ? '✔' : '✘'}
                </span>
                <span>
                  {gateName(g.code)} —{' '}
                  {g.ok
                    ? t('gate.passed')
                    : g.effect === 'block'
                      ? t('gate.blocked')
                      : t('gate.capped', { stars: g.maxStars ?? 0 })}
                </span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

function AppealForm({ assessment, onFiled }: { assessment: AssessmentAnswer; onFiled: () => void }) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const form = useFormState();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = { reason: reason.trim() };
    await form.submit(appealBody, body, async () => {
      await fileAppeal(assessment.id, body.reason);
      onFiled();
    });
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label={t('appeal.file')}>
      <Field label={t('appeal.reason')} name="appeal-reason" error={form.errors.reason}>
        {(p) => <textarea {...p} rows={3} value={reason} onChange={(e) => setReason(e.target.value)} />}
      </Field>
      <button type="submit" disabled={form.busy}>
        {t('appeal.file')}
      </button>
    </form>
  );
}

function DecisionForm({
  assessment,
  appeal,
  onDecided,
}: {
  assessment: AssessmentAnswer;
  appeal: AppealAnswer;
  onDecided: () => void;
}) {
  const { t } = useI18n();
  const [decision, setDecision] = useState<'upheld' | 'rejected'>('rejected');
  const [note, setNote] = useState('');
  const form = useFormState();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = { decision, note: note.trim() };
    await form.submit(decideAppealBody, body, async () => {
      await decideAppeal(assessment.id, appeal.id, body);
      onDecided();
    });
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label={t('appeal.decide')}>
      <fieldset>
        <legend>{t('appeal.decision')}</legend>
        {(['upheld', 'rejected'] as const).map((d) => (
          <label key={d} className="choice">
            <input
              type="radio"
              name={`decision-${appeal.id}`}
              checked={decision === d}
              onChange={() => setDecision(d)}
            />
            {t(`appeal.${d}`)}
          </label>
        ))}
      </fieldset>
      <Field label={t('appeal.note')} name={`note-${appeal.id}`} error={form.errors.note}>
        {(p) => <textarea {...p} rows={3} value={note} onChange={(e) => setNote(e.target.value)} />}
      </Field>
      <button type="submit" disabled={form.busy}>
        {t('appeal.decide')}
      </button>
    </form>
  );
}

/** The appeals filed, a decision on the pending one and a new appeal, as the assessment's abilities allow. */
function AppealsSection({ assessment, onChanged }: { assessment: AssessmentAnswer; onChanged: () => void }) {
  const { t, locale } = useI18n();
  const { appeal, decideAppeal } = assessment.abilities;
  if (!assessment.appeals.length && !appeal) return null;
  return (
    <section className="panel" aria-labelledby="appeals-title">
      <h2 id="appeals-title">{t('appeal.title')}</h2>
      <ul className="rows">
        {assessment.appeals.map((a) => (
          <li key={a.id} className="row-static">
            <span className="muted small">{formatDate(a.filedAt, locale)}</span>
            <span>{a.reason}</span>
            {a.decision ? (
              <strong>
                {t(`appeal.${a.decision}`)}: {a.note}
              </strong>
            ) : decideAppeal ? (
              <DecisionForm assessment={assessment} appeal={a} onDecided={onChanged} />
            ) : (
              <span className="muted">{t('appeal.pending')}</span>
            )}
          </li>
        ))}
      </ul>
      {appeal ? <AppealForm assessment={assessment} onFiled={onChanged} /> : null}
    </section>
  );
}

export default function AssessmentPage({ id }: { id: string }) {
  const { t, locale } = useI18n();
  const [tick, setTick] = useState(0);
  const [current, setCurrent] = useState<AssessmentAnswer | null>(null);
  const [saved, setSaved] = useState(false);
  const confirm = useConfirm();
  const loaded = useResource(`assessment-${id}-${tick}`, (signal) => getAssessment(id, signal));
  const record = current ?? loaded.data;
  const scheme = useResource(record ? `scheme-${record.schemeId}` : null, (signal) =>
    getScheme(record!.schemeId, signal),
  );
  const reload = () => {
    setCurrent(null);
    setTick((n) => n + 1);
  };
  return (
    <Loaded resource={both({ data: record, error: loaded.error }, scheme)}>
      {([assessment, { definition }]) => {
        const may = assessment.abilities;
        const finalise = async () => {
          const sure = await confirm.ask({
            title: t('assess.finaliseConfirm.title'),
            body: <p>{t('assess.finaliseConfirm.body')}</p>,
            confirm: t('assess.finalise'),
          });
          if (sure) setCurrent(await finaliseAssessment(assessment.id, assessment.version));
        };
        const scored = new Set(assessment.panelScores.map((s) => s.criterion));
        const allScored = definition.parts.every((p) => p.criteria.every((c) => scored.has(c.code)));
        return (
          <>
            <p>
              <Link href={`/products/${assessment.productId}`}>← {t('assess.backToProduct')}</Link>
            </p>
            <h1>{t('assess.heading', { year: assessment.year })}</h1>
            <p className="muted">
              {t(`tier.${assessment.panelTier}`)} · {formatDate(assessment.assessedOn, locale)} ·{' '}
              <strong data-testid="assessment-status">{t(`assessStatus.${assessment.status}`)}</strong>
            </p>
            <SchemeView definition={definition} />
            {assessment.status === 'open' ? (
              <>
                {definition.selfAssessmentRequired && !assessment.selfAssessment ? (
                  <p className="panel warning">{t('assess.awaitingSelf')}</p>
                ) : null}
                {may.selfAssess ? (
                  <ScoringForm
                    key={`self-${assessment.version}`}
                    self
                    assessment={assessment}
                    definition={definition}
                    onSaved={(a) => {
                      setCurrent(a);
                      setSaved(true);
                    }}
                  />
                ) : null}
                {may.score ? (
                  <ScoringForm
                    key={assessment.version}
                    self={false}
                    assessment={assessment}
                    definition={definition}
                    onSaved={(a) => {
                      setCurrent(a);
                      setSaved(true);
                    }}
                  />
                ) : null}
                {saved ? <p role="status">{t('assess.scoresSaved')}</p> : null}
                {may.finalise ? (
                  <section className="panel">
                    <p className="small">{allScored ? t('assess.readyToFinalise') : t('assess.notAllScored')}</p>
                    <button type="button" disabled={!allScored} onClick={() => void finalise()}>
                      {t('assess.finalise')}
                    </button>
                    {confirm.dialog}
                  </section>
                ) : null}
              </>
            ) : (
              <ResultView assessment={assessment} definition={definition} />
            )}
            <AppealsSection assessment={assessment} onChanged={reload} />
          </>
        );
      }}
    </Loaded>
  );
}
