import { useState } from 'react';
import type { UserAnswer } from '../../../../shared/schemas/platform';
import type { GroupAnswer } from '../../../../shared/schemas/registry';
import { Combobox } from '../../geography';
import { useI18n } from '../../../i18n/i18n';
import { searchGroups } from '../api/group-search';
import { searchUsers } from '../api/users';

interface PickerProps<T> {
  id: string;
  onChange: (item: T | null) => void;
  invalid?: boolean | undefined;
}

/** A producer group of the program by name, shown with its village. */
export function GroupPicker({ id, programId, onChange, invalid }: PickerProps<GroupAnswer> & { programId: string }) {
  const { t } = useI18n();
  const [label, setLabel] = useState('');
  return (
    <Combobox<GroupAnswer>
      id={id}
      chosenLabel={label}
      invalid={invalid}
      minLength={1}
      placeholder={t('picker.groupPlaceholder')}
      search={async (q, signal) => (await searchGroups(programId, q, signal)).items}
      toOption={(g) => ({ key: g.id, label: g.name, detail: `${t('picker.village')} ${g.village.name}` })}
      onPick={(g) => {
        setLabel(g ? `${g.name} — ${g.village.name}` : '');
        onChange(g);
      }}
    />
  );
}

/** An account by name, email or phone number, shown with how to reach it. */
export function UserPicker({ id, onChange, invalid }: PickerProps<UserAnswer>) {
  const { t } = useI18n();
  const [label, setLabel] = useState('');
  const contact = (u: UserAnswer) => [u.email, u.phone].filter(Boolean).join(' · ');
  return (
    <Combobox<UserAnswer>
      id={id}
      chosenLabel={label}
      invalid={invalid}
      placeholder={t('picker.userPlaceholder')}
      search={async (q, signal) => (await searchUsers(q, signal)).items}
      toOption={(u) => ({ key: u.id, label: u.name, detail: contact(u) })}
      onPick={(u) => {
        setLabel(u ? `${u.name} (${contact(u)})` : '');
        onChange(u);
      }}
    />
  );
}
