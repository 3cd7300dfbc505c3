import { useState } from 'react';
import { Loaded } from '../../../components/Loaded';
import { useI18n } from '../../../i18n/i18n';
import { both, useResource } from '../../../lib/use-resource';
import { usePrograms } from '../../programs';
import { listIndicators, listTargets } from '../api/impact';
import { AreaDrill, type AreaStep } from './AreaDrill';
import { AreaMap } from './AreaMap';
import { ClassRuleSection } from './ClassRuleForm';
import { Dhis2Section } from './Dhis2Section';
import { Downloads } from './Downloads';
import { IndicatorCard } from './IndicatorCard';
import { TargetForm } from './TargetForm';
import { thisYear } from './value-text';
import './impact.css';
import { countryName } from '../../../lib/countries';

/**
 * The program dashboard: this year's value of each indicator at the area looked at, its line by
 * month, its target, and the areas one level down to drill into (Indonesia › Bali › Karangasem).
 */
export default function ImpactPage() {
  const { t, locale } = useI18n();
  const { program } = usePrograms();
  const [path, setPath] = useState<AreaStep[]>([]);
  const [drillIndicator, setDrillIndicator] = useState('members');
  const year = thisYear();
  const indicators = useResource('indicators', listIndicators);
  const targets = useResource(program ? `targets|${program.id}` : null, (signal) => listTargets(program!.id, signal));

  if (!program) return <p>{t('impact.noProgram')}</p>;
  const country = countryName(program.country, locale);
  const area = path.at(-1);
  const areaName = area?.name ?? country;

  return (
    <>
      <h1>{t('impact.title')}</h1>
      <p className="muted small">
        {program.name} · {t('impact.year', { year })}
      </p>
      <nav aria-label={t('impact.trail')} className="trail">
        <ol className="trail-list">
          <li>
            {path.length === 0 ? (
              <span aria-current="location">{country}</span>
            ) : (
              <button type="button" className="link" onClick={() => setPath([])}>
                {country}
              </button>
            )}
          </li>
          {path.map((step, i) => (
            <li key={step.code}>
              {i === path.length - 1 ? (
                <span aria-current="location">{step.name}</span>
              ) : (
                <button type="button" className="link" onClick={() => setPath(path.slice(0, i + 1))}>
                  {step.name}
                </button>
              )}
            </li>
          ))}
        </ol>
      </nav>
      <Loaded resource={both(indicators, targets)}>
        {([{ items }, targetList]) => {
          const here = targetList.items.filter(
            (x) =>
              (x.area?.code ?? undefined) === area?.code &&
              x.period.name === year &&
              Object.keys(x.breakdown).length === 0,
          );
          return (
            <>
              <ul className="indicators" aria-label={t('impact.indicators', { area: areaName })}>
                {items.map((indicator) => (
                  <IndicatorCard
                    key={`${indicator.code}|${area?.code ?? ''}`}
                    indicator={indicator}
                    programId={program.id}
                    area={area?.code}
                    year={year}
                    target={here.find((x) => x.indicator === indicator.code)}
                  />
                ))}
              </ul>
              <AreaDrill
                indicators={items}
                indicator={drillIndicator}
                onIndicator={setDrillIndicator}
                programId={program.id}
                path={path}
                year={year}
                onOpen={(step) => setPath([...path, step])}
              />
              <AreaMap
                indicator={items.find((i) => i.code === drillIndicator)}
                programId={program.id}
                country={program.country}
                path={path}
                year={year}
                onOpen={(step) => setPath([...path, step])}
              />
              <Downloads
                indicators={items}
                indicator={drillIndicator}
                programId={program.id}
                area={area?.code}
                depth={path.length}
                year={year}
              />
              {targetList.abilities.manage ? (
                <TargetForm
                  key={area?.code ?? ''}
                  programId={program.id}
                  currency={program.currency}
                  indicators={items}
                  existing={here}
                  area={{ code: area?.code, name: areaName }}
                  year={year}
                  onSaved={targets.reload}
                />
              ) : null}
              {targetList.abilities.manage ? <ClassRuleSection programId={program.id} /> : null}
              {targetList.abilities.manage ? <Dhis2Section programId={program.id} indicators={items} /> : null}
            </>
          );
        }}
      </Loaded>
    </>
  );
}
