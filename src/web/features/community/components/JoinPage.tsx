import { useEffect, useState, type FormEvent } from 'react';
import { joinBody } from '../../../../shared/schemas/community';
import type { CommunityRulesAnswer } from '../../../../shared/schemas/community';
import { Field, useFormState } from '../../../components/form';
import { useI18n } from '../../../i18n/i18n';
import { AreaPicker } from '../../geography';
import { getCommunityRules, requestToJoin } from '../api/joins';

const TOPICS = ['packaging', 'marketing', 'bookkeeping', 'export', 'food_safety', 'product_design', 'selling_online'];

/** The public "join the community" page, phone first: who you are, your village, what you want to learn, the rules. */
export default function JoinPage({ programId }: { programId: string }) {
  const { t, locale } = useI18n();
  const [rules, setRules] = useState<CommunityRulesAnswer | null | 'none'>(null);
  const [sent, setSent] = useState(false);
  const [fields, setFields] = useState({ name: '', phone: '', email: '', areaCode: '', business: '' });
  const [topics, setTopics] = useState<string[]>([]);
  const [acceptRules, setAcceptRules] = useState(false);
  const [linkConsent, setLinkConsent] = useState(false);
  const form = useFormState();
  useEffect(() => {
    const controller = new AbortController();
    getCommunityRules(programId, controller.signal).then(setRules, () => setRules('none'));
    return () => controller.abort();
  }, [programId]);
  if (rules === null) return null;
  if (rules === 'none')
    return (
      <section className="panel narrow">
        <p role="alert">{t('join.closed')}</p>
      </section>
    );
  const set = (key: keyof typeof fields) => (value: string) => setFields((f) => ({ ...f, [key]: value }));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = {
      name: fields.name,
      ...(fields.phone ? { phone: fields.phone } : {}),
      ...(fields.email ? { email: fields.email } : {}),
      areaCode: fields.areaCode,
      business: fields.business,
      topics,
      locale,
      rulesVersion: rules.version,
      acceptRules,
      linkConsent,
    };
    const ok = await form.submit(joinBody, body, async () => {
      await requestToJoin(programId, joinBody.parse(body));
    });
    if (ok) setSent(true);
  };
  const rulesText = rules.text[locale] ?? rules.text.id ?? Object.values(rules.text)[0] ?? '';
  if (sent)
    return (
      <section className="panel narrow">
        <h1>{t('join.title')}</h1>
        <p role="status">{t('join.sent')}</p>
      </section>
    );
  return (
    <section className="panel narrow">
      <h1 id="join-title">{t('join.title')}</h1>
      <p>{t('join.intro')}</p>
      <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="join-title">
        <Field label={t('join.name')} name="join-name" error={form.errors.name}>
          {(p) => (
            <input {...p} autoComplete="name" value={fields.name} onChange={(e) => set('name')(e.target.value)} />
          )}
        </Field>
        <Field label={t('join.phone')} name="join-phone" error={form.errors.phone}>
          {(p) => (
            <input
              {...p}
              type="tel"
              autoComplete="tel"
              value={fields.phone}
              onChange={(e) => set('phone')(e.target.value)}
            />
          )}
        </Field>
        <Field label={t('join.email')} name="join-email" error={form.errors.email}>
          {(p) => (
            <input
              {...p}
              type="email"
              autoComplete="email"
              value={fields.email}
              onChange={(e) => set('email')(e.target.value)}
            />
          )}
        </Field>
        <Field label={t('join.village')} name="join-village" error={form.errors.areaCode}>
          {(p) => (
            <AreaPicker id={p.id} value={fields.areaCode} onChange={set('areaCode')} invalid={p['aria-invalid']} />
          )}
        </Field>
        <Field label={t('join.business')} name="join-business" error={form.errors.business}>
          {(p) => <input {...p} value={fields.business} onChange={(e) => set('business')(e.target.value)} />}
        </Field>
        <fieldset>
          <legend>{t('join.topics')}</legend>
          {TOPICS.map((topic) => (
            <label key={topic} className="check">
              <input
                type="checkbox"
                checked={topics.includes(topic)}
                onChange={(e) =>
                  setTopics((all) => (e.target.checked ? [...all, topic] : all.filter((x) => x !== topic)))
                }
              />{' '}
              {t(`join.topic.${topic}`)}
            </label>
          ))}
        </fieldset>
        <h2>{t('join.rules')}</h2>
        <p className="rules" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {rulesText}
        </p>
        <Field
          label={t('join.acceptRules')}
          name="join-accept"
          error={form.errors.acceptRules ?? form.errors.rulesVersion}
        >
          {(p) => (
            <input {...p} type="checkbox" checked={acceptRules} onChange={(e) => setAcceptRules(e.target.checked)} />
          )}
        </Field>
        <label className="check">
          <input type="checkbox" checked={linkConsent} onChange={(e) => setLinkConsent(e.target.checked)} />{' '}
          {t('join.linkConsent')}
        </label>
        <button type="submit" disabled={form.busy}>
          {t('join.submit')}
        </button>
      </form>
    </section>
  );
}
