import type { FormEvent } from 'react';
import { Link, useLocation } from 'wouter';
import { createAssessmentBody, PANEL_TIERS, type PanelTier } from '../../../../shared/schemas/quality';
import { usePrograms } from '../../programs';
import { listProducts } from '../../registry';
import { EnumSelect } from '../../../components/EnumSelect';
import { Field, useFormState } from '../../../components/form';
import { useDraft } from '../../../components/use-draft';
import { useI18n } from '../../../i18n/i18n';
import { today } from '../../../lib/format';
import { useResource } from '../../../lib/use-resource';
import { createAssessment } from '../api/assessments';
import { listSchemes } from '../api/schemes';
import { useText } from './SchemeView';

const draftOf = (programId: string) => ({
  programId,
  productId: new URLSearchParams(location.search).get('product') ?? '',
  schemeId: '',
  year: today().slice(0, 4),
  panelTier: 'district' as PanelTier,
  assessedOn: today(),
});

/** Enters a product into a rating round: program, product, the scheme's latest version, year, panel and date. */
export default function NewAssessmentPage() {
  const { t } = useI18n();
  const text = useText();
  const { programs, program } = usePrograms();
  const [, navigate] = useLocation();
  const { draft, set, patch } = useDraft(null, () => draftOf(program?.id ?? ''));
  const form = useFormState();
  const products = useResource(draft.programId ? `products-${draft.programId}` : null, (signal) =>
    listProducts({ programId: draft.programId }, undefined, signal),
  );
  const schemes = useResource(draft.programId ? `schemes-${draft.programId}` : null, (signal) =>
    listSchemes({ programId: draft.programId }, signal),
  );
  // One scheme in the program: it is the choice.
  const only = schemes.data?.items.length === 1 ? schemes.data.items[0]!.id : '';
  const schemeId = draft.schemeId || only;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = {
      id: crypto.randomUUID(),
      productId: draft.productId,
      schemeId,
      year: Number(draft.year),
      panelTier: draft.panelTier,
      assessedOn: draft.assessedOn,
    };
    await form.submit(createAssessmentBody, body, async () =>
      navigate(`/assessments/${(await createAssessment(body)).id}`),
    );
  };

  return (
    <>
      <p>
        <Link href="/assessments">← {t('assess.title')}</Link>
      </p>
      <h1>{t('enter.title')}</h1>
      <form className="panel" onSubmit={(e) => void submit(e)} noValidate aria-label={t('enter.title')}>
        {programs.length > 1 ? (
          <Field label={t('enter.program')} name="enter-program">
            {(p) => (
              <select
                {...p}
                value={draft.programId}
                onChange={(e) => patch({ programId: e.target.value, productId: '', schemeId: '' })}
              >
                {programs.map((x) => (
                  <option key={x.id} value={x.id}>
                    {x.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ) : null}
        <Field label={t('enter.product')} name="enter-product" error={form.errors.productId}>
          {(p) => (
            <select {...p} value={draft.productId} onChange={set('productId')}>
              <option value="">{t('form.choose')}</option>
              {products.data?.items.map((x) => (
                <option key={x.id} value={x.id}>
                  {text(x.name)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          label={t('enter.scheme')}
          name="enter-scheme"
          error={form.errors.schemeId}
          hint={schemes.data?.items.length === 0 ? t('enter.noScheme') : t('enter.schemeHint')}
        >
          {(p) => (
            <select {...p} value={schemeId} onChange={set('schemeId')}>
              <option value="">{t('form.choose')}</option>
              {schemes.data?.items.map((s) => (
                <option key={s.id} value={s.id}>
                  {text(s.definition.name)} · {t('editor.version', { version: s.version })}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div className="pair">
          <Field label={t('enter.year')} name="enter-year" error={form.errors.year}>
            {(p) => <input {...p} inputMode="numeric" value={draft.year} onChange={set('year')} />}
          </Field>
          <Field label={t('enter.tier')} name="enter-tier" error={form.errors.panelTier}>
            {(p) => (
              <EnumSelect
                {...p}
                values={PANEL_TIERS}
                value={draft.panelTier}
                messages="tier"
                onChange={(panelTier) => patch({ panelTier })}
              />
            )}
          </Field>
        </div>
        <Field label={t('enter.assessedOn')} name="enter-date" error={form.errors.assessedOn}>
          {(p) => <input {...p} type="date" value={draft.assessedOn} onChange={set('assessedOn')} />}
        </Field>
        <button type="submit" disabled={form.busy}>
          {t('enter.submit')}
        </button>
      </form>
    </>
  );
}
