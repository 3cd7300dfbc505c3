import { localized } from '../../../../shared/localized';
import { Loaded } from '../../../components/Loaded';
import { useI18n } from '../../../i18n/i18n';
import { useResource } from '../../../lib/use-resource';
import { listPublicStories } from '../api/stories';

/** A program's published success stories, newest first, for anyone (`/stories?program=…`). */
export default function PublicStoriesPage() {
  const { t, locale } = useI18n();
  const programId = new URLSearchParams(window.location.search).get('program') ?? '';
  const stories = useResource(programId ? `public-stories-${programId}` : null, (signal) =>
    listPublicStories(programId, signal),
  );
  return (
    <section className="panel">
      <h1>{t('story.list')}</h1>
      {/* Without a program there is nothing to list: the empty list, not a wait. */}
      <Loaded resource={programId ? stories : { data: { items: [] }, error: undefined }}>
        {({ items }) =>
          items.length === 0 ? (
            <p className="muted">{t('story.noneYet')}</p>
          ) : (
            <ul className="stack">
              {items.map((s) => (
                <li key={s.id} className="card">
                  {s.photos[0] ? <img src={s.photos[0].thumbnailUrl} alt="" loading="lazy" width={120} /> : null}
                  <a href={`/stories/${s.id}`}>
                    <strong>{localized(s.title, locale)}</strong>
                  </a>
                  <div className="muted">{s.group.name}</div>
                </li>
              ))}
            </ul>
          )
        }
      </Loaded>
    </section>
  );
}
