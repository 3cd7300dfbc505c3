import { useState, type ReactNode } from 'react';
import { Link, useLocation } from 'wouter';
import type { GroupAnswer } from '../../../../shared/schemas/registry';
import { Loaded } from '../../../components/Loaded';
import { useI18n } from '../../../i18n/i18n';
import { usePagedList, useResource } from '../../../lib/use-resource';
import { usePendingRecord } from '../../offline';
import { getGroup } from '../api/groups';
import { listProducts } from '../api/products';
import { GroupForm } from './GroupForm';
import { MembersSection } from './MembersSection';

function ProductsSection({ groupId, mayAdd }: { groupId: string; mayAdd: boolean }) {
  const { t, locale } = useI18n();
  const list = usePagedList(`products-${groupId}`, (cursor, signal) => listProducts({ groupId }, cursor, signal));
  return (
    <section className="panel" aria-labelledby="products-title">
      <h2 id="products-title">{t('products.title')}</h2>
      {mayAdd ? (
        <Link href={`/products/new?group=${groupId}`} className="button">
          {t('products.new')}
        </Link>
      ) : null}
      <ul className="rows">
        {list.items?.map((p) => (
          <li key={p.id}>
            <Link href={`/products/${p.id}`} className="row-button">
              <span>{p.name[locale] ?? p.name.id ?? Object.values(p.name)[0]}</span>
              <span className="muted small">{t(`status.${p.status}`)}</span>
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

/** What other features add to a group's page; app/GroupScreen.tsx fills them in. */
interface GroupSlots {
  /** Links beside the group's name (its books, for those who may read them). */
  actions?: (group: GroupAnswer) => ReactNode;
  /** Sections after the group's members and products (its assessments, certificates, training). */
  sections?: (group: GroupAnswer) => ReactNode;
}

export default function GroupPage({ id, actions, sections }: { id: string | null } & GroupSlots) {
  const { t } = useI18n();
  const [, navigate] = useLocation();
  const group = useResource(id, (signal) => getGroup(id!, signal));
  const pending = usePendingRecord(id);
  const [saved, setSaved] = useState(false);
  if (id === null) {
    const open = (groupId: string) => navigate(`/groups/${groupId}`, { replace: true });
    return (
      <>
        <h1>{t('groups.new')}</h1>
        <GroupForm group={null} onSaved={(g) => open(g.id)} onQueued={open} />
      </>
    );
  }
  // Registered on this phone and not yet sent: its members and products can be added meanwhile.
  if (pending?.kind === 'group' && !group.data) {
    return (
      <>
        <h1>{pending.label}</h1>
        <p className="panel warning" role="status">
          {t('offline.pendingRecord')}
        </p>
        <MembersSection groupId={pending.clientId} mayAdd />
        <Link href={`/products/new?group=${pending.clientId}`} className="button">
          {t('products.new')}
        </Link>
      </>
    );
  }
  return (
    <Loaded resource={group}>
      {(g) => (
        <>
          <h1>{g.name}</h1>
          <p className="muted">
            {t(`groupKind.${g.kind}`)} · {g.village.name}
          </p>
          {actions?.(g)}
          {g.abilities.update ? (
            <details className="panel">
              <summary>{t('groups.edit')}</summary>
              <GroupForm key={g.version} group={g} onSaved={() => setSaved(true)} />
              {saved ? <p role="status">{t('form.saved')}</p> : null}
            </details>
          ) : null}
          <MembersSection groupId={g.id} mayAdd={g.abilities.addMember} />
          <ProductsSection groupId={g.id} mayAdd={g.abilities.addProduct} />
          {sections?.(g)}
        </>
      )}
    </Loaded>
  );
}
