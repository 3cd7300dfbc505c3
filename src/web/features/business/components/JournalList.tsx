import { useState } from 'react';
import { useI18n } from '../../../i18n/i18n';
import { ApiError, type Money } from '../../../lib/http';
import { formatDate, formatMoney, localToday } from '../../../lib/format';
import { usePagedList } from '../../../lib/use-resource';
import type { JournalEntryAnswer } from '../../../../shared/schemas/business';
import { listJournal, reverseEntry } from '../api/journal';
import { ruleKey, ruleValues } from './rule-message';
import { cardRows } from '../../../components/card-table';

export const accountName = (name: Record<string, string>, locale: string) =>
  name[locale] ?? name.id ?? Object.values(name)[0] ?? '';

/**
 * The money an entry moved in or out of the cash and bank accounts (debits less credits there),
 * not its total: a 645,000 cash sale with 300,000 cost of goods moved 645,000. Amounts of one
 * currency share their decimals, so they add as integers of their smallest unit.
 */
export function cashMoved(entry: JournalEntryAnswer, moneyCodes: readonly string[]): Money {
  const digits = entry.total.amount.split('.')[1]?.length ?? 0;
  const units = (m: Money | null) => (m ? BigInt(m.amount.replace('.', '')) : 0n);
  const net = entry.lines
    .filter((l) => moneyCodes.includes(l.accountCode))
    .reduce((sum, l) => sum + units(l.debit) - units(l.credit), 0n);
  const text = (net < 0n ? -net : net).toString().padStart(digits + 1, '0');
  const amount = digits ? `${text.slice(0, -digits)}.${text.slice(-digits)}` : text;
  return { amount: net < 0n ? `-${amount}` : amount, currency: entry.total.currency };
}

/** "Uang masuk Rp 645.000", "Uang keluar Rp 75.000", or the entry's total when no money moved. */
export function useHeadline() {
  const { t, locale } = useI18n();
  return (entry: JournalEntryAnswer, moneyCodes: readonly string[]) => {
    const moved = cashMoved(entry, moneyCodes);
    if (/^0+(\.0+)?$/.test(moved.amount)) return t('books.noMoney', { amount: formatMoney(entry.total, locale) });
    if (moved.amount.startsWith('-'))
      return t('books.moneyOut', { amount: formatMoney({ ...moved, amount: moved.amount.slice(1) }, locale) });
    return t('books.moneyIn', { amount: formatMoney(moved, locale) });
  };
}

/** Asks once more, then posts the reversing entry (its id made when asked, so a retry posts once). */
function ReverseControl({
  groupId,
  entry,
  onReversed,
}: {
  groupId: string;
  entry: JournalEntryAnswer;
  onReversed: () => void;
}) {
  const { t, locale } = useI18n();
  const [asking, setAsking] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [amounts, setAmounts] = useState({ amount: '', balance: '' });
  if (!asking) {
    return (
      <button type="button" className="secondary small" onClick={() => setAsking(crypto.randomUUID())}>
        {t('books.reverse')}
      </button>
    );
  }
  const confirm = async () => {
    setBusy(true);
    setProblem(null);
    try {
      await reverseEntry(groupId, entry.id, { id: asking, date: localToday() });
      setAsking(null);
      onReversed();
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      setProblem(ruleKey(error) ?? 'books.rule.other');
      setAmounts(ruleValues(error, locale));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="panel warning" role="alertdialog" aria-label={t('books.reverseConfirm', { number: entry.number })}>
      <p>{t('books.reverseConfirm', { number: entry.number })}</p>
      {problem ? (
        <p className="error" role="alert">
          {t(problem, { date: '', ...amounts })}
        </p>
      ) : null}
      <div className="inline wrap">
        <button type="button" disabled={busy} onClick={() => void confirm()}>
          {t('books.reverseYes')}
        </button>
        <button type="button" className="secondary" onClick={() => setAsking(null)}>
          {t('books.reverseNo')}
        </button>
      </div>
    </div>
  );
}

function EntryItem({
  groupId,
  entry,
  mayReverse,
  moneyCodes,
  onChanged,
}: {
  groupId: string;
  entry: JournalEntryAnswer;
  mayReverse: boolean;
  moneyCodes: readonly string[];
  onChanged: () => void;
}) {
  const { t, locale } = useI18n();
  const headline = useHeadline();
  const kindKey = `books.kind.${entry.kind}`;
  const kindLabel = t(kindKey) === kindKey ? entry.kind : t(kindKey);
  const reversesNumber = entry.details.reversesNumber;
  return (
    <li className="entry" data-testid="journal-entry">
      <div className="entry-head">
        <span className="entry-kind">
          #{entry.number} · {kindLabel}
        </span>
        <span className="entry-total">{headline(entry, moneyCodes)}</span>
      </div>
      <p className="muted small entry-meta">
        {formatDate(entry.date, locale)}
        {entry.memo ? ` · ${entry.memo}` : ''}
        {typeof reversesNumber === 'number' ? ` · ${t('books.reverses', { number: reversesNumber })}` : ''}
      </p>
      {entry.reversedBy ? <p className="badge muted-badge">{t('books.reversed')}</p> : null}
      <table className="breakdown entry-lines cards" ref={cardRows}>
        <caption className="visually-hidden">{t('books.linesOf', { number: entry.number })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('books.col.account')}</th>
            <th scope="col" className="num">
              {t('books.col.debit')}
            </th>
            <th scope="col" className="num">
              {t('books.col.credit')}
            </th>
          </tr>
        </thead>
        <tbody>
          {entry.lines.map((l, i) => (
            <tr key={i}>
              <th scope="row">
                <span className="muted small">{l.accountCode}</span> {accountName(l.accountName, locale)}
              </th>
              <td>{l.debit ? formatMoney(l.debit, locale) : ''}</td>
              <td>{l.credit ? formatMoney(l.credit, locale) : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {mayReverse && !entry.reversedBy && !entry.reverses ? (
        <ReverseControl groupId={groupId} entry={entry} onReversed={onChanged} />
      ) : null}
    </li>
  );
}

/** The journal, newest first, a page at a time; each entry with its lines. */
export function JournalList(props: {
  groupId: string;
  version: number;
  mayReverse: boolean;
  /** The cash and bank accounts: an entry's headline is the money it moved there. */
  moneyCodes: readonly string[];
  onChanged: () => void;
}) {
  const { t } = useI18n();
  const list = usePagedList(`journal-${props.groupId}-${props.version}`, (cursor, signal) =>
    listJournal(props.groupId, cursor, signal),
  );
  return (
    <section className="panel" aria-labelledby="journal-title">
      <h2 id="journal-title">{t('books.journal')}</h2>
      <p className="muted small">{t('books.journalHint')}</p>
      {list.error ? <p role="alert">{t('error.load')}</p> : null}
      {list.items && list.items.length === 0 ? <p className="muted">{t('books.journalEmpty')}</p> : null}
      <ul className="rows journal" aria-label={t('books.journal')}>
        {list.items?.map((entry) => (
          <EntryItem
            key={entry.id}
            groupId={props.groupId}
            entry={entry}
            mayReverse={props.mayReverse}
            moneyCodes={props.moneyCodes}
            onChanged={props.onChanged}
          />
        ))}
      </ul>
      {list.nextCursor ? (
        <button type="button" className="secondary" disabled={list.loadingMore} onClick={() => void list.loadMore()}>
          {t('action.loadMore')}
        </button>
      ) : null}
    </section>
  );
}
