import { useEffect } from 'react';
import { Loaded } from '../../../components/Loaded';
import { useI18n } from '../../../i18n/i18n';
import { formatList } from '../../../lib/format';
import { useResource } from '../../../lib/use-resource';
import { getRatingScheme } from '../api/catalog';
import { pageTitle } from '../../../lib/format';

/**
 * What a badge's stars mean, for anyone who follows it: the scheme's parts and points, the star
 * bands, what a product must hold to be rated and who awards each star. The scheme's caveats are
 * notes for the program staff who configure it (what to check, what to change): not shown here.
 */
export function RatingSchemePage({ id }: { id: string }) {
  const { t, locale } = useI18n();
  const scheme = useResource(`${id}/${locale}`, (signal) => getRatingScheme(id, locale, signal));
  const shown = scheme.data;
  useEffect(() => {
    if (shown) document.title = pageTitle(shown.name);
  }, [shown]);

  return (
    <Loaded resource={scheme}>
      {(data) => (
        <article className="rating-scheme">
          <h1>{data.name}</h1>
          {data.description ? <p>{data.description}</p> : null}
          <section aria-labelledby="bands-title" className="panel">
            <h2 id="bands-title">{t('rating.bands')}</h2>
            <ul>
              {data.thresholds.map((band) => (
                <li key={band.stars}>
                  <span className="stars" aria-hidden="true">
                    {'★'.repeat(band.stars)}
                  </span>{' '}
                  {t('rating.band', { stars: band.stars, percent: band.minPercent })} ·{' '}
                  {t('rating.awardedBy', { panel: t(`rating.tier.${data.starTiers[String(band.stars) as '1']}`) })}
                </li>
              ))}
            </ul>
            {data.minPublicStars > 1 ? (
              <p className="small">{t('rating.minPublic', { stars: data.minPublicStars })}</p>
            ) : null}
            <p className="small">{t('rating.validity', { months: data.validityMonths })}</p>
          </section>
          <section aria-labelledby="parts-title" className="panel">
            <h2 id="parts-title">{t('rating.parts')}</h2>
            {data.parts.map((part) => (
              <div key={part.code}>
                <h3>
                  {part.name} — {t('rating.points', { points: part.points })}
                  {part.unverified ? <span className="muted small"> ({t('rating.unverified')})</span> : null}
                </h3>
                <ul className="small">
                  {part.criteria.map((c) => (
                    <li key={c.code}>
                      {c.name} — {t('rating.points', { points: c.points })}
                    </li>
                  ))}
                </ul>
              </div>
            ))}
          </section>
          {data.requirements.length ? (
            <section aria-labelledby="requirements-title" className="panel">
              <h2 id="requirements-title">{t('rating.requirements')}</h2>
              <ul>
                {data.requirements.map((r) => (
                  <li key={r.code}>
                    {r.name}
                    {r.categories
                      ? ` (${t('rating.onlyFor', { categories: formatList(r.categories, locale) })})`
                      : ''}{' '}
                    —{' '}
                    {r.onFail.effect === 'block' ? t('rating.blocks') : t('rating.caps', { stars: r.onFail.maxStars })}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
        </article>
      )}
    </Loaded>
  );
}
