import type { CatalogProductAnswer } from '../../../../shared/schemas/market';
import { useI18n } from '../../../i18n/i18n';
import { intlLocale } from '../../../../shared/languages';
import { formatList } from '../../../lib/format';

/** What the label says, in the reader's language: net quantity, ingredients, allergens, shelf life, storage; and the HS code. */
export function ProductFacts({ data }: { data: CatalogProductAnswer }) {
  const { t, locale } = useI18n();
  const { netQuantity, ingredients, allergens, shelfLifeDays, storage, hsCode } = data;
  if (!netQuantity && !ingredients && !allergens && shelfLifeDays === null && !storage && !hsCode) return null;
  const number = new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: 3 });
  return (
    <section aria-labelledby="facts-title" className="panel" data-testid="product-facts">
      <h2 id="facts-title">{t('product.facts')}</h2>
      <dl>
        {netQuantity ? (
          <>
            <dt>{t('product.netQuantity')}</dt>
            <dd>
              {number.format(netQuantity.amount)} {t(`netUnit.${netQuantity.unit}`)}
            </dd>
          </>
        ) : null}
        {ingredients ? (
          <>
            <dt>{t('product.ingredients')}</dt>
            <dd lang={data.shownIn.ingredients ?? undefined}>{ingredients}</dd>
          </>
        ) : null}
        {allergens ? (
          <>
            <dt>{t('product.allergens')}</dt>
            <dd>
              {allergens.length
                ? formatList(
                    allergens.map((a) => t(`allergen.${a}`)),
                    locale,
                  )
                : t('product.allergensNone')}
            </dd>
          </>
        ) : null}
        {shelfLifeDays !== null ? (
          <>
            <dt>{t('product.shelfLife')}</dt>
            <dd>{t('product.shelfLifeDays', { days: number.format(shelfLifeDays) })}</dd>
          </>
        ) : null}
        {storage ? (
          <>
            <dt>{t('product.storage')}</dt>
            <dd lang={data.shownIn.storage ?? undefined}>{storage}</dd>
          </>
        ) : null}
        {hsCode ? (
          <>
            <dt>{t('product.hsCode')}</dt>
            <dd>{hsCode}</dd>
          </>
        ) : null}
      </dl>
    </section>
  );
}
