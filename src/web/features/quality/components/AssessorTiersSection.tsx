import { useState } from 'react';
import { PANEL_TIERS, type PanelTier } from '../../../../shared/schemas/quality';
import { EnumSelect } from '../../../components/EnumSelect';
import { useI18n } from '../../../i18n/i18n';
import { useResource } from '../../../lib/use-resource';
import { listGrants, type Grant } from '../../programs';
import { listAssessorTiers, setAssessorTier } from '../api/assessor-tiers';

function AssessorRow({
  programId,
  assessor,
  tier,
  onSet,
}: {
  programId: string;
  assessor: Grant;
  tier: PanelTier | undefined;
  onSet: () => void;
}) {
  const { t } = useI18n();
  const [choice, setChoice] = useState<PanelTier>(tier ?? 'district');
  const [busy, setBusy] = useState(false);
  const id = `tier-${assessor.userId}`;
  const save = async () => {
    setBusy(true);
    try {
      await setAssessorTier(programId, { userId: assessor.userId, tier: choice });
      onSet();
    } catch {
      // the toast says why
    } finally {
      setBusy(false);
    }
  };
  return (
    <li className="row-static">
      <span>
        <strong>{assessor.user.name}</strong> <span className="muted small">({assessor.user.email})</span>
      </span>
      <span className="small" data-testid="assessor-tier">
        {tier ? t(`tier.${tier}`) : t('tiers.unset')}
      </span>
      <span className="inline compact">
        <label htmlFor={id} className="visually-hidden">
          {t('tiers.choose', { name: assessor.user.name })}
        </label>
        <EnumSelect id={id} values={PANEL_TIERS} value={choice} messages="tier" onChange={setChoice} />
        <button type="button" disabled={busy || choice === tier} onClick={() => void save()}>
          {t('tiers.set')}
        </button>
      </span>
    </li>
  );
}

/** The program's assessors and the panel tier each sits on: what stars they may judge (set by the program manager). */
export function AssessorTiersSection({ programId }: { programId: string }) {
  const { t } = useI18n();
  const grants = useResource(`grants-${programId}`, (signal) => listGrants(programId, signal));
  const tiers = useResource(`assessor-tiers-${programId}`, (signal) => listAssessorTiers(programId, signal));
  // One row per person, though an assessor may hold the role for several areas.
  const assessors = [
    ...new Map(grants.data?.items.filter((g) => g.role === 'assessor').map((g) => [g.userId, g])).values(),
  ];
  const tierOf = new Map(tiers.data?.items.map((x) => [x.userId, x.tier]));
  return (
    <section className="panel" aria-labelledby="tiers-title">
      <h2 id="tiers-title">{t('tiers.title')}</h2>
      <p className="muted small">{t('tiers.hint')}</p>
      {grants.error || tiers.error ? <p role="alert">{t('error.load')}</p> : null}
      {grants.data && assessors.length === 0 ? <p className="muted">{t('tiers.none')}</p> : null}
      <ul className="rows" aria-label={t('tiers.title')}>
        {assessors.map((a) => (
          <AssessorRow
            key={`${a.id}-${tierOf.get(a.userId) ?? ''}`}
            programId={programId}
            assessor={a}
            tier={tierOf.get(a.userId)}
            onSet={tiers.reload}
          />
        ))}
      </ul>
    </section>
  );
}
