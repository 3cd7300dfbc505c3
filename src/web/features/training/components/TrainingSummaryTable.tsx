import { useI18n } from '../../../i18n/i18n';
import { useResource } from '../../../lib/use-resource';
import { getTrainingSummary } from '../api/training-summary';
import { TopicLabel } from './TopicLabel';
import { cardRows } from '../../../components/card-table';

/** Trained people by topic and sex, within the caller's area (the server narrows it). */
export function TrainingSummaryTable({ programId }: { programId: string }) {
  const { t } = useI18n();
  const summary = useResource(`training-summary-${programId}`, (signal) => getTrainingSummary(programId, signal));
  if (!summary.data) return null;
  return (
    <table className="breakdown cards" ref={cardRows}>
      <caption>{t('training.summary')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('training.topic')}</th>
          <th scope="col">{t('training.women')}</th>
          <th scope="col">{t('training.men')}</th>
          <th scope="col">{t('training.total')}</th>
        </tr>
      </thead>
      <tbody>
        {summary.data.byTopic.map((r) => (
          <tr key={r.topic}>
            <th scope="row">
              <TopicLabel topic={r.topic} />
            </th>
            <td>{r.female}</td>
            <td>{r.male}</td>
            <td>{r.total}</td>
          </tr>
        ))}
        <tr>
          <th scope="row">{t('training.people')}</th>
          <td>{summary.data.people.female}</td>
          <td>{summary.data.people.male}</td>
          <td>{summary.data.people.total}</td>
        </tr>
      </tbody>
    </table>
  );
}
