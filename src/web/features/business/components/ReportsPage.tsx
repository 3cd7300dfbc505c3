import { useState, type FormEvent } from 'react';
import { Link } from 'wouter';
import { Loaded } from '../../../components/Loaded';
import { useI18n } from '../../../i18n/i18n';
import type { Money } from '../../../lib/http';
import { formatDate, formatMoney, localToday } from '../../../lib/format';
import { useResource } from '../../../lib/use-resource';
import { getGroup } from '../../registry';
import type {
  FinancialPositionAnswer,
  IncomeStatementAnswer,
  ReportLineAnswer,
} from '../../../../shared/schemas/business';
import { getFinancialPosition, getIncomeStatement, getNotes, statementsUrl } from '../api/reports';
import { accountName } from './JournalList';

type Section = { lines: ReportLineAnswer[]; total: Money };

/** Each line either year shows, in the statement's order: this year's line beside last year's. */
function paired(current: ReportLineAnswer[], previous: ReportLineAnswer[]) {
  const keys = [...current, ...previous].map((l) => l.line).filter((k, i, all) => all.indexOf(k) === i);
  return keys.map((key) => ({
    key,
    line: current.find((l) => l.line === key),
    previous: previous.find((l) => l.line === key),
  }));
}

/** A statement line beside last year's, then the accounts behind it, indented. */
function LineRows(props: {
  line?: ReportLineAnswer | undefined;
  previous?: ReportLineAnswer | undefined;
  sign?: string;
}) {
  const { t, locale } = useI18n();
  const { line, previous, sign = '' } = props;
  const shown = (line ?? previous)!;
  const nil = (m?: Money) => (m ? formatMoney(m, locale) : '–');
  const codes = [...(line?.accounts ?? []), ...(previous?.accounts ?? [])]
    .map((a) => a.code)
    .filter((c, i, all) => all.indexOf(c) === i)
    .sort();
  return (
    <>
      <tr className="line-row">
        <th scope="row">
          {sign}
          {t(`books.line.${shown.line}`)}
        </th>
        <td>{nil(line?.amount)}</td>
        <td className="previous">{nil(previous?.amount)}</td>
      </tr>
      {codes.map((code) => {
        const now = line?.accounts.find((a) => a.code === code);
        const then = previous?.accounts.find((a) => a.code === code);
        return (
          <tr key={code || 'computed'} className="account-row">
            <th scope="row">
              <span className="muted small">{code}</span> {accountName((now ?? then)!.name, locale)}
            </th>
            <td className="muted">{nil(now?.amount)}</td>
            <td className="previous">{nil(then?.amount)}</td>
          </tr>
        );
      })}
    </>
  );
}

function TotalRow({ label, amount, previous }: { label: string; amount: Money; previous: Money }) {
  const { locale } = useI18n();
  return (
    <tr className="total-row">
      <th scope="row">{label}</th>
      <td>{formatMoney(amount, locale)}</td>
      <td className="previous">{formatMoney(previous, locale)}</td>
    </tr>
  );
}

/** The column headings: this period and the same period a year earlier. */
function Columns({ current, previous }: { current: string; previous: string }) {
  const { t } = useI18n();
  return (
    <thead>
      <tr>
        <th scope="col">
          <span className="visually-hidden">{t('reports.line')}</span>
        </th>
        <th scope="col" className="num">
          {current}
        </th>
        <th scope="col" className="num previous">
          {previous}
        </th>
      </tr>
    </thead>
  );
}

const yearOf = (from: string, to: string, locale: string) =>
  from.slice(5) === '01-01' && to.slice(5) === '12-31' && from.slice(0, 4) === to.slice(0, 4)
    ? from.slice(0, 4)
    : formatDate(to, locale);

function IncomeTable({ data, cooperative }: { data: IncomeStatementAnswer; cooperative: boolean }) {
  const { t, locale } = useI18n();
  const p = data.previous;
  return (
    <table className="breakdown report" data-testid="income-statement">
      <caption>{t('reports.period', { from: formatDate(data.from, locale), to: formatDate(data.to, locale) })}</caption>
      <Columns current={yearOf(data.from, data.to, locale)} previous={yearOf(p.from, p.to, locale)} />
      <tbody>
        <LineRows line={data.revenue} previous={p.revenue} />
        <LineRows line={data.costOfGoods} previous={p.costOfGoods} sign="− " />
        <TotalRow label={t('reports.grossProfit')} amount={data.grossProfit} previous={p.grossProfit} />
        {data.otherIncome.accounts.length || p.otherIncome.accounts.length ? (
          <LineRows line={data.otherIncome} previous={p.otherIncome} sign="+ " />
        ) : null}
        <LineRows line={data.expenses} previous={p.expenses} sign="− " />
        <LineRows line={data.financeCosts} previous={p.financeCosts} sign="− " />
        <TotalRow label={t('reports.profitBeforeTax')} amount={data.profitBeforeTax} previous={p.profitBeforeTax} />
        <LineRows line={data.taxExpense} previous={p.taxExpense} sign="− " />
        <TotalRow
          label={t(cooperative ? 'reports.profitShu' : 'reports.profit')}
          amount={data.profit}
          previous={p.profit}
        />
      </tbody>
    </table>
  );
}

function PositionTable({ data }: { data: FinancialPositionAnswer }) {
  const { t, locale } = useI18n();
  const section = (title: string, part: Section, before: Section, totalLabel: string) => (
    <tbody>
      <tr className="section-row">
        <th scope="rowgroup" colSpan={3}>
          {title}
        </th>
      </tr>
      {paired(part.lines, before.lines).map((l) => (
        <LineRows key={l.key} line={l.line} previous={l.previous} />
      ))}
      <TotalRow label={totalLabel} amount={part.total} previous={before.total} />
    </tbody>
  );
  const p = data.previous;
  return (
    <table className="breakdown report" data-testid="financial-position">
      <caption>{t('reports.at', { date: formatDate(data.at, locale) })}</caption>
      <Columns current={formatDate(data.at, locale)} previous={formatDate(p.at, locale)} />
      {section(t('reports.assets'), data.assets, p.assets, t('reports.totalAssets'))}
      {section(t('reports.liabilities'), data.liabilities, p.liabilities, t('reports.totalLiabilities'))}
      {section(t('reports.equity'), data.equity, p.equity, t('reports.totalEquity'))}
      <tbody>
        <TotalRow
          label={t('reports.totalClaims')}
          amount={data.liabilitiesAndEquity}
          previous={p.liabilitiesAndEquity}
        />
      </tbody>
    </table>
  );
}

function NotesSection({ groupId, from, to }: { groupId: string; from: string; to: string }) {
  const { t, locale } = useI18n();
  const notes = useResource(`notes-${groupId}-${from}-${to}-${locale}`, (signal) =>
    getNotes(groupId, { from, to, locale }, signal),
  );
  return (
    <details className="panel notes">
      <summary>{t('reports.notes')}</summary>
      {notes.error ? <p role="alert">{t('error.load')}</p> : null}
      {notes.data?.sections.map((s) => (
        <section key={s.key}>
          <h3>{s.title}</h3>
          {s.paragraphs.map((p, i) => (
            <p key={i}>{p}</p>
          ))}
        </section>
      ))}
      {notes.data?.details.length ? (
        <section>
          <h3>{t('reports.notesDetails')}</h3>
          <table className="breakdown report">
            {notes.data.details.map((d) => (
              <tbody key={`${d.statement}-${d.line}`}>
                <tr className="line-row">
                  <th scope="row">{d.title}</th>
                  <td>{formatMoney(d.amount, locale)}</td>
                  <td className="previous">{formatMoney(d.previous, locale)}</td>
                </tr>
                {d.accounts.map((a) => (
                  <tr key={a.code || 'computed'} className="account-row">
                    <th scope="row">
                      <span className="muted small">{a.code}</span> {a.name}
                    </th>
                    <td className="muted">{formatMoney(a.amount, locale)}</td>
                    <td className="previous">{formatMoney(a.previous, locale)}</td>
                  </tr>
                ))}
              </tbody>
            ))}
          </table>
        </section>
      ) : null}
      {notes.data ? (
        <p className="muted small" data-testid="signatures">
          {t('reports.preparedBy', { name: notes.data.signatures.preparedBy ?? '—' })}
          {' · '}
          {t('reports.approvedBy', { name: notes.data.signatures.approvedBy ?? '—' })}
        </p>
      ) : null}
    </details>
  );
}

/** SAK EMKM reports in plain tables: profit for a range, what the group owns and owes at a date, the notes. */
export default function ReportsPage({ id }: { id: string }) {
  const { t, locale } = useI18n();
  const today = localToday();
  const initial = { from: `${today.slice(0, 4)}-01-01`, to: today };
  const [draft, setDraft] = useState(initial);
  const [period, setPeriod] = useState(initial);
  const [at, setAt] = useState(today);
  const loadedGroup = useResource(`group-${id}`, (signal) => getGroup(id, signal));
  const income = useResource(`income-${id}-${period.from}-${period.to}`, (signal) =>
    getIncomeStatement(id, period, signal),
  );
  const position = useResource(at ? `position-${id}-${at}` : null, (signal) => getFinancialPosition(id, at, signal));
  const rangeValid = Boolean(draft.from && draft.to && draft.from <= draft.to);

  const show = (event: FormEvent) => {
    event.preventDefault();
    if (rangeValid) setPeriod(draft);
  };
  const download = (format: 'pdf' | 'xlsx') => statementsUrl(id, { format, ...period, locale });

  return (
    <Loaded resource={loadedGroup}>
      {(group) => (
        <>
          <p className="trail small">
            <Link href={`/groups/${id}`}>{group.name}</Link>
            {' · '}
            <Link href={`/groups/${id}/books`}>{t('books.title')}</Link>
          </p>
          <h1>{t('reports.title')}</h1>
          <p className="muted small">{t('reports.intro')}</p>

          <section className="panel" aria-labelledby="income-title">
            <h2 id="income-title">{t('reports.income')}</h2>
            <p className="muted small">{t('reports.incomeHint')}</p>
            <form className="filters" onSubmit={show} aria-label={t('reports.range')}>
              <label>
                <span>{t('reports.from')}</span>
                <input
                  type="date"
                  value={draft.from}
                  onChange={(e) => setDraft((d) => ({ ...d, from: e.target.value }))}
                />
              </label>
              <label>
                <span>{t('reports.to')}</span>
                <input type="date" value={draft.to} onChange={(e) => setDraft((d) => ({ ...d, to: e.target.value }))} />
              </label>
              <button type="submit" disabled={!rangeValid}>
                {t('reports.show')}
              </button>
            </form>
            {!rangeValid ? (
              <p className="error" role="alert">
                {t('reports.badRange')}
              </p>
            ) : null}
            {income.error ? <p role="alert">{t('error.load')}</p> : null}
            {income.data ? (
              <IncomeTable data={income.data} cooperative={income.data.keepsMembersSavings} />
            ) : (
              <p role="status">{t('state.loading')}</p>
            )}
            {income.data?.finalTax ? (
              <p className="muted small" data-testid="final-tax-due">
                {t('books.finalTax.due', {
                  due: formatMoney(income.data.finalTax.due, locale),
                  turnover: formatMoney(income.data.finalTax.turnover, locale),
                  posted: formatMoney(income.data.finalTax.posted, locale),
                })}
              </p>
            ) : null}
            <div className="downloads">
              <span className="muted small">{t('reports.download')}</span>
              <a className="button secondary" href={download('pdf')} download data-testid="download-pdf">
                {t('reports.pdf')}
              </a>
              <a className="button secondary" href={download('xlsx')} download data-testid="download-xlsx">
                {t('reports.xlsx')}
              </a>
            </div>
          </section>

          <section className="panel" aria-labelledby="position-title">
            <h2 id="position-title">{t('reports.position')}</h2>
            <p className="muted small">{t('reports.positionHint')}</p>
            <label className="field">
              <span>{t('reports.atDate')}</span>
              <input type="date" value={at} onChange={(e) => setAt(e.target.value)} />
            </label>
            {position.error ? <p role="alert">{t('error.load')}</p> : null}
            {position.data ? (
              <>
                <PositionTable data={position.data} />
                {!position.data.balanced ? (
                  <p className="error" role="alert">
                    {t('reports.unbalanced')}
                  </p>
                ) : null}
              </>
            ) : at ? (
              <p role="status">{t('state.loading')}</p>
            ) : null}
          </section>

          <NotesSection groupId={id} from={period.from} to={period.to} />
        </>
      )}
    </Loaded>
  );
}
