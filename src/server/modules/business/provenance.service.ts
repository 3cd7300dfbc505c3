import { pathCodes } from '../../../shared/area-path.js';
import type { Ctx } from '../../http/context.js';
import { notFound } from '../../http/errors.js';
import type { UiLocale } from '../../../shared/locales.js';
import { localized, shownLanguage } from '../../../shared/localized.js';
import { quantityText } from '../../../shared/quantity.js';
import { publicCertifications } from '../quality/index.js';
import { presentPhoto, productPhotos } from '../registry/index.js';
import { provenanceRepository } from './provenance.repository.js';

/** '/51/51.07/51.07.06/51.07.06.2004/' → ['51', '51.07', '51.07.06', '51.07.06.2004'] */

/**
 * The public page a batch's QR code opens (DESIGN §3.6): what the product is, where and by which
 * group it was made, when, the certificates valid on that day, and what went into it. Nothing
 * personal: no member, phone or national id is read.
 */
export async function batchProvenance(ctx: Pick<Ctx, 'db'>, id: string, locale: UiLocale) {
  const row = await provenanceRepository.batch(ctx.db, id);
  if (!row) throw notFound('Batch');
  const published = row.product_status !== 'draft';
  const inputs = await provenanceRepository.inputs(ctx.db, id);
  const codes = [...pathCodes(row.area_path), ...inputs.map((i) => i.village_code)];
  const names = await provenanceRepository.areaNames(ctx.db, codes);
  const [cover] = published ? await productPhotos(ctx.db, [row.product_id]) : [];
  const photo = cover && presentPhoto(cover);
  const region = pathCodes(row.area_path)
    .slice(0, -1)
    .reverse()
    .map((code) => names.get(code) ?? code);
  return {
    batch: {
      id: row.id,
      lotCode: row.lot_code,
      producedOn: row.produced_on,
      expiresOn: row.expires_on,
      quantity: quantityText(row.quantity),
      unit: row.unit,
    },
    // A draft product's texts are not published yet: the label names the product, nothing more.
    product: {
      id: row.product_id,
      name: localized(row.product_name, locale) ?? '',
      description: published ? localized(row.product_description, locale) : null,
      story: published ? localized(row.product_story, locale) : null,
      category: row.product_category,
      public: published,
      shownIn: {
        name: shownLanguage(row.product_name, locale),
        description: published ? shownLanguage(row.product_description, locale) : null,
        story: published ? shownLanguage(row.product_story, locale) : null,
      },
      photo: photo ? { url: photo.url, width: photo.width, height: photo.height } : null,
    },
    village: {
      code: row.village_code,
      name: names.get(row.village_code) ?? row.village_code,
      region,
      country: row.country,
      potentials: row.village_potentials,
    },
    group: { name: row.group_name, kind: row.group_kind, foundedOn: row.group_founded_on },
    certifications: await publicCertifications(ctx.db, row.product_id, row.produced_on),
    inputs: inputs.map((i) => ({
      lotCode: i.lot_code,
      quantity: quantityText(i.quantity),
      unit: i.unit,
      producedOn: i.produced_on,
      product: localized(i.product_name, locale) ?? '',
      village: names.get(i.village_code) ?? i.village_code,
      group: i.group_name,
    })),
  };
}
