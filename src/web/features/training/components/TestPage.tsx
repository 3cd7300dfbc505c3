import { useState, type FormEvent } from 'react';
import { Link } from 'wouter';
import { Loaded } from '../../../components/Loaded';
import { useI18n } from '../../../i18n/i18n';
import { useResource } from '../../../lib/use-resource';
import { listEnrolments } from '../api/enrolments';
import { getSessionTest, recordTestAttempt } from '../api/session-tests';
import { localized } from '../../../../shared/localized';
import type { TestAttemptAnswer } from '../../../../shared/schemas/training';

/** A participant's pre- or post-test on a phone: one choice per question, scored by the server. */
export default function TestPage(props: { id: string; kind: 'pre' | 'post'; enrolmentId: string }) {
  const { t, locale } = useI18n();
  const test = useResource(`test-${props.id}-${props.kind}`, (signal) => getSessionTest(props.id, props.kind, signal));
  const enrolments = useResource(`enrolments-${props.id}`, (signal) => listEnrolments(props.id, signal));
  const participant = enrolments.data?.items.find((e) => e.id === props.enrolmentId);
  const [answers, setAnswers] = useState<(number | null)[]>([]);
  const [attemptId] = useState(() => crypto.randomUUID());
  const [result, setResult] = useState<TestAttemptAnswer | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent, questionCount: number) => {
    event.preventDefault();
    setBusy(true);
    try {
      const sent = Array.from({ length: questionCount }, (_, i) => answers[i] ?? null);
      setResult(await recordTestAttempt(props.id, props.enrolmentId, props.kind, { id: attemptId, answers: sent }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Loaded resource={test} notFound={<p className="muted">{t('test.none')}</p>}>
      {({ questions }) => (
        <>
          <p className="trail">
            <Link href={`/sessions/${props.id}`}>{t('test.back')}</Link>
          </p>
          <h1>{t(props.kind === 'pre' ? 'test.pre' : 'test.post')}</h1>
          {participant ? <p>{participant.member.name}</p> : null}
          {result ? (
            <p className="panel" role="status">
              {t('test.score', { correct: result.correct, total: result.total, percent: result.percent })}
            </p>
          ) : (
            <form onSubmit={(e) => void submit(e, questions.length)}>
              {questions.map((q, i) => (
                <fieldset key={i} className="criterion">
                  <legend>
                    {i + 1}. {localized(q.text, locale)}
                  </legend>
                  {q.choices.map((c, j) => (
                    <label key={j} className="choice">
                      <input
                        type="radio"
                        name={`q${i}`}
                        checked={answers[i] === j}
                        onChange={() => setAnswers((a) => Object.assign([...a], { [i]: j }))}
                      />
                      <span>{localized(c, locale)}</span>
                    </label>
                  ))}
                </fieldset>
              ))}
              <button type="submit" disabled={busy}>
                {t('test.submit')}
              </button>
            </form>
          )}
        </>
      )}
    </Loaded>
  );
}
