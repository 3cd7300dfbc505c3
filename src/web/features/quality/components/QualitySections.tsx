import { useState } from 'react';
import { useI18n } from '../../../i18n/i18n';
import { AssessmentsList } from './AssessmentsList';
import { CertificationsSection } from './CertificationsSection';
import { ExportReadinessPanel } from './ExportReadinessPanel';

/** On a group's page: the group's assessments and certificates. */
export function GroupQuality({ groupId }: { groupId: string }) {
  const { t } = useI18n();
  return (
    <>
      <AssessmentsList query={{ groupId }} title={t('assess.ofGroup')} />
      <CertificationsSection groupId={groupId} />
    </>
  );
}

/**
 * On a product's page: its assessments, its certificates, and its export readiness, which is
 * checked again whenever a certificate or the product itself changes.
 */
export function ProductQuality({ product }: { product: { id: string; groupId: string; version: number } }) {
  const { t } = useI18n();
  const [certChanges, setCertChanges] = useState(0);
  return (
    <>
      <AssessmentsList query={{ productId: product.id }} title={t('assess.ofProduct')} />
      <CertificationsSection
        productId={product.id}
        groupId={product.groupId}
        onChanged={() => setCertChanges((n) => n + 1)}
      />
      <ExportReadinessPanel productId={product.id} refresh={certChanges + product.version} />
    </>
  );
}
