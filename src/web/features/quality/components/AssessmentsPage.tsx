import { Link } from 'wouter';
import { useSession } from '../../platform';
import { usePrograms } from '../../programs';
import { useI18n } from '../../../i18n/i18n';
import { AssessmentsList } from './AssessmentsList';

/** The current program's assessments the caller may see (assessors: their panel tier's). */
export default function AssessmentsPage() {
  const { t } = useI18n();
  const { me } = useSession();
  const { program } = usePrograms();
  const manages = me.isAdmin || me.roles.some((r) => r.role === 'program_manager' && r.programId === program?.id);
  return (
    <>
      <h1>{t('assess.title')}</h1>
      {program && manages ? (
        <p className="inline wrap">
          <Link href="/assessments/new" className="button">
            {t('enter.title')}
          </Link>
          <Link href="/schemes" className="button secondary">
            {t('schemes.title')}
          </Link>
        </p>
      ) : null}
      {program ? (
        <AssessmentsList query={{ programId: program.id }} title={program.name} />
      ) : (
        <p className="muted">{t('assess.none')}</p>
      )}
    </>
  );
}
