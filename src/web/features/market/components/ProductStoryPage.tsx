import { Link } from 'wouter';
import { useEffect } from 'react';
import { Loaded } from '../../../components/Loaded';
import { useI18n } from '../../../i18n/i18n';
import { formatDate, formatMoney, formatQuantity, languageList, pageTitle, unitName } from '../../../lib/format';
import { CertificationList } from '../../../components/CertificationList';
import { useResource } from '../../../lib/use-resource';
import { getCatalogProduct } from '../api/catalog';
import { ContactGroup } from './ContactGroup';
import { ProductFacts } from './ProductFacts';
import { RatingBadge } from './RatingBadge';
import { ShownIn } from '../../../components/ShownIn';

/** The page a QR code on a package opens: the product's story, its village and its group. */
export function ProductStoryPage({ id }: { id: string }) {
  const { t, locale } = useI18n();
  const product = useResource(`${id}/${locale}`, (signal) => getCatalogProduct(id, locale, signal));
  const shown = product.data;
  useEffect(() => {
    if (shown) document.title = pageTitle(shown.name);
  }, [shown]);

  return (
    <Loaded resource={product}>
      {(data) => {
        const region = [...data.village.ancestors].reverse().map((a) => a.name);
        const [cover, ...others] = data.photos;
        return (
          <article className="story">
            {cover ? (
              <img className="cover" src={cover.url} alt={data.name} width={cover.width} height={cover.height} />
            ) : null}
            <h1 lang={data.shownIn.name ?? undefined}>{data.name}</h1>
            <ShownIn shownIn={data.shownIn} />
            <p className="price">
              {formatMoney(data.price, locale)} / <span className="unit">{unitName(data.unit, locale)}</span>
            </p>
            <RatingBadge rating={data.rating} />
            {data.exportReady ? <p className="badge">{t('catalog.exportReady')}</p> : null}
            {data.description ? <p lang={data.shownIn.description ?? undefined}>{data.description}</p> : null}
            {data.story ? (
              <section aria-labelledby="story-title">
                <h2 id="story-title">{t('product.story')}</h2>
                {data.story.split(/\n{2,}/).map((paragraph, i) => (
                  <p key={i} lang={data.shownIn.story ?? undefined}>
                    {paragraph}
                  </p>
                ))}
              </section>
            ) : null}
            {others.length ? (
              <ul className="thumbs" aria-label={t('product.photos')}>
                {others.map((photo) => (
                  <li key={photo.url}>
                    <a href={photo.url}>
                      <img src={photo.thumbnailUrl} alt={t('product.photoOf', { name: data.name })} loading="lazy" />
                    </a>
                  </li>
                ))}
              </ul>
            ) : null}
            {data.certifications.length ? (
              <section aria-labelledby="certs-title" className="panel">
                <h2 id="certs-title">{t('product.certifications')}</h2>
                <CertificationList certifications={data.certifications} />
              </section>
            ) : null}
            <ProductFacts data={data} />
            <section aria-labelledby="origin-title" className="panel">
              <h2 id="origin-title">{t('product.origin')}</h2>
              <dl>
                <dt>{t('product.village')}</dt>
                <dd>{data.village.name}</dd>
                <dt>{t('product.region')}</dt>
                <dd>{region.join(', ')}</dd>
                <dt>{t('product.group')}</dt>
                <dd>
                  {data.group.name} ({t(`groupKind.${data.group.kind}`)})
                  {data.group.foundedOn
                    ? ` · ${t('product.since', { date: formatDate(data.group.foundedOn, locale) })}`
                    : ''}
                </dd>
                {data.capacityPerMonth !== null ? (
                  <>
                    <dt>{t('product.capacity')}</dt>
                    <dd>{formatQuantity(data.capacityPerMonth, data.unit, locale)}</dd>
                  </>
                ) : null}
              </dl>
            </section>
            <ContactGroup productId={data.id} unit={data.unit} />
            <p className="muted small">{t('product.languages', { languages: languageList(data.languages, locale) })}</p>
            <p>
              <Link href="~/catalog">{t('notFound.home')}</Link>
            </p>
          </article>
        );
      }}
    </Loaded>
  );
}
