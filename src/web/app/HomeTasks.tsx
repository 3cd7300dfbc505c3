import { Link } from 'wouter';
import type { Role } from '../../shared/roles';
import type { TaskItem, TaskList } from '../../shared/schemas/home';
import { localized } from '../../shared/localized';
import { Loaded } from '../components/Loaded';
import { useI18n } from '../i18n/i18n';
import { formatDate } from '../lib/format';
import { useResource } from '../lib/use-resource';
import { getTasks, type Tasks } from './api/tasks';

type ListKey = Exclude<keyof Tasks, 'assessorSteps'>;

/** Each list: where an item opens (null: no screen of its own) and where the whole list is. */
const LISTS: Record<ListKey, { href: ((item: TaskItem) => string) | null; all: string | null }> = {
  assessmentsToScore: { href: (i) => `/assessments/${i.id}`, all: '/assessments' },
  sessionsThisWeek: { href: (i) => `/sessions/${i.id}`, all: '/training' },
  attendanceToTake: { href: (i) => `/sessions/${i.id}/attendance`, all: '/training' },
  inquiriesToAnswer: { href: (i) => `/inquiries/${i.id}`, all: '/inquiries' },
  groupsWithoutProducts: { href: (i) => `/groups/${i.id}`, all: '/groups' },
  certificationsExpiring: { href: null, all: null },
  assessmentsAwaitingPanel: { href: (i) => `/assessments/${i.id}`, all: '/assessments' },
  monthsToClose: { href: (i) => `/groups/${i.id}/books`, all: '/books' },
  ordersToShip: { href: (i) => `/orders/${i.id}`, all: '/orders' },
};

/** The lists each role's home shows even when empty; any other list shows only when something waits. */
const BY_ROLE: Record<Role, readonly ListKey[]> = {
  assessor: ['assessmentsToScore'],
  trainer: ['sessionsThisWeek', 'attendanceToTake'],
  facilitator: ['inquiriesToAnswer', 'groupsWithoutProducts', 'certificationsExpiring', 'assessmentsAwaitingPanel'],
  program_manager: ['inquiriesToAnswer', 'groupsWithoutProducts', 'certificationsExpiring', 'assessmentsAwaitingPanel'],
  group_manager: ['monthsToClose', 'ordersToShip', 'inquiriesToAnswer'],
  group_member: [],
  community_manager: [],
};

function TaskLine({ item, href }: { item: TaskItem; href: string | null }) {
  const { t, locale } = useI18n();
  const title = typeof item.title === 'string' ? item.title : localized(item.title, locale);
  const more = [
    item.group,
    item.date ? formatDate(item.date, locale) : null,
    item.count !== null ? t('home.task.months', { count: item.count }) : null,
  ].filter((part) => part !== null);
  return (
    <li>
      {href ? <Link href={href}>{title}</Link> : title}
      {more.length ? <span className="muted"> · {more.join(' · ')}</span> : null}
    </li>
  );
}

function TaskSection({ name, list }: { name: ListKey; list: TaskList }) {
  const { t } = useI18n();
  const { href, all } = LISTS[name];
  return (
    <section aria-labelledby={`task-${name}`}>
      <h3 id={`task-${name}`}>
        {t(`home.task.${name}`)} <span className="badge">{list.count}</span>
      </h3>
      {list.count === 0 ? (
        <p className="muted">{t('home.nothingWaiting')}</p>
      ) : (
        <ul>
          {list.items.map((item) => (
            <TaskLine key={item.id} item={item} href={href ? href(item) : null} />
          ))}
        </ul>
      )}
      {all && list.count > list.items.length ? <Link href={all}>{t('home.seeAll')}</Link> : null}
    </section>
  );
}

/** What must happen before an assessor has anything to score, each step done or still missing in their scope. */
function AssessorSteps({ steps }: { steps: Tasks['assessorSteps'] }) {
  const { t } = useI18n();
  const rows = [
    { key: 'groups', count: steps.groups },
    { key: 'products', count: steps.products },
    { key: 'selfAssessed', count: steps.selfAssessed },
    { key: 'panelAssigned', count: steps.panelAssigned },
  ];
  return (
    <section aria-labelledby="assessor-steps">
      <h3 id="assessor-steps">{t('home.steps.title')}</h3>
      <ol>
        {rows.map((row) => (
          <li key={row.key} data-done={row.count > 0}>
            <span aria-hidden="true">{row.count > 0 ? '✓ ' : '○ '}</span>
            {t(`home.steps.${row.key}`)}{' '}
            <span className="muted">
              {row.count > 0 ? t('home.steps.done', { count: row.count }) : t('home.steps.missing')}
            </span>
          </li>
        ))}
      </ol>
      {steps.panelTier === null ? <p className="muted">{t('home.steps.noTier')}</p> : null}
    </section>
  );
}

/**
 * What waits for the signed-in user in the program, per role they hold: the server counts within
 * their scope; this shows the lists their roles are about, and any other list that has something.
 */
export function HomeTasks(props: { programId: string; roles: readonly Role[]; keepsBooks: boolean }) {
  const { programId, roles } = props;
  const { t } = useI18n();
  const tasks = useResource(`tasks-${programId}`, (signal) => getTasks(programId, signal));
  // A member holding a bookkeeping office (treasurer, chair) keeps the books like a group manager.
  const mine = new Set<ListKey>([
    ...roles.flatMap((role) => BY_ROLE[role]),
    ...(props.keepsBooks ? ['monthsToClose' as const] : []),
  ]);
  return (
    <section aria-labelledby="home-waiting">
      <h2 id="home-waiting">{t('home.waiting')}</h2>
      <Loaded resource={tasks}>
        {(data) => {
          const shown = (Object.keys(LISTS) as ListKey[]).filter((key) => mine.has(key) || data[key].count > 0);
          return (
            <>
              {shown.map((key) => (
                <TaskSection key={key} name={key} list={data[key]} />
              ))}
              {roles.includes('assessor') && data.assessmentsToScore.count === 0 ? (
                <AssessorSteps steps={data.assessorSteps} />
              ) : null}
              {shown.length === 0 ? <p className="muted">{t('home.nothingWaiting')}</p> : null}
            </>
          );
        }}
      </Loaded>
    </section>
  );
}
