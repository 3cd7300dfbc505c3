import { useState } from 'react';
import { Link } from 'wouter';
import type { QualityProgramAbilities } from '../../../../shared/schemas/quality';
import { usePrograms } from '../../programs';
import { useI18n } from '../../../i18n/i18n';
import { AssessmentsList } from './AssessmentsList';

/** The current program's assessments the caller may see (assessors: their panel tier's). */
export default function AssessmentsPage() {
  const { t } = useI18n();
  const { program } = usePrograms();
  // What the program's list offers the caller: entering products in a round, the rating schemes.
  const [offered, setOffered] = useState<{ programId: string; abilities: QualityProgramAbilities }>();
  const abilities = offered && offered.programId === program?.id ? offered.abilities : undefined;
  return (
    <>
      <h1>{t('assess.title')}</h1>
      {abilities?.enterInRound || abilities?.updateSchemes ? (
        <p className="inline wrap">
          {abilities.enterInRound ? (
            <Link href="/assessments/new" className="button">
              {t('enter.title')}
            </Link>
          ) : null}
          {abilities.updateSchemes ? (
            <Link href="/schemes" className="button secondary">
              {t('schemes.title')}
            </Link>
          ) : null}
        </p>
      ) : null}
      {program ? (
        <AssessmentsList
          query={{ programId: program.id }}
          title={program.name}
          onAbilities={(abilities) => setOffered({ programId: program.id, abilities })}
        />
      ) : (
        <p className="muted">{t('assess.none')}</p>
      )}
    </>
  );
}
