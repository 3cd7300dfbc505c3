import { useState } from 'react';
import type { BooksAnswer } from '../../../../shared/schemas/business';
import { useI18n } from '../../../i18n/i18n';
import { ApiError } from '../../../lib/http';
import { formatMoney, localToday } from '../../../lib/format';
import { payFinalTax, setBooksSettings } from '../api/books';
import { ruleKey, ruleValues } from './rule-message';
import { intlLocale } from '../../../../shared/languages';

const thisMonth = () => localToday().slice(0, 7);
function lastMonth(): string {
  const [y, m] = thisMonth().split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}
const monthName = (month: string, locale: string) =>
  new Intl.DateTimeFormat(intlLocale(locale), { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${month}-01T00:00:00Z`),
  );
const isMonth = (month: string) => /^\d{4}-(0[1-9]|1[0-2])$/.test(month);

/**
 * The UMKM final tax on the books page: those who may change the books' settings turn it on from a
 * month (or off); those who post pay a month's tax with one tap ("Bayar PPh final").
 */
export function FinalTax({ books, onChanged }: { books: BooksAnswer; onChanged: () => void }) {
  const { t, locale } = useI18n();
  const [from, setFrom] = useState(books.finalTaxFrom ?? thisMonth());
  const [month, setMonth] = useState(lastMonth);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<{ key: string; values: Record<string, string> } | null>(null);
  const [paid, setPaid] = useState<string | null>(null);
  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setProblem(null);
    setPaid(null);
    try {
      await action();
      onChanged();
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      setProblem({ key: ruleKey(error) ?? 'books.rule.other', values: ruleValues(error, locale) });
    } finally {
      setBusy(false);
    }
  };
  const settings = (finalTaxFrom: string | null) =>
    run(async () => {
      await setBooksSettings(books.groupId, { finalTaxFrom });
    });
  const pay = () =>
    run(async () => {
      const entry = await payFinalTax(books.groupId, { id: crypto.randomUUID(), month, date: localToday() });
      setPaid(t('books.finalTax.paid', { month: monthName(month, locale), amount: formatMoney(entry.total, locale) }));
    });
  const on = books.finalTaxFrom !== null;
  return (
    <section className="panel" aria-labelledby="final-tax-title" data-testid="final-tax">
      <h2 id="final-tax-title">{t('books.finalTax.title')}</h2>
      <p className="muted small">{t('books.finalTax.hint')}</p>
      <p>{on ? t('books.finalTax.on', { month: monthName(books.finalTaxFrom!, locale) }) : t('books.finalTax.off')}</p>
      {books.abilities.settings ? (
        on ? (
          <button type="button" className="secondary" disabled={busy} onClick={() => void settings(null)}>
            {t('books.finalTax.turnOff')}
          </button>
        ) : (
          <div className="inline wrap">
            <div className="field">
              <label htmlFor="final-tax-from">{t('books.finalTax.from')}</label>
              <input id="final-tax-from" type="month" value={from} onChange={(e) => setFrom(e.target.value)} />
            </div>
            <button type="button" disabled={busy || !isMonth(from)} onClick={() => void settings(from)}>
              {t('books.finalTax.turnOn')}
            </button>
          </div>
        )
      ) : null}
      {on && books.abilities.post ? (
        <div className="inline wrap">
          <div className="field">
            <label htmlFor="final-tax-month">{t('books.finalTax.payMonth')}</label>
            <input
              id="final-tax-month"
              type="month"
              value={month}
              min={books.finalTaxFrom!}
              max={lastMonth()}
              onChange={(e) => setMonth(e.target.value)}
            />
          </div>
          <button type="button" disabled={busy || !isMonth(month)} onClick={() => void pay()}>
            {t('books.finalTax.pay')}
          </button>
        </div>
      ) : null}
      {paid ? (
        <p className="panel saved" role="status">
          {paid}
        </p>
      ) : null}
      {problem ? (
        <p className="error" role="alert">
          {t(problem.key, { date: '', ...problem.values })}
        </p>
      ) : null}
    </section>
  );
}
