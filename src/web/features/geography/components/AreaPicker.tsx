import { useEffect, useState } from 'react';
import type { AreaHitAnswer } from '../../../../shared/schemas/geography';
import { useI18n } from '../../../i18n/i18n';
import { getArea, searchAreas } from '../api/areas';
import { Combobox } from './Combobox';

interface Props {
  id: string;
  /** Only areas of this level (villages to enrol, regencies for a grant …). */
  level?: string | undefined;
  /** `mine`: only areas inside the user's own grants; otherwise theirs come first. */
  scope?: 'mine' | 'all';
  value: string;
  onChange: (code: string, area?: AreaHitAnswer) => void;
  invalid?: boolean | undefined;
}

/** "Sukamaju — Cibadak, Kabupaten Sukabumi, Jawa Barat": the name, then its ancestors nearest first. */
export function areaLabel(area: { name: string; ancestors: { name: string }[] }): string {
  const trail = area.ancestors
    .map((a) => a.name)
    .reverse()
    .join(', ');
  return trail ? `${area.name} — ${trail}` : area.name;
}

/** Finds an area by name, the user's own areas first, each named with its ancestors. */
export function AreaPicker({ id, level, scope = 'all', value, onChange, invalid }: Props) {
  const { t } = useI18n();
  const [label, setLabel] = useState('');
  // A value set from outside (a record being edited) is named from the server.
  useEffect(() => {
    if (!value) {
      setLabel('');
      return;
    }
    const controller = new AbortController();
    getArea(value, controller.signal).then(
      (area) => setLabel(areaLabel(area)),
      () => undefined,
    );
    return () => controller.abort();
  }, [value]);
  return (
    <Combobox<AreaHitAnswer>
      id={id}
      chosenLabel={label}
      invalid={invalid}
      placeholder={t('areas.searchPlaceholder')}
      search={async (q, signal) => (await searchAreas({ q, level, scope }, signal)).items}
      toOption={(area) => ({
        key: area.code,
        label: areaLabel(area),
        detail: `${t(`level.${area.level}`)}${area.inScope && scope === 'all' ? ` · ${t('picker.yourArea')}` : ''}`,
      })}
      onPick={(area) => {
        if (area) setLabel(areaLabel(area));
        onChange(area?.code ?? '', area ?? undefined);
      }}
    />
  );
}
