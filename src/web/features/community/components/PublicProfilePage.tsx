import { localized } from '../../../../shared/localized';
import type { PublicProfileAnswer } from '../../../../shared/schemas/community-profiles';
import { Loaded } from '../../../components/Loaded';
import { useI18n } from '../../../i18n/i18n';
import { useResource } from '../../../lib/use-resource';
import { getPublicProfile } from '../api/public';
import { waMeLink } from '../../../../shared/wa-me';

function Profile({ person }: { person: PublicProfileAnswer }) {
  const { t, locale } = useI18n();
  return (
    <>
      <h1>{person.name}</h1>
      <p className="muted">{person.area.name}</p>
      {person.business ? (
        <p>
          <strong>{t('people.business')}</strong>: {person.business}
        </p>
      ) : null}
      {person.offers ? (
        <>
          <h2>{t('people.offers')}</h2>
          <p style={{ whiteSpace: 'pre-wrap' }}>{person.offers}</p>
        </>
      ) : null}
      {person.group ? (
        <>
          <h2>{person.group.name}</h2>
          {person.group.products.length > 0 ? (
            <ul>
              {person.group.products.map((p) => (
                <li key={p.id}>
                  <a href={`/p/${p.id}`}>{localized(p.name, locale)}</a>
                </li>
              ))}
            </ul>
          ) : null}
        </>
      ) : null}
      {person.phone ? (
        <p>
          <a href={waMeLink(t('people.chatHello', { name: person.name }), person.phone)} rel="noopener noreferrer">
            {t('people.chat')}
          </a>
        </p>
      ) : null}
      {person.email ? (
        <p>
          <a href={`mailto:${person.email}`}>{person.email}</a>
        </p>
      ) : null}
    </>
  );
}

/** A member's public page (`/people/{id}`): her name and village, and only what she made public. */
export default function PublicProfilePage({ id }: { id: string }) {
  const person = useResource(`person-${id}`, (signal) => getPublicProfile(id, signal));
  return (
    <section className="panel">
      <Loaded resource={person}>{(p) => <Profile person={p} />}</Loaded>
    </section>
  );
}
