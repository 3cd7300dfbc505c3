import { BooksLinks } from '../features/business';
import { useSession } from '../features/platform';
import { InvitePanel, mayInvite } from '../features/programs';
import { GroupQuality } from '../features/quality';
import { GroupPage } from '../features/registry';
import { GroupTrainingSection } from '../features/training';

/** A producer group's page: the registry's record, with its books, quality and training beside it. */
export function GroupScreen({ id }: { id: string | null }) {
  const { me } = useSession();
  return (
    <GroupPage
      id={id}
      actions={(group) => <BooksLinks groupId={group.id} />}
      sections={(group) => (
        <>
          <GroupQuality groupId={group.id} />
          <GroupTrainingSection groupId={group.id} />
          {mayInvite(me, group.programId) ? <InvitePanel programId={group.programId} group={group} /> : null}
        </>
      )}
    />
  );
}
