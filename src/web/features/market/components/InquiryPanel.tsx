import { useState, type FormEvent } from 'react';
import { Link } from 'wouter';
import {
  createInquiryBody,
  INQUIRY_KINDS,
  registerBuyerBody,
  type InquiryAnswer,
} from '../../../../shared/schemas/market';
import { Field, orUndefined, useFormState } from '../../../components/form';
import { Loaded } from '../../../components/Loaded';
import { useI18n } from '../../../i18n/i18n';
import { COUNTRIES, countryName } from '../../../lib/countries';
import { ApiError } from '../../../lib/http';
import { useResource } from '../../../lib/use-resource';
import { AreaPicker } from '../../geography';
import { signIn, SignInForm } from '../../platform';
import { getOwnBuyer, registerBuyer } from '../api/buyers';
import { sendInquiry } from '../api/inquiries';

function BuyerSignUp({ onDone }: { onDone: () => void }) {
  const { t, locale } = useI18n();
  const [fields, setFields] = useState({
    companyName: '',
    name: '',
    email: '',
    password: '',
    country: locale === 'ja' ? 'JP' : 'ID',
    areaCode: '',
  });
  const form = useFormState();
  const [existing, setExisting] = useState(false);
  const set = (key: keyof typeof fields) => (e: { target: { value: string } }) =>
    setFields({ ...fields, [key]: e.target.value });
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = {
      ...fields,
      locale,
      areaCode: fields.country === 'ID' ? (orUndefined(fields.areaCode) ?? null) : null,
    };
    setExisting(false);
    const ok = await form.submit(registerBuyerBody, body, async () => {
      await registerBuyer(body);
      // The sign-up answers alike for an email that already has an account; signing in tells.
      await signIn({ email: body.email, password: body.password }).catch((error: unknown) => {
        if (error instanceof ApiError && error.status === 401) setExisting(true);
        throw error;
      });
    });
    if (ok) onDone();
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label={t('buyer.signUp')}>
      <Field label={t('buyer.company')} name="buyer-company" error={form.errors.companyName}>
        {(p) => <input {...p} autoComplete="organization" value={fields.companyName} onChange={set('companyName')} />}
      </Field>
      <Field label={t('buyer.name')} name="buyer-name" error={form.errors.name}>
        {(p) => <input {...p} autoComplete="name" value={fields.name} onChange={set('name')} />}
      </Field>
      <Field label={t('signIn.email')} name="buyer-email" error={form.errors.email}>
        {(p) => <input {...p} type="email" autoComplete="email" value={fields.email} onChange={set('email')} />}
      </Field>
      <Field
        label={t('signIn.password')}
        name="buyer-password"
        error={form.errors.password}
        hint={t('buyer.passwordHint')}
      >
        {(p) => (
          <input
            {...p}
            type="password"
            autoComplete="new-password"
            value={fields.password}
            onChange={set('password')}
          />
        )}
      </Field>
      <Field label={t('buyer.country')} name="buyer-country" error={form.errors.country}>
        {(p) => (
          <select {...p} value={fields.country} onChange={set('country')}>
            {COUNTRIES.map((c) => (
              <option key={c} value={c}>
                {countryName(c, locale)}
              </option>
            ))}
          </select>
        )}
      </Field>
      {fields.country === 'ID' ? (
        <Field label={t('buyer.area')} name="buyer-area" error={form.errors.areaCode} hint={t('buyer.areaHint')}>
          {(p) => (
            <AreaPicker
              id={p.id}
              value={fields.areaCode}
              onChange={(areaCode) => setFields({ ...fields, areaCode })}
              invalid={p['aria-invalid']}
            />
          )}
        </Field>
      ) : null}
      {existing ? <p role="alert">{t('buyer.signUpExisting')}</p> : null}
      <button type="submit" disabled={form.busy}>
        {t('buyer.signUpSubmit')}
      </button>
    </form>
  );
}

function InquiryForm({
  productId,
  unit,
  onSent,
}: {
  productId: string;
  unit: string;
  onSent: (i: InquiryAnswer) => void;
}) {
  const { t } = useI18n();
  const [fields, setFields] = useState({ kind: 'quotation', quantity: '', message: '' });
  const form = useFormState();
  const set = (key: keyof typeof fields) => (e: { target: { value: string } }) =>
    setFields({ ...fields, [key]: e.target.value });
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = {
      id: crypto.randomUUID(),
      productId,
      kind: fields.kind as (typeof INQUIRY_KINDS)[number],
      quantity: orUndefined(fields.quantity) ?? null,
      message: fields.message,
    };
    await form.submit(createInquiryBody, body, async () => onSent(await sendInquiry(body)));
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label={t('inquiry.form')}>
      <Field label={t('inquiry.kind')} name="inquiry-kind" error={form.errors.kind}>
        {(p) => (
          <select {...p} value={fields.kind} onChange={set('kind')}>
            {INQUIRY_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`inquiryKind.${k}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('inquiry.quantity', { unit })} name="inquiry-quantity" error={form.errors.quantity}>
        {(p) => <input {...p} inputMode="decimal" value={fields.quantity} onChange={set('quantity')} />}
      </Field>
      <Field label={t('inquiry.message')} name="inquiry-message" error={form.errors.message}>
        {(p) => <textarea {...p} rows={4} value={fields.message} onChange={set('message')} />}
      </Field>
      <button type="submit" disabled={form.busy}>
        {t('inquiry.send')}
      </button>
    </form>
  );
}

/**
 * A buyer's way to reach the group from the product page: sign in or sign up as a buyer, then
 * send an inquiry, a sample request or a request for quotation.
 */
export default function InquiryPanel({ productId, unit }: { productId: string; unit: string }) {
  const { t } = useI18n();
  const [session, setSession] = useState(0);
  const [mode, setMode] = useState<'signIn' | 'signUp'>('signUp');
  const [sent, setSent] = useState<InquiryAnswer | null>(null);
  const buyer = useResource(`buyer-${session}`, getOwnBuyer);
  const signedIn = () => setSession((s) => s + 1);

  if (sent)
    return (
      <div role="status">
        <p>{t('inquiry.sent', { group: sent.groupName })}</p>
        <Link href={`~/app/inquiries/${sent.id}`} className="button">
          {t('inquiry.follow')}
        </Link>
      </div>
    );
  if (buyer.error?.status === 401)
    return (
      <>
        <p>{t('buyer.needAccount')}</p>
        <div className="inline wrap" role="group">
          <button type="button" aria-pressed={mode === 'signUp'} onClick={() => setMode('signUp')}>
            {t('buyer.signUp')}
          </button>
          <button type="button" aria-pressed={mode === 'signIn'} onClick={() => setMode('signIn')}>
            {t('buyer.signIn')}
          </button>
        </div>
        {mode === 'signUp' ? (
          <BuyerSignUp onDone={signedIn} />
        ) : (
          <SignInForm onSignedIn={signedIn} label={t('buyer.signIn')} idPrefix="buyer-signin" />
        )}
      </>
    );
  return (
    <Loaded resource={buyer} notFound={<p>{t('buyer.notBuyer')}</p>}>
      {(account) => (
        <>
          <p className="muted small">{t('buyer.as', { company: account.companyName })}</p>
          <InquiryForm productId={productId} unit={unit} onSent={setSent} />
        </>
      )}
    </Loaded>
  );
}
