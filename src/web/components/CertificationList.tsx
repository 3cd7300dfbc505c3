import { useI18n } from '../i18n/i18n';
import { formatDate } from '../lib/format';

export interface PublicCertification {
  kind: string;
  number: string;
  issuer: string;
  validUntil: string | null;
}

/**
 * A product's certificates as the public reads them (a product's page, a batch's provenance): the
 * scheme named in the reader's language (P-IRT, halal …), its number, who issued it and until when
 * it is valid.
 */
export function CertificationList({ certifications }: { certifications: readonly PublicCertification[] }) {
  const { t, locale } = useI18n();
  return (
    <ul className="rows">
      {certifications.map((c) => (
        <li key={`${c.kind}-${c.number}`} className="row-static">
          <strong>{t(`certKind.${c.kind}`)}</strong>
          <span className="muted small">
            {c.number} · {c.issuer}
            {c.validUntil ? ` · ${t('product.certValidUntil', { date: formatDate(c.validUntil, locale) })}` : ''}
          </span>
        </li>
      ))}
    </ul>
  );
}
