import { Link } from 'wouter';
import { usePrograms } from '../program-context';
import { NotFound } from '../../../components/NotFound';
import { useI18n } from '../../../i18n/i18n';
import { useResource } from '../../../lib/use-resource';
import { getProgram } from '../api/programs';
import { GrantsSection } from './GrantsSection';
import { ProgramForm } from './ProgramForm';

export default function ProgramPage({ id }: { id: string }) {
  const { t } = useI18n();
  const { reloadPrograms } = usePrograms();
  const program = useResource(id, (signal) => getProgram(id, signal));
  if (program.error)
    return program.error.status === 404 || program.error.status === 400 ? (
      <NotFound />
    ) : (
      <p role="alert">{t('error.load')}</p>
    );
  if (!program.data) return <p role="status">{t('state.loading')}</p>;
  return (
    <>
      <p>
        <Link href="/programs">← {t('programs.title')}</Link>
      </p>
      <h1>{program.data.name}</h1>
      <details className="panel">
        <summary>{t('programs.edit')}</summary>
        <ProgramForm key={program.data.version} program={program.data} onSaved={reloadPrograms} />
      </details>
      <GrantsSection programId={program.data.id} />
    </>
  );
}
