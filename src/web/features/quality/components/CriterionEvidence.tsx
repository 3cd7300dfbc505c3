import { useState } from 'react';
import { useI18n } from '../../../i18n/i18n';
import type { EvidenceAnswer } from '../../../../shared/schemas/quality';
import { uploadEvidence } from '../api/assessments';
import { AttachmentLink, AttachmentUpload } from './AttachmentUpload';

/** The evidence attached to one criterion's score (a lab report, a photo of the premises), and adding more when allowed. */
export function CriterionEvidence({
  assessmentId,
  criterion,
  name,
  evidence,
  mayAdd,
  onAdded,
}: {
  assessmentId: string;
  criterion: string;
  name: string;
  evidence: EvidenceAnswer[];
  /** The assessment's `addEvidence` ability. */
  mayAdd: boolean;
  onAdded: (e: EvidenceAnswer) => void;
}) {
  const { t } = useI18n();
  // A toggle rather than <details>: the criterion is already a group, and one group per criterion keeps the form easy to walk.
  const [open, setOpen] = useState(false);
  const id = `evidence-${criterion.replace(/[^\w-]/g, '-')}`;
  return (
    <div className="evidence">
      <button type="button" className="link" aria-expanded={open} aria-controls={id} onClick={() => setOpen(!open)}>
        {t('evidence.title', { count: evidence.length })}
      </button>
      <div id={id} hidden={!open}>
        {evidence.length ? (
          <ul className="small" aria-label={t('evidence.list', { name })}>
            {evidence.map((e, i) => (
              <li key={e.id}>
                <AttachmentLink {...e} label={t('evidence.file', { n: i + 1 })} />
              </li>
            ))}
          </ul>
        ) : null}
        {mayAdd ? (
          <AttachmentUpload
            choose={t('evidence.choose', { name })}
            send={t('evidence.upload')}
            onUpload={async (file) => onAdded(await uploadEvidence(assessmentId, file, criterion))}
          />
        ) : null}
      </div>
    </div>
  );
}
