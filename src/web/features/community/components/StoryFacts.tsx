import type { PublicStoryAnswer } from '../../../../shared/schemas/community-stories';
import { localized } from '../../../../shared/localized';
import { useI18n } from '../../../i18n/i18n';
import { formatDate } from '../../../lib/format';

/** What the group has done, as the platform counts it when the story is read, and its products' pages. */
export function StoryFacts({ story }: { story: PublicStoryAnswer }) {
  const { t, locale } = useI18n();
  const { facts } = story;
  return (
    <section aria-labelledby={`facts-${story.id}`} className="panel">
      <h2 id={`facts-${story.id}`}>{t('story.facts')}</h2>
      <dl>
        <dt>{t('story.stars')}</dt>
        <dd>{facts.stars ? '★'.repeat(facts.stars) : t('story.noStars')}</dd>
        <dt>{t('story.firstExport')}</dt>
        <dd>{facts.firstExportOn ? formatDate(facts.firstExportOn, locale) : t('story.noExport')}</dd>
        <dt>{t('story.trained')}</dt>
        <dd>{t('story.trainedCount', { count: facts.trainedMembers })}</dd>
      </dl>
      {story.products.length ? (
        <>
          <h3>{t('story.products')}</h3>
          <ul>
            {story.products.map((p) => (
              <li key={p.id}>
                <a href={`/p/${p.id}`}>{localized(p.name, locale)}</a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
