import { useId, useState, type FormEvent } from 'react';
import { dhis2ServerBody, type Dhis2PushAnswer, type Dhis2ServerAnswer } from '../../../../shared/schemas/dhis2';
import { Field, useFormState } from '../../../components/form';
import { useI18n } from '../../../i18n/i18n';
import { ApiError } from '../../../lib/http';
import { problemText } from '../../../lib/problem-text';
import { dataValueSetUrl, pushToDhis2, putDhis2Server } from '../api/dhis2';

/** The program's DHIS2 server: its address and account; the stored secret is never shown, only that there is one. */
export function Dhis2Server({
  programId,
  server,
  onSaved,
}: {
  programId: string;
  server: Dhis2ServerAnswer;
  onSaved: () => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const [baseUrl, setBaseUrl] = useState(server.baseUrl ?? '');
  const [auth, setAuth] = useState(server.auth);
  const [username, setUsername] = useState(server.username);
  const [secret, setSecret] = useState('');
  const [timeout, setTimeoutSeconds] = useState(String(server.timeoutSeconds));
  const [saved, setSaved] = useState(false);
  const form = useFormState<Dhis2ServerAnswer>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const body = {
      baseUrl: baseUrl.trim(),
      auth,
      username: username.trim(),
      ...(secret ? { secret } : {}),
      timeoutSeconds: Number(timeout),
    };
    if (await form.submit(dhis2ServerBody, body, async () => void (await putDhis2Server(programId, body)))) {
      setSecret('');
      setSaved(true);
      onSaved();
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label={t('impact.dhis2.server')}>
      <h3>{t('impact.dhis2.server')}</h3>
      <Field label={t('impact.dhis2.baseUrl')} name={`${id}-url`} error={form.errors.baseUrl}>
        {(p) => <input {...p} type="url" value={baseUrl} onChange={(e) => setBaseUrl(e.target.value)} />}
      </Field>
      <Field label={t('impact.dhis2.auth')} name={`${id}-auth`} error={form.errors.auth}>
        {(p) => (
          <select {...p} value={auth} onChange={(e) => setAuth(e.target.value as 'basic' | 'token')}>
            <option value="basic">{t('impact.dhis2.auth.basic')}</option>
            <option value="token">{t('impact.dhis2.auth.token')}</option>
          </select>
        )}
      </Field>
      {auth === 'basic' ? (
        <Field label={t('impact.dhis2.username')} name={`${id}-user`} error={form.errors.username}>
          {(p) => <input {...p} autoComplete="off" value={username} onChange={(e) => setUsername(e.target.value)} />}
        </Field>
      ) : null}
      <Field
        label={t('impact.dhis2.secret')}
        name={`${id}-secret`}
        error={form.errors.secret}
        {...(server.hasSecret ? { hint: t('impact.dhis2.secretStored') } : {})}
      >
        {(p) => (
          <input
            {...p}
            type="password"
            autoComplete="new-password"
            value={secret}
            onChange={(e) => setSecret(e.target.value)}
          />
        )}
      </Field>
      <Field label={t('impact.dhis2.timeout')} name={`${id}-timeout`} error={form.errors.timeoutSeconds}>
        {(p) => (
          <input {...p} inputMode="numeric" value={timeout} onChange={(e) => setTimeoutSeconds(e.target.value)} />
        )}
      </Field>
      <button type="submit" disabled={form.busy}>
        {t('impact.dhis2.saveServer')}
      </button>
      {saved ? (
        <p role="status" className="small">
          {t('impact.dhis2.serverSaved')}
        </p>
      ) : null}
    </form>
  );
}

/** DHIS2's import summary: its status, the counts, and each conflict with its message. */
export function ImportSummaryView({ push }: { push: Dhis2PushAnswer }) {
  const { t } = useI18n();
  return (
    <div>
      <p>
        {t('impact.dhis2.result', {
          status: push.status,
          imported: push.importCount.imported,
          updated: push.importCount.updated,
          ignored: push.importCount.ignored,
          deleted: push.importCount.deleted,
        })}
      </p>
      {push.conflicts.length ? (
        <>
          <p className="small">{t('impact.dhis2.conflicts')}</p>
          <ul className="small">
            {push.conflicts.map((c, i) => (
              <li key={i}>
                <code>{c.object}</code>: {c.value}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}

/** Sends a period's values to DHIS2 and shows what DHIS2 answered, or why it could not. */
export function Dhis2PushForm({ programId, onPushed }: { programId: string; onPushed: () => void }) {
  const { t } = useI18n();
  const id = useId();
  const [period, setPeriod] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Dhis2PushAnswer | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setResult(null);
    setRefusal(null);
    try {
      setResult(await pushToDhis2(programId, period.trim()));
      onPushed();
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      setRefusal(problemText(error.problem, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label={t('impact.dhis2.push')}>
      <h3>{t('impact.dhis2.push')}</h3>
      <Field label={t('impact.dhis2.period')} name={`${id}-period`} hint={t('impact.dhis2.periodHint')}>
        {(p) => <input {...p} value={period} onChange={(e) => setPeriod(e.target.value)} />}
      </Field>
      <button type="submit" disabled={busy || !period.trim()}>
        {t('impact.dhis2.push')}
      </button>{' '}
      {period.trim() ? (
        <a href={dataValueSetUrl(programId, period.trim())} download={`dataValueSets-${period.trim()}.json`}>
          {t('impact.dhis2.download')}
        </a>
      ) : null}
      {refusal ? (
        <p className="error" role="alert">
          {refusal}
        </p>
      ) : null}
      {result ? (
        <div role="status">
          <ImportSummaryView push={result} />
        </div>
      ) : null}
    </form>
  );
}
