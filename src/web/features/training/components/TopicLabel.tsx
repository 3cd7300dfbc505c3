import { TRAINING_TOPICS } from '../../../../shared/schemas/training';
import { useI18n } from '../../../i18n/i18n';

/** A shipped topic in the reader's language; a program's own topic as it was written. */
export function TopicLabel({ topic }: { topic: string }) {
  const { t } = useI18n();
  return <>{(TRAINING_TOPICS as readonly string[]).includes(topic) ? t(`topic.${topic}`) : topic}</>;
}
