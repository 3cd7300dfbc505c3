import { useState } from 'react';
import { useI18n } from '../../../i18n/i18n';
import type { AreaListItem } from '../../../../shared/schemas/geography';
import { listAreas } from '../api/areas';

interface Props {
  id: string;
  level?: string;
  value: string;
  onChange: (code: string, area?: AreaListItem) => void;
  invalid?: boolean;
}

/** Finds an area by name (or takes its code): a search box and a list of matches to pick from. */
export function AreaPicker({ id, level, value, onChange, invalid }: Props) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const [matches, setMatches] = useState<AreaListItem[] | null>(null);
  const [chosen, setChosen] = useState<AreaListItem | null>(null);
  const find = async () => {
    if (!q.trim()) return;
    const page = await listAreas({ q: q.trim(), level });
    setMatches(page.items);
  };
  return (
    <div className="picker">
      <div className="inline">
        <input
          id={id}
          type="search"
          value={q}
          aria-invalid={invalid}
          placeholder={t('areas.searchPlaceholder')}
          onChange={(e) => setQ(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              void find();
            }
          }}
        />
        <button type="button" onClick={() => void find()}>
          {t('action.find')}
        </button>
      </div>
      {value ? (
        <p className="small" data-testid="picked-area">
          {t('areas.chosen')}: <strong>{chosen?.name ?? value}</strong> ({value})
        </p>
      ) : null}
      {matches ? (
        matches.length === 0 ? (
          <p className="small">{t('state.empty')}</p>
        ) : (
          <ul className="rows">
            {matches.map((area) => (
              <li key={area.code}>
                <button
                  type="button"
                  className="row-button"
                  onClick={() => {
                    setChosen(area);
                    setMatches(null);
                    onChange(area.code, area);
                  }}
                >
                  <span>{area.name}</span>
                  <span className="muted small">
                    {t(`level.${area.level}`)} · {area.code}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        )
      ) : null}
    </div>
  );
}
