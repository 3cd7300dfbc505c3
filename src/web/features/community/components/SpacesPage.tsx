import { useState, type FormEvent } from 'react';
import { Link } from 'wouter';
import type { SpaceAnswer, ThreadSummary } from '../../../../shared/schemas/community-spaces';
import { Loaded } from '../../../components/Loaded';
import { useI18n } from '../../../i18n/i18n';
import { useResource } from '../../../lib/use-resource';
import { listSpaces, myCommunities, searchThreads } from '../api/spaces';
import { ShowingLoaded } from '../../offline';
import { Announcements } from './Announcements';
import { ThreadList } from './ThreadList';

/** A space's name in the reader's language (an area space is named as the area is). */
export const spaceName = (name: Record<string, string>, locale: string) =>
  name[locale] ?? name.id ?? Object.values(name)[0] ?? '';

function SpaceCard({ space }: { space: SpaceAnswer }) {
  const { t, locale } = useI18n();
  return (
    <li className="card">
      <Link href={`/spaces/${space.id}`}>
        <strong>{spaceName(space.name, locale)}</strong>
      </Link>
      <div className="muted">
        {space.area ? `${t(`spaces.level.${space.area.level}`)} · ` : ''}
        {t('spaces.threadCount', { count: space.threadCount })}
      </div>
    </li>
  );
}

/** Search over the community's threads, forgiving typos. */
function Search({ programId }: { programId: string }) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  const found = useResource<{ items: ThreadSummary[] }>(q.length >= 2 ? `search-${programId}-${q}` : null, (signal) =>
    searchThreads(programId, q, signal),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setQ(text.trim());
  };
  return (
    <>
      <form role="search" onSubmit={submit} className="inline">
        <label htmlFor="spaces-search" className="visually-hidden">
          {t('spaces.search')}
        </label>
        <input
          id="spaces-search"
          type="search"
          value={text}
          placeholder={t('spaces.searchPlaceholder')}
          onChange={(e) => setText(e.target.value)}
        />{' '}
        <button type="submit">{t('spaces.search')}</button>
      </form>
      {q.length >= 2 && found.data ? (
        found.data.items.length === 0 ? (
          <p className="muted">{t('spaces.nothingFound')}</p>
        ) : (
          <ThreadList threads={found.data.items} />
        )
      ) : null}
    </>
  );
}

function Spaces({ programId, member }: { programId: string; member: boolean }) {
  const { t } = useI18n();
  const spaces = useResource(`spaces-${programId}`, (signal) => listSpaces(programId, signal));
  return (
    <Loaded resource={spaces}>
      {({ items }) => {
        const near = items.filter((s) => s.near);
        const topics = items.filter((s) => s.kind === 'topic');
        const areas = items.filter((s) => s.kind === 'area' && !s.near);
        return (
          <>
            <Announcements programId={programId} />
            <p>
              <Link href="/community/events">{t('events.title')}</Link>
            </p>
            {member ? (
              <p>
                <Link href={`/community/profile/${programId}`}>{t('profile.title')}</Link>
              </p>
            ) : null}
            {items.some((s) => s.abilities.moderate) ? (
              <p>
                <Link href={`/community/reports/${programId}`}>{t('moderation.title')}</Link>
              </p>
            ) : null}
            <Search programId={programId} />
            {near.length > 0 ? (
              <>
                <h2>{t('spaces.near')}</h2>
                <ul className="stack">
                  {near.map((s) => (
                    <SpaceCard key={s.id} space={s} />
                  ))}
                </ul>
              </>
            ) : null}
            <h2>{t('spaces.topics')}</h2>
            <ul className="stack">
              {topics.map((s) => (
                <SpaceCard key={s.id} space={s} />
              ))}
            </ul>
            {areas.length > 0 ? (
              <>
                <h2>{t('spaces.areas')}</h2>
                <ul className="stack">
                  {areas.map((s) => (
                    <SpaceCard key={s.id} space={s} />
                  ))}
                </ul>
              </>
            ) : null}
          </>
        );
      }}
    </Loaded>
  );
}

/** "Komunitas": the spaces of the communities the caller is in, near them first, and a search. */
export default function SpacesPage() {
  const { t } = useI18n();
  const mine = useResource('community-mine', myCommunities);
  const [chosen, setChosen] = useState<string | null>(null);
  return (
    <section className="panel">
      <ShowingLoaded />
      <h1>{t('spaces.title')}</h1>
      <Loaded resource={mine}>
        {({ items }) => {
          if (items.length === 0) return <p className="muted">{t('spaces.notMember')}</p>;
          const programId = chosen ?? items[0]!.programId;
          return (
            <>
              {items.length > 1 ? (
                <div className="field">
                  <label htmlFor="spaces-program">{t('spaces.program')}</label>
                  <select id="spaces-program" value={programId} onChange={(e) => setChosen(e.target.value)}>
                    {items.map((c) => (
                      <option key={c.programId} value={c.programId}>
                        {c.name}
                      </option>
                    ))}
                  </select>
                </div>
              ) : null}
              <Spaces
                key={programId}
                programId={programId}
                member={items.some((c) => c.programId === programId && c.member)}
              />
            </>
          );
        }}
      </Loaded>
    </section>
  );
}
