import { Link } from 'wouter';
import type { QualityProgramAbilities } from '../../../../shared/schemas/quality';
import { useI18n } from '../../../i18n/i18n';
import { formatDate } from '../../../lib/format';
import { usePagedList } from '../../../lib/use-resource';
import { Stars } from '../../../components/Stars';
import { listAssessments } from '../api/assessments';

/** Assessments of a program, a group or a product, newest first as the server lists them. */
export function AssessmentsList({
  query,
  title,
  onAbilities,
}: {
  query: { programId?: string; productId?: string; groupId?: string };
  title: string;
  /** Told what a program's list offers the caller (it comes with the first page when `programId` is set). */
  onAbilities?: (abilities: QualityProgramAbilities) => void;
}) {
  const { t, locale } = useI18n();
  const key = `assessments-${query.programId ?? ''}-${query.groupId ?? ''}-${query.productId ?? ''}`;
  const list = usePagedList(key, async (cursor, signal) => {
    const page = await listAssessments(query, cursor, signal);
    if (page.abilities) onAbilities?.(page.abilities);
    return page;
  });
  return (
    <section className="panel" aria-labelledby={`${key}-title`}>
      <h2 id={`${key}-title`}>{title}</h2>
      {list.error ? <p role="alert">{t('error.load')}</p> : null}
      {list.items && list.items.length === 0 ? <p className="muted">{t('assess.none')}</p> : null}
      <ul className="rows" aria-label={title}>
        {list.items?.map((a) => (
          <li key={a.id}>
            <Link href={`/assessments/${a.id}`} className="row-button">
              <span>
                {t('assess.heading', { year: a.year })} · {t(`assessStatus.${a.status}`)} <Stars stars={a.stars} />
              </span>
              <span className="muted small">
                {t(`tier.${a.panelTier}`)} · {formatDate(a.assessedOn, locale)}
              </span>
            </Link>
          </li>
        ))}
      </ul>
      {list.nextCursor ? (
        <button type="button" onClick={() => void list.loadMore()}>
          {t('action.loadMore')}
        </button>
      ) : null}
    </section>
  );
}
