import { Link } from 'wouter';
import { usePrograms } from '../program-context';
import { Loaded } from '../../../components/Loaded';
import { useI18n } from '../../../i18n/i18n';
import { useResource } from '../../../lib/use-resource';
import { getProgram } from '../api/programs';
import { GrantsSection } from './GrantsSection';
import { InvitePanel } from './InvitePanel';
import { ProgramForm } from './ProgramForm';

export default function ProgramPage({ id }: { id: string }) {
  const { t } = useI18n();
  const { reloadPrograms } = usePrograms();
  const program = useResource(id, (signal) => getProgram(id, signal));
  return (
    <Loaded resource={program}>
      {(p) => (
        <>
          <p>
            <Link href="/programs">← {t('programs.title')}</Link>
          </p>
          <h1>{p.name}</h1>
          {p.abilities.update ? (
            <details className="panel">
              <summary>{t('programs.edit')}</summary>
              <ProgramForm key={p.version} program={p} onSaved={reloadPrograms} />
            </details>
          ) : null}
          <GrantsSection programId={p.id} abilities={p.abilities} />
          {p.invitable.length ? <InvitePanel programId={p.id} invitable={p.invitable} /> : null}
        </>
      )}
    </Loaded>
  );
}
