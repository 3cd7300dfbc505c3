import { useState } from 'react';
import { Link } from 'wouter';
import type { CashBookAnswer } from '../../../../shared/schemas/business';
import { Loaded } from '../../../components/Loaded';
import { useI18n } from '../../../i18n/i18n';
import { formatDate, formatMoney, localToday } from '../../../lib/format';
import { useResource } from '../../../lib/use-resource';
import { getGroup } from '../../registry';
import { cashBookUrl, getCashBook, type CashBookFilter } from '../api/reports';
import { accountName } from './JournalList';

/** What an entry was, in words: its kind and the treasurer's note. */
function useDescribe() {
  const { t } = useI18n();
  return (row: CashBookAnswer['rows'][number]) => {
    const key = `books.kind.${row.kind}`;
    const kind = t(key) === key ? row.kind : t(key);
    return `#${row.number} ${kind}${row.memo ? ` · ${row.memo}` : ''}`;
  };
}

function Movements({ book }: { book: CashBookAnswer }) {
  const { t, locale } = useI18n();
  const describe = useDescribe();
  return (
    <ul className="rows cash-rows" aria-label={t('cashbook.movements')}>
      <li className="cash-row cash-edge" data-testid="cash-opening">
        <span className="cash-what">{t('cashbook.opening', { date: formatDate(book.from, locale) })}</span>
        <strong className="cash-balance">{formatMoney(book.opening, locale)}</strong>
      </li>
      {book.rows.map((row) => (
        <li key={row.entryId} className="cash-row" data-testid="cash-row">
          <span className="cash-what">
            <span className="muted small">{formatDate(row.date, locale)}</span> {describe(row)}
          </span>
          <span className={row.moneyIn ? 'cash-in' : 'cash-out'}>
            {row.moneyIn
              ? t('cashbook.in', { amount: formatMoney(row.moneyIn, locale) })
              : t('cashbook.out', { amount: formatMoney(row.moneyOut!, locale) })}
          </span>
          <span className="cash-balance muted small">
            {t('cashbook.balanceAfter', { amount: formatMoney(row.balance, locale) })}
          </span>
        </li>
      ))}
      {book.rows.length === 0 ? <li className="muted">{t('cashbook.empty')}</li> : null}
      <li className="cash-row cash-edge" data-testid="cash-closing">
        <span className="cash-what">
          {t('cashbook.closing', { date: formatDate(book.to, locale) })}
          <span className="muted small cash-totals">
            {t('cashbook.totals', {
              in: formatMoney(book.totalIn, locale),
              out: formatMoney(book.totalOut, locale),
            })}
          </span>
        </span>
        <strong className="cash-balance">{formatMoney(book.closing, locale)}</strong>
      </li>
    </ul>
  );
}

/**
 * The cash book a treasurer counts against: one month of one cash or bank account (or all of them),
 * from the balance it opened with, each movement as the money that moved, the balance after each.
 */
export default function CashBookPage({ id }: { id: string }) {
  const { t, locale } = useI18n();
  const [filter, setFilter] = useState<CashBookFilter>({ month: localToday().slice(0, 7) });
  const group = useResource(`group-${id}`, (signal) => getGroup(id, signal));
  const valid = /^\d{4}-\d{2}$/.test(filter.month);
  const book = useResource(valid ? `cash-book-${id}-${filter.month}-${filter.accountCode ?? 'all'}` : null, (signal) =>
    getCashBook(id, filter, signal),
  );
  const choices = book.data?.choices ?? [];
  const download = (format: 'pdf' | 'xlsx') => cashBookUrl(id, { ...filter, format, locale });

  return (
    <Loaded resource={group}>
      {(g) => (
        <>
          <p className="trail small">
            <Link href={`/groups/${id}`}>{g.name}</Link>
            {' · '}
            <Link href={`/groups/${id}/books`}>{t('books.title')}</Link>
          </p>
          <h1>{t('cashbook.title')}</h1>
          <p className="muted small">{t('cashbook.intro')}</p>
          <form className="filters" aria-label={t('cashbook.filters')} onSubmit={(e) => e.preventDefault()}>
            <label>
              <span>{t('cashbook.account')}</span>
              <select
                value={filter.accountCode ?? ''}
                onChange={(e) => setFilter((f) => ({ ...f, accountCode: e.target.value || undefined }))}
              >
                <option value="">{t('cashbook.allAccounts')}</option>
                {choices.map((a) => (
                  <option key={a.code} value={a.code}>
                    {a.code} {accountName(a.name, locale)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              <span>{t('cashbook.month')}</span>
              <input
                type="month"
                value={filter.month}
                onChange={(e) => setFilter((f) => ({ ...f, month: e.target.value }))}
              />
            </label>
          </form>
          {book.error ? <p role="alert">{t('error.load')}</p> : null}
          {book.data ? <Movements book={book.data} /> : valid ? <p role="status">{t('state.loading')}</p> : null}
          <div className="downloads">
            <span className="muted small">{t('cashbook.download')}</span>
            <a className="button secondary" href={download('pdf')} download data-testid="cash-book-pdf">
              {t('reports.pdf')}
            </a>
            <a className="button secondary" href={download('xlsx')} download data-testid="cash-book-xlsx">
              {t('reports.xlsx')}
            </a>
          </div>
        </>
      )}
    </Loaded>
  );
}
