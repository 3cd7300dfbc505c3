import { Link, useLocation } from 'wouter';
import { useSession } from '../../platform';
import { usePrograms } from '../program-context';
import { useI18n } from '../../../i18n/i18n';
import { formatDate } from '../../../lib/format';
import { CountryPacks } from './CountryPacks';
import { ProgramForm } from './ProgramForm';

/** The caller's programs: choose the one to work in, open one to edit it and its role grants. */
export default function ProgramsPage() {
  const { t, locale } = useI18n();
  const { programs, program, setProgramId, reloadPrograms, mayCreateProgram } = usePrograms();
  const { me } = useSession();
  const [, navigate] = useLocation();
  return (
    <>
      <h1>{t('programs.title')}</h1>
      <ul className="rows">
        {programs.map((p) => (
          <li key={p.id} className="row-static">
            <Link href={`/programs/${p.id}`}>
              {p.name} ({p.code})
            </Link>
            <span className="muted small">
              {p.country} · {p.currency} · {formatDate(p.startedOn, locale)}
            </span>
            {p.id === program?.id ? (
              <span className="badge">{t('programs.current')}</span>
            ) : (
              <button type="button" className="link" onClick={() => setProgramId(p.id)}>
                {t('programs.choose')}
              </button>
            )}
          </li>
        ))}
      </ul>
      {mayCreateProgram ? (
        <details className="panel">
          <summary>{t('programs.new')}</summary>
          <ProgramForm
            program={null}
            onSaved={(p) => {
              reloadPrograms();
              setProgramId(p.id);
              navigate(`/programs/${p.id}`);
            }}
          />
        </details>
      ) : null}
      {me.isAdmin ? (
        <CountryPacks
          onProgram={(id) => {
            reloadPrograms();
            setProgramId(id);
            navigate(`/programs/${id}`);
          }}
        />
      ) : null}
    </>
  );
}
