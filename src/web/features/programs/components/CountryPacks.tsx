import { useState, type FormEvent } from 'react';
import { programFromPackBody, type PackPlanAnswer, type PackSummary } from '../../../../shared/schemas/countries';
import { Field, useFormState } from '../../../components/form';
import { Loaded } from '../../../components/Loaded';
import { useI18n } from '../../../i18n/i18n';
import { useResource } from '../../../lib/use-resource';
import { installPack, listPacks, planPack, programFromPack } from '../api/country-packs';

/**
 * Country packs for a platform admin (decision 021): which are installed, what an install or upgrade
 * would change (the dry run), the install itself, and a program started from an installed pack — the
 * same services as `ovop country add` and `ovop programs create --country`.
 */
export function CountryPacks({ onProgram }: { onProgram: (programId: string) => void }) {
  const { t } = useI18n();
  const packs = useResource('country-packs', (signal) => listPacks(signal));
  return (
    <details className="panel country-packs">
      <summary>{t('packs.title')}</summary>
      <Loaded resource={packs}>
        {(p) => (
          <ul className="rows" aria-label={t('packs.title')}>
            {p.items.map((pack) => (
              <Pack key={pack.country} pack={pack} onChanged={packs.reload} onProgram={onProgram} />
            ))}
          </ul>
        )}
      </Loaded>
    </details>
  );
}

function Pack({
  pack,
  onChanged,
  onProgram,
}: {
  pack: PackSummary;
  onChanged: () => void;
  onProgram: (programId: string) => void;
}) {
  const { t } = useI18n();
  const [plan, setPlan] = useState<PackPlanAnswer | null>(null);
  const [busy, setBusy] = useState(false);
  const [installed, setInstalled] = useState(false);
  const run = async (step: () => Promise<PackPlanAnswer>, done?: () => void) => {
    setBusy(true);
    try {
      setPlan(await step());
      done?.();
    } finally {
      setBusy(false);
    }
  };
  const upgrade = pack.installedVersion !== null && pack.installedVersion !== pack.version;
  return (
    <li className="row-static" data-testid={`pack-${pack.country}`}>
      <strong>
        {pack.country} · {pack.currency} · {pack.locales.join(', ')}
      </strong>
      <span className="muted small">
        {pack.installedVersion === null
          ? t('packs.notInstalled', { version: pack.version })
          : upgrade
            ? t('packs.upgradable', { installed: pack.installedVersion, version: pack.version })
            : t('packs.installed', { version: pack.installedVersion })}
      </span>
      <button type="button" className="link" disabled={busy} onClick={() => void run(() => planPack(pack.country))}>
        {t('packs.plan')}
      </button>
      {plan ? <Plan plan={plan} /> : null}
      {plan && !plan.upToDate && !installed ? (
        <button
          type="button"
          disabled={busy}
          onClick={() =>
            void run(
              () => installPack(pack.country),
              () => {
                setInstalled(true);
                onChanged();
              },
            )
          }
        >
          {pack.installedVersion === null ? t('packs.install') : t('packs.upgrade')}
        </button>
      ) : null}
      {installed ? (
        <p role="status" className="small">
          {t('packs.done', { country: pack.country })}
        </p>
      ) : null}
      {pack.installedVersion !== null || installed ? (
        <ProgramFromPackForm country={pack.country} onProgram={onProgram} />
      ) : null}
    </li>
  );
}

function Plan({ plan }: { plan: PackPlanAnswer }) {
  const { t } = useI18n();
  if (plan.upToDate) return <p className="small">{t('packs.upToDate', { version: plan.version })}</p>;
  return (
    <dl className="small pack-plan" data-testid="pack-plan">
      <dt>{t('packs.areas')}</dt>
      <dd>
        {t('packs.areaChanges', {
          added: plan.areas.added,
          renamed: plan.areas.renamed.length,
          moved: plan.areas.moved,
          translated: plan.areas.translated,
          unchanged: plan.areas.unchanged,
        })}
      </dd>
      <dt>{t('packs.books')}</dt>
      <dd>{t('packs.chart', { accounts: plan.chartAccounts, currency: plan.currency })}</dd>
      <dt>{t('packs.kinds')}</dt>
      <dd>{plan.kinds.join(', ')}</dd>
      <dt>{t('packs.templates')}</dt>
      <dd>{plan.templates.join(', ')}</dd>
      {plan.unverified.length ? (
        <>
          <dt>{t('packs.unverified')}</dt>
          <dd>{plan.unverified.length}</dd>
        </>
      ) : null}
    </dl>
  );
}

function ProgramFromPackForm({ country, onProgram }: { country: string; onProgram: (programId: string) => void }) {
  const { t } = useI18n();
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [startedOn, setStartedOn] = useState(new Date().toISOString().slice(0, 10));
  const form = useFormState();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = { code: code.trim(), name: name.trim(), startedOn };
    await form.submit(programFromPackBody, body, async () => {
      const { program } = await programFromPack(country, body);
      onProgram(program.id);
    });
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label={t('packs.newProgram', { country })}>
      <Field label={t('packs.code')} name={`${country}-code`} error={form.errors.code}>
        {(p) => <input {...p} value={code} onChange={(e) => setCode(e.target.value.toUpperCase())} />}
      </Field>
      <Field label={t('packs.name')} name={`${country}-name`} error={form.errors.name}>
        {(p) => <input {...p} value={name} onChange={(e) => setName(e.target.value)} />}
      </Field>
      <Field label={t('packs.startedOn')} name={`${country}-started`} error={form.errors.startedOn}>
        {(p) => <input {...p} type="date" value={startedOn} onChange={(e) => setStartedOn(e.target.value)} />}
      </Field>
      <button type="submit" disabled={form.busy}>
        {t('packs.newProgram', { country })}
      </button>
    </form>
  );
}
