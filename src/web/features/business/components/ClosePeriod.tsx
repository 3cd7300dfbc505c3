import { useState } from 'react';
import { useConfirm } from '../../../components/ConfirmDialog';
import { useI18n } from '../../../i18n/i18n';
import { ApiError } from '../../../lib/http';
import { formatDate, localToday } from '../../../lib/format';
import type { BooksAnswer } from '../../../../shared/schemas/business';
import { closePeriod } from '../api/books';
import { ruleKey } from './rule-message';
import { intlLocale } from '../../../../shared/languages';

/** The month before this one, `YYYY-MM`: the first a treasurer can close. */
function lastMonth(): string {
  const [y, m] = localToday().split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

const monthName = (month: string, locale: string) =>
  new Intl.DateTimeFormat(intlLocale(locale), { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${month}-01T00:00:00Z`),
  );

/** Closing a month (and every month before it) for good: asked twice, since it cannot be undone. */
export function ClosePeriod({ books, onClosed }: { books: BooksAnswer; onClosed: (books: BooksAnswer) => void }) {
  const { t, locale } = useI18n();
  const [month, setMonth] = useState(lastMonth);
  const confirm = useConfirm();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const valid = /^\d{4}-(0[1-9]|1[0-2])$/.test(month);
  const allClosed = books.closedThrough !== null && books.closedThrough.slice(0, 7) >= lastMonth();
  const ask = async () => {
    const sure = await confirm.ask({
      title: t('books.close.title'),
      body: <p>{t('books.close.confirm', { month: monthName(month, locale) })}</p>,
      confirm: t('books.close.yes'),
    });
    if (sure) await close();
  };
  const close = async () => {
    setBusy(true);
    setProblem(null);
    try {
      onClosed(await closePeriod(books.groupId, month));
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
            onChange={(e) => setMonth(e.target.value)}
          />
        </div>
      )}
      {problem ? (
        <p className="error" role="alert">
          {t(problem, { date: books.closedThrough ? formatDate(books.closedThrough, locale) : '' })}
        </p>
      ) : null}
      {allClosed ? null : (
        <button type="button" disabled={!valid || busy} onClick={() => void ask()}>
          {t('books.close.action', { month: valid ? monthName(month, locale) : '…' })}
        </button>
      )}
      {confirm.dialog}
    </section>
  );
}
