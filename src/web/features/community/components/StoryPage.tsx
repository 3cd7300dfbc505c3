import { useEffect } from 'react';
import { localized, shownLanguage } from '../../../../shared/localized';
import { Loaded } from '../../../components/Loaded';
import { ShownIn } from '../../../components/ShownIn';
import { useI18n } from '../../../i18n/i18n';
import { formatDate, pageTitle } from '../../../lib/format';
import { useResource } from '../../../lib/use-resource';
import { getPublicStory } from '../api/stories';
import { StoryFacts } from './StoryFacts';

/** A group's published success story, for anyone, in the reader's language (or said to be in another). */
export default function StoryPage({ id }: { id: string }) {
  const { t, locale } = useI18n();
  const story = useResource(`public-story-${id}`, (signal) => getPublicStory(id, signal));
  const title = story.data ? localized(story.data.title, locale) : null;
  useEffect(() => {
    if (title) document.title = pageTitle(title);
  }, [title]);
  return (
    <Loaded resource={story}>
      {(s) => {
        const shownIn = { title: shownLanguage(s.title, locale), body: shownLanguage(s.body, locale) };
        const [cover, ...others] = s.photos;
        return (
          <article className="story">
            {cover ? (
              <img className="cover" src={cover.url} alt={s.group.name} width={cover.width} height={cover.height} />
            ) : null}
            <h1 lang={shownIn.title ?? undefined}>{localized(s.title, locale)}</h1>
            <ShownIn shownIn={shownIn} />
            <p className="muted">
              {s.group.name}
              {s.publishedAt ? ` · ${formatDate(s.publishedAt.slice(0, 10), locale)}` : ''}
            </p>
            {(localized(s.body, locale) ?? '').split(/\n{2,}/).map((paragraph, i) => (
              <p key={i} lang={shownIn.body ?? undefined} style={{ overflowWrap: 'anywhere' }}>
                {paragraph}
              </p>
            ))}
            {others.length ? (
              <ul className="thumbs" aria-label={t('story.photos')}>
                {others.map((photo) => (
                  <li key={photo.id}>
                    <a href={photo.url}>
                      <img src={photo.thumbnailUrl} alt={t('story.photoOf', { name: s.group.name })} loading="lazy" />
                    </a>
                  </li>
                ))}
              </ul>
            ) : null}
            <StoryFacts story={s} />
          </article>
        );
      }}
    </Loaded>
  );
}
