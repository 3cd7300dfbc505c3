import { useState } from 'react';
import { phoneText } from '../../../../shared/phone';
import type { UserAnswer } from '../../../../shared/schemas/platform';
import type { GroupAnswer } from '../../../../shared/schemas/registry';
import { Combobox } from '../../geography';
import { useI18n } from '../../../i18n/i18n';
import type { Grant } from '../api/grants';
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

/** How to reach an account: "0812 3456 7890 · sari@example.id". */
export const contactText = (u: { email: string | null; phone: string | null }) =>
  [u.phone ? phoneText(u.phone) : null, u.email].filter(Boolean).join(' · ');

/** Where a grant holds, in short: the area and the one above it ("Bebandem, Kabupaten Karangasem"), or the group and its village. */
function shortPlace(g: Grant): string | null {
  if (g.group) return g.group.villageName ? `${g.group.name} (${g.group.villageName})` : g.group.name;
  if (g.area) return [g.area.name, g.area.ancestors.at(-1)?.name].filter(Boolean).join(', ');
  return null;
}

/**
 * An account by name, email or phone number, shown with how to reach it and the roles it holds in
 * the program already ("Pendamping — Bebandem, Kabupaten Karangasem"), from the program's grants.
 */
export function UserPicker({ id, onChange, invalid, grants }: PickerProps<UserAnswer> & { grants: readonly Grant[] }) {
  const { t } = useI18n();
  const [label, setLabel] = useState('');
  const roles = (u: UserAnswer) =>
    grants
      .filter((g) => g.userId === u.id)
      .map((g) => `${t(`role.${g.role}`)} — ${shortPlace(g) ?? t('programs.wholeProgram')}`);
  return (
    <Combobox<UserAnswer>
      id={id}
      chosenLabel={label}
      invalid={invalid}
      placeholder={t('picker.userPlaceholder')}
      search={async (q, signal) => (await searchUsers(q, signal)).items}
      toOption={(u) => ({
        key: u.id,
        label: u.name,
        detail: [contactText(u), ...(roles(u).length ? roles(u) : [t('picker.noRoleYet')])],
      })}
      onPick={(u) => {
        setLabel(u ? `${u.name} (${contactText(u)})` : '');
        onChange(u);
      }}
    />
  );
}
