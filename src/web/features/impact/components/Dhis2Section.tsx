import { useState } from 'react';
import { Loaded } from '../../../components/Loaded';
import type { IndicatorAnswer } from '../../../../shared/schemas/impact';
import { useI18n } from '../../../i18n/i18n';
import { both, useResource } from '../../../lib/use-resource';
import { getDhis2Mapping, getDhis2Server, listDhis2Pushes } from '../api/dhis2';
import { Dhis2Mapping } from './Dhis2Mapping';
import { Dhis2PushForm, Dhis2Server, ImportSummaryView } from './Dhis2Push';
import './dhis2.css';
import { intlLocale } from '../../../../shared/languages';

/** The program manager's DHIS2 exchange: the mapping, the server, a push and the pushes before it. */
export function Dhis2Section({ programId, indicators }: { programId: string; indicators: IndicatorAnswer[] }) {
  const { t, locale } = useI18n();
  const mapping = useResource(`dhis2-mapping|${programId}`, (signal) => getDhis2Mapping(programId, signal));
  const server = useResource(`dhis2-server|${programId}`, (signal) => getDhis2Server(programId, signal));
  // The forms keep what was typed across a save; a conflict's "load the current" starts them afresh.
  const [fresh, setFresh] = useState(0);
  const pushes = useResource(`dhis2-pushes|${programId}`, (signal) => listDhis2Pushes(programId, signal));
  return (
    <section className="panel" aria-label="DHIS2">
      <h2>DHIS2</h2>
      <p className="muted small">{t('impact.dhis2.intro')}</p>
      <Loaded resource={both(both(mapping, server), pushes)}>
        {([[m, s], history]) => (
          <>
            <Dhis2Mapping
              key={fresh}
              programId={programId}
              mapping={m}
              indicators={indicators}
              onSaved={mapping.reload}
              onReload={() => {
                setFresh(fresh + 1);
                mapping.reload();
              }}
            />
            <Dhis2Server programId={programId} server={s} onSaved={server.reload} />
            <Dhis2PushForm programId={programId} onPushed={pushes.reload} />
            <h3>{t('impact.dhis2.history')}</h3>
            {history.items.length === 0 ? (
              <p className="muted small">{t('impact.dhis2.noPushes')}</p>
            ) : (
              <ul className="small">
                {history.items.map((p) => (
                  <li key={p.id}>
                    {t('impact.dhis2.historyRow', {
                      when: new Date(p.pushedAt).toLocaleString(intlLocale(locale)),
                      period: p.period,
                      who: p.pushedBy.name,
                    })}
                    <ImportSummaryView push={p} />
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </Loaded>
    </section>
  );
}
