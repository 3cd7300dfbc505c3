import { useStaff } from '../../../app/staff-session';
import { useI18n } from '../../../i18n/i18n';
import { AssessmentsList } from './AssessmentsList';

/** The current program's assessments the caller may see (assessors: their panel tier's). */
export default function AssessmentsPage() {
  const { t } = useI18n();
  const { program } = useStaff();
  return (
    <>
      <h1>{t('assess.title')}</h1>
      {program ? (
        <AssessmentsList query={{ programId: program.id }} title={program.name} />
      ) : (
        <p className="muted">{t('assess.none')}</p>
      )}
    </>
  );
}
