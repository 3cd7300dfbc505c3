import { useI18n } from '../../../i18n/i18n';
import { useResource } from '../../../lib/use-resource';
import { getGroupTraining } from '../api/group-training';
import { localized } from '../../../../shared/localized';
import { certificatePdfUrl } from '../api/certificates';

/** On the group's page: who in the group is trained in what (completed courses, with certificates). */
export function GroupTrainingSection({ groupId }: { groupId: string }) {
  const { t, locale } = useI18n();
  const record = useResource(`group-training-${groupId}`, (signal) => getGroupTraining(groupId, signal));
  return (
    <section className="panel" aria-labelledby="group-training-title">
      <h2 id="group-training-title">{t('training.groupRecord')}</h2>
      {record.data?.items.length === 0 ? <p className="muted">{t('training.noneTrained')}</p> : null}
      <ul className="rows">
        {record.data?.items.map((m) => (
          <li key={m.memberId} className="row-static">
            <span>{m.name}</span>
            <span className="small">
              {m.completed.map((c, i) => (
                <span key={c.certificateId}>
                  {i ? ' · ' : ''}
                  <a href={certificatePdfUrl(c.certificateId)} target="_blank" rel="noreferrer">
                    {localized(c.course.title, locale)}
                  </a>
                </span>
              ))}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
