import { useState } from 'react';
import type { SpaceAnswer } from '../../../../shared/schemas/community-spaces';
import { useI18n } from '../../../i18n/i18n';
import { useResource } from '../../../lib/use-resource';
import { listModerators, setModerator, suggestMembers } from '../api/moderation';

/**
 * The space's appointed moderators, for those who moderate it: a community manager over the space
 * appoints a member by name or removes one (the server refuses an appointed moderator: 403).
 */
export function SpaceModerators({ space }: { space: SpaceAnswer }) {
  const { t } = useI18n();
  const moderators = useResource(`moderators-${space.id}`, (signal) => listModerators(space.id, signal));
  const [typed, setTyped] = useState('');
  const found = useResource(typed.trim() ? `moderator-pick-${space.programId}-${typed.trim()}` : null, (signal) =>
    suggestMembers(space.programId, typed.trim(), signal),
  );
  const change = (userId: string, appoint: boolean) =>
    void setModerator(space.id, userId, appoint).then(() => {
      setTyped('');
      moderators.reload();
    });
  return (
    <details>
      <summary>{t('moderation.spaceModerators')}</summary>
      <ul className="rows">
        {(moderators.data?.items ?? []).map((m) => (
          <li key={m.id}>
            <div className="row-static">
              <span>{m.name}</span>
              <button type="button" className="secondary small" onClick={() => change(m.id, false)}>
                {t('moderation.removeModerator')}
              </button>
            </div>
          </li>
        ))}
      </ul>
      <label>
        {t('moderation.appointModerator')} <input value={typed} onChange={(e) => setTyped(e.target.value)} />
      </label>
      <div className="actions">
        {(found.data?.items ?? []).map((person) => (
          <button key={person.id} type="button" className="secondary small" onClick={() => change(person.id, true)}>
            {person.name}
          </button>
        ))}
      </div>
    </details>
  );
}
