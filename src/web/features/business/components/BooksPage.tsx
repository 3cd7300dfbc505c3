import { useState } from 'react';
import { Link } from 'wouter';
import type { BooksAnswer, JournalEntryAnswer } from '../../../../shared/schemas/business';
import { getGroup } from '../../registry';
import { Loaded } from '../../../components/Loaded';
import { useI18n } from '../../../i18n/i18n';
import { formatDate, formatMoney } from '../../../lib/format';
import { both, useResource } from '../../../lib/use-resource';
import { getBooks } from '../api/books';
import type { TransactionKind } from '../api/journal';
import { ClosePeriod } from './ClosePeriod';
import { accountName, JournalList, useHeadline } from './JournalList';
import { SavedOnDevice } from '../../offline';
import { FinalTax } from './FinalTax';
import { kindGroupsFor } from './transaction-kinds';
import { TransactionForm } from './TransactionForm';

/** Cash box and bank at the top: what the treasurer counts against. */
function Balances({ books }: { books: BooksAnswer }) {
  const { t, locale } = useI18n();
  const money = books.accounts.filter((a) => a.role === 'cash' || a.role === 'bank');
  return (
    <section aria-labelledby="balance-title">
      <h2 id="balance-title" className="visually-hidden">
        {t('books.balances')}
      </h2>
      <ul className="balances">
        {money.map((a) => (
          <li key={a.id} className="balance" data-testid={`balance-${a.role}`}>
            <span className="balance-name">{accountName(a.name, locale)}</span>
            <strong className="balance-amount">
              {formatMoney(a.balance ?? { amount: '0', currency: books.currency }, locale)}
            </strong>
          </li>
        ))}
      </ul>
    </section>
  );
}

function TapGrid({ cooperative, onPick }: { cooperative: boolean; onPick: (kind: TransactionKind) => void }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="record-title">
      <h2 id="record-title">{t('books.recordTitle')}</h2>
      {kindGroupsFor(cooperative).map((group) => (
        <div key={group.key} className={`tap-group tap-${group.key}`}>
          <h3 className="tap-heading">{t(`books.group.${group.key}`)}</h3>
          <ul className="tap-grid">
            {group.kinds.map(({ kind }) => (
              <li key={kind}>
                <button type="button" className="tap" onClick={() => onPick(kind)}>
                  {t(`books.kind.${kind}`)}
                </button>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}

/** The treasurer's cash book: balances, one tap per common transaction, the journal, month closing. */
export default function BooksPage({ id }: { id: string }) {
  const { t, locale } = useI18n();
  const [version, setVersion] = useState(0);
  const loadedGroup = useResource(`group-${id}`, (signal) => getGroup(id, signal));
  const loadedBooks = useResource(`books-${id}`, (signal) => getBooks(id, signal));
  const [kind, setKind] = useState<TransactionKind | null>(null);
  const [formKey, setFormKey] = useState(0);
  const [saved, setSaved] = useState<JournalEntryAnswer | null>(null);
  const [queued, setQueued] = useState(false);
  const headline = useHeadline();

  /** Balances reload in place (the old ones stay until the new arrive); the journal starts again. */
  const changed = () => {
    loadedBooks.reload();
    setVersion((v) => v + 1);
  };
  const pick = (next: TransactionKind) => {
    setSaved(null);
    setQueued(false);
    setKind(next);
    setFormKey((k) => k + 1);
  };

  return (
    <Loaded resource={both(loadedGroup, loadedBooks)}>
      {([group, books]) => {
        const may = books.abilities;
        const moneyCodes = books.accounts.filter((a) => a.line === 'cash_and_equivalents').map((a) => a.code);
        return (
          <>
            <p className="trail small">
              <Link href={`/groups/${id}`}>{group.name}</Link>
            </p>
            <h1>{t('books.title')}</h1>
            <Balances books={books} />
            {books.closedThrough ? (
              <p className="panel notice" data-testid="closed-notice">
                {t('books.closedNotice', { date: formatDate(books.closedThrough, locale) })}
              </p>
            ) : null}
            {saved ? (
              <p className="panel saved" role="status">
                {t('books.saved', {
                  number: saved.number,
                  kind: t(`books.kind.${saved.kind}`),
                  amount: headline(saved, moneyCodes),
                })}
              </p>
            ) : null}
            {queued ? <SavedOnDevice /> : null}
            {may.post ? (
              kind ? (
                <TransactionForm
                  key={formKey}
                  groupId={id}
                  currency={books.currency}
                  kind={kind}
                  closedThrough={books.closedThrough}
                  tracksBatches={books.tracksBatches}
                  onCancel={() => setKind(null)}
                  onSaved={(entry) => {
                    setSaved(entry);
                    setKind(null);
                    changed();
                  }}
                  onQueued={() => {
                    setQueued(true);
                    setKind(null);
                  }}
                />
              ) : (
                <TapGrid
                  cooperative={
                    group.kind === 'cooperative' && books.accounts.some((a) => a.role === 'principal_savings')
                  }
                  onPick={pick}
                />
              )
            ) : (
              <p className="muted small">{t('books.readOnly')}</p>
            )}
            <ul className="menu">
              <li>
                <Link href={`/groups/${id}/cash-book`} className="button secondary">
                  {t('books.toCashBook')}
                </Link>
              </li>
              <li>
                <Link href={`/groups/${id}/reports`} className="button secondary">
                  {t('books.toReports')}
                </Link>
              </li>
              <li>
                <Link href="/hpp" className="button secondary">
                  {t('books.toHpp')}
                </Link>
              </li>
            </ul>
            <JournalList
              groupId={id}
              version={version}
              mayReverse={may.reverse}
              moneyCodes={moneyCodes}
              onChanged={changed}
            />
            {may.settings || (may.post && books.finalTaxFrom) ? <FinalTax books={books} onChanged={changed} /> : null}
            {may.closePeriod ? <ClosePeriod books={books} onClosed={changed} /> : null}
          </>
        );
      }}
    </Loaded>
  );
}
