import { useEffect } from 'react';
import { Link } from 'wouter';
import { CertificationList } from '../../../components/CertificationList';
import { Loaded } from '../../../components/Loaded';
import { languageNames } from '../../../../shared/language-names';
import { ShownIn } from '../../../components/ShownIn';
import { useI18n } from '../../../i18n/i18n';
import { countryName } from '../../../lib/countries';
import { formatDate, formatList, formatQuantity, pageTitle } from '../../../lib/format';
import { useResource } from '../../../lib/use-resource';
import { getProvenance } from '../api/provenance';

/** The page a batch's QR code opens: what it is, where and by whom it was made, when, and from what. */
export default function ProvenancePage({ id }: { id: string }) {
  const { t, locale } = useI18n();
  const found = useResource(`${id}/${locale}`, (signal) => getProvenance(id, locale, signal));
  const shown = found.data;
  useEffect(() => {
    if (shown) document.title = pageTitle(shown.product.name, shown.batch.lotCode);
  }, [shown]);

  return (
    <Loaded resource={found}>
      {(data) => {
        const { batch, product, village, group } = data;
        return (
          <article className="story provenance">
            {product.photo ? (
              <img
                className="cover"
                src={product.photo.url}
                alt={product.name}
                width={product.photo.width}
                height={product.photo.height}
              />
            ) : null}
            <p className="badge">{t('provenance.badge')}</p>
            <h1 lang={product.shownIn.name ?? undefined}>{product.name}</h1>
            <ShownIn shownIn={product.shownIn} />
            <p className="muted">{t('provenance.lot', { lot: batch.lotCode })}</p>
            <section className="panel" aria-labelledby="batch-title">
              <h2 id="batch-title">{t('provenance.batch')}</h2>
              <dl>
                <dt>{t('provenance.producedOn')}</dt>
                <dd>{formatDate(batch.producedOn, locale)}</dd>
                {batch.expiresOn ? (
                  <>
                    <dt>{t('provenance.expiresOn')}</dt>
                    <dd>{formatDate(batch.expiresOn, locale)}</dd>
                  </>
                ) : null}
                <dt>{t('product.village')}</dt>
                <dd>{village.name}</dd>
                <dt>{t('product.region')}</dt>
                <dd>{[...village.region, countryName(village.country, locale)].join(', ')}</dd>
                <dt>{t('product.group')}</dt>
                <dd>
                  {group.name} ({t(`groupKind.${group.kind}`)})
                </dd>
              </dl>
            </section>
            <section className="panel" aria-labelledby="certs-title">
              <h2 id="certs-title">{t('provenance.certifications')}</h2>
              {data.certifications.length === 0 ? <p className="muted">{t('provenance.noCertifications')}</p> : null}
              <CertificationList certifications={data.certifications} />
              <p className="muted small">{t('provenance.certificationsNote')}</p>
            </section>
            {data.inputs.length ? (
              <section className="panel" aria-labelledby="inputs-title">
                <h2 id="inputs-title">{t('provenance.inputs')}</h2>
                <ul className="rows">
                  {data.inputs.map((i) => (
                    <li key={i.lotCode} className="row-static">
                      <strong>{i.product}</strong>
                      <span className="muted small">
                        {t('provenance.lot', { lot: i.lotCode })} · {formatQuantity(i.quantity, i.unit, locale)} ·{' '}
                        {i.village} · {formatDate(i.producedOn, locale)}
                      </span>
                    </li>
                  ))}
                </ul>
              </section>
            ) : null}
            {product.description ? <p lang={product.shownIn.description ?? undefined}>{product.description}</p> : null}
            {product.story ? (
              <section aria-labelledby="story-title">
                <h2 id="story-title">{t('product.story')}</h2>
                {product.story.split(/\n{2,}/).map((paragraph, i) => (
                  <p key={i} lang={product.shownIn.story ?? undefined}>
                    {paragraph}
                  </p>
                ))}
              </section>
            ) : null}
            {village.potentials.length ? (
              <p className="muted small">
                {t('provenance.potentials', { list: formatList(village.potentials, locale) })}
                {/* Typed by the facilitator, in Indonesian: said so to a reader of another language. */}
                {locale === 'id' ? null : ` (${languageNames(['id'], locale)})`}
              </p>
            ) : null}
            {product.public ? (
              <Link href={`/p/${product.id}`} className="button">
                {t('provenance.seeProduct')}
              </Link>
            ) : null}
          </article>
        );
      }}
    </Loaded>
  );
}
