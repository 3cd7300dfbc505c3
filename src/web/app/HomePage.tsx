import { Link } from 'wouter';
import { useI18n } from '../i18n/i18n';
import { useSession } from '../features/platform';
import { usePrograms } from '../features/programs';
import type { Role } from '../../shared/roles';
import { HomeTasks } from './HomeTasks';

export default function HomePage() {
  const { t } = useI18n();
  const { me } = useSession();
  const { programs, program, setProgramId } = usePrograms();
  // An admin sees the program as its manager does.
  const roles: Role[] = [
    ...(me.isAdmin ? (['program_manager'] as const) : []),
    ...me.roles.filter((r) => r.programId === program?.id).map((r) => r.role),
  ];
  return (
    <>
      <h1>{t('home.title', { name: me.name })}</h1>
      {programs.length > 1 ? (
        <label className="field">
          <span>{t('home.program')}</span>
          <select value={program?.id} onChange={(e) => setProgramId(e.target.value)}>
            {programs.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
      ) : program ? (
        <p>
          {t('home.program')}: <strong>{program.name}</strong>
        </p>
      ) : (
        <p>{t('home.noProgram')}</p>
      )}
      {program ? <HomeTasks programId={program.id} roles={roles} keepsBooks={me.bookGroups.length > 0} /> : null}
      {/* Records not synced yet: the offline outbox's summary takes its place here. */}
      <h2>{t('home.roles')}</h2>
      <ul>
        {me.isAdmin ? <li>{t('role.admin')}</li> : null}
        {me.roles.map((r) => (
          <li key={r.id}>
            {t(`role.${r.role}`)}
            {r.groupName ? ` · ${r.groupName}` : ''}
            {r.areaCode ? ` · ${r.areaName ?? r.areaCode}` : ''}
          </li>
        ))}
      </ul>
      <ul className="menu">
        {me.screens.map((item) => (
          <li key={item}>
            <Link href={`/${item}`} className="button">
              {t(`nav.${item}`)}
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}
