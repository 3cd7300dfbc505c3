import { Link } from 'wouter';
import { useState } from 'react';
import type { JoinAnswer } from '../../../../shared/schemas/community';
import { useConfirm } from '../../../components/ConfirmDialog';
import { useI18n } from '../../../i18n/i18n';
import { useResource } from '../../../lib/use-resource';
import { usePrograms } from '../../programs';
import { decideJoin, listPendingJoins } from '../api/joins';
import { waMeLink } from '../../../../shared/wa-me';

/** Who waits to join, in the caller's scope: welcome or decline each, with a confirm; a welcome gives the invitation link. */
export default function CommunityPage() {
  const { t } = useI18n();
  const { program } = usePrograms();
  const programId = program?.id ?? null;
  const joins = useResource(programId && `joins-${programId}`, (signal) => listPendingJoins(programId!, signal));
  const { ask, dialog } = useConfirm();
  const [link, setLink] = useState<{ name: string; phone: string | null; url: string } | null>(null);
  if (!program) return <p className="muted">{t('community.noProgram')}</p>;
  const decide = async (join: JoinAnswer, decision: 'welcome' | 'decline') => {
    const sure = await ask({
      title: t(decision === 'welcome' ? 'community.confirmWelcome' : 'community.confirmDecline', { name: join.name }),
      body: t(decision === 'welcome' ? 'community.welcomeBody' : 'community.declineBody'),
      confirm: t(decision === 'welcome' ? 'community.welcome' : 'community.decline'),
    });
    if (!sure) return;
    const answer = await decideJoin(join.id, decision);
    if (answer.invitation)
      setLink({ name: join.name, phone: join.phone, url: `${window.location.origin}${answer.invitation.path}` });
    joins.reload();
  };
  return (
    <section className="panel">
      <h1>{t('community.pendingTitle')}</h1>
      <p>
        <Link href={`/community/reports/${program.id}`}>{t('moderation.title')}</Link>
      </p>
      {dialog}
      <p className="muted" style={{ overflowWrap: 'anywhere' }}>
        {t('community.joinLink')} {`${window.location.origin}/join/${program.id}`}
      </p>
      {link ? (
        <div role="status" className="notice">
          <p>{t('community.welcomed', { name: link.name })}</p>
          <p style={{ overflowWrap: 'anywhere' }}>{link.url}</p>
          <button type="button" onClick={() => void navigator.clipboard?.writeText(link.url)}>
            {t('community.copyLink')}
          </button>{' '}
          <a href={waMeLink(link.url, link.phone)} target="_blank" rel="noreferrer">
            {t('community.shareWhatsApp')}
          </a>
        </div>
      ) : null}
      {joins.data?.items.length === 0 ? <p className="muted">{t('community.noneWaiting')}</p> : null}
      <ul className="cards">
        {joins.data?.items.map((join) => (
          <li key={join.id} className="card">
            <strong>{join.name}</strong>
            <div>{join.area.name}</div>
            {join.business ? <div>{join.business}</div> : null}
            <div className="muted">{[join.phone, join.email].filter(Boolean).join(' · ')}</div>
            {join.abilities.decide ? (
              <div className="actions">
                <button type="button" onClick={() => void decide(join, 'welcome')}>
                  {t('community.welcome')}
                </button>{' '}
                <button type="button" className="secondary" onClick={() => void decide(join, 'decline')}>
                  {t('community.decline')}
                </button>
              </div>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
