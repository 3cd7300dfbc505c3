import { BooksLinks } from '../features/business';
import { InvitePanel } from '../features/programs';
import { GroupQuality } from '../features/quality';
import { GroupPage } from '../features/registry';
import { GroupTrainingSection } from '../features/training';

/** A producer group's page: the registry's record, with its books, quality and training beside it. */
export function GroupScreen({ id }: { id: string | null }) {
  return (
    <GroupPage
      id={id}
      actions={(group) => <BooksLinks groupId={group.id} />}
      sections={(group) => (
        <>
          <GroupQuality groupId={group.id} />
          <GroupTrainingSection groupId={group.id} />
          {group.abilities.invite ? <InvitePanel programId={group.programId} group={group} /> : null}
        </>
      )}
    />
  );
}
