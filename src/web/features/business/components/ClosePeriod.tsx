import { useState } from 'react';
import { useI18n } from '../../../i18n/i18n';
import { ApiError } from '../../../lib/http';
import { formatDate, localToday } from '../../../lib/format';
import type { BooksAnswer } from '../../../../shared/schemas/business';
import { closePeriod } from '../api/books';
import { ruleKey } from './rule-message';

/** The month before this one, `YYYY-MM`: the first a treasurer can close. */
function lastMonth(): string {
  const [y, m] = localToday().split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

const monthName = (month: string, locale: string) =>
  new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${month}-01T00:00:00Z`),
  );

/** Closing a month (and every month before it) for good: asked twice, since it cannot be undone. */
export function ClosePeriod({ books, onClosed }: { books: BooksAnswer; onClosed: (books: BooksAnswer) => void }) {
  const { t, locale } = useI18n();
  const [month, setMonth] = useState(lastMonth);
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const valid = /^\d{4}-(0[1-9]|1[0-2])$/.test(month);
  const allClosed = books.closedThrough !== null && books.closedThrough.slice(0, 7) >= lastMonth();
  const close = async () => {
    setBusy(true);
    setProblem(null);
    try {
      onClosed(await closePeriod(books.groupId, month));
      setAsking(false);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      setProblem(ruleKey(error) ?? 'books.rule.other');
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="panel" aria-labelledby="close-title">
      <h2 id="close-title">{t('books.close.title')}</h2>
      <p className="muted small">{t('books.close.hint')}</p>
      {allClosed ? (
        <p>{t('books.close.allClosed')}</p>
      ) : (
        <div className="field">
          <label htmlFor="close-month">{t('books.close.month')}</label>
          <input
            id="close-month"
            type="month"
            value={month}
            max={lastMonth()}
            onChange={(e) => {
              setMonth(e.target.value);
              setAsking(false);
            }}
          />
        </div>
      )}
      {problem ? (
        <p className="error" role="alert">
          {t(problem, { date: books.closedThrough ? formatDate(books.closedThrough, locale) : '' })}
        </p>
      ) : null}
      {allClosed ? null : !asking ? (
        <button type="button" disabled={!valid} onClick={() => setAsking(true)}>
          {t('books.close.action', { month: valid ? monthName(month, locale) : '…' })}
        </button>
      ) : (
        <div className="panel warning" role="alertdialog" aria-label={t('books.close.title')}>
          <p>{t('books.close.confirm', { month: monthName(month, locale) })}</p>
          <div className="inline wrap">
            <button type="button" disabled={busy} onClick={() => void close()}>
              {t('books.close.yes')}
            </button>
            <button type="button" className="secondary" onClick={() => setAsking(false)}>
              {t('action.cancel')}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
