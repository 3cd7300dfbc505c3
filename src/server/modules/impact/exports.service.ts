import type { Ctx } from '../../http/context.js';
import { notFound } from '../../http/errors.js';
import { dateIn } from '../../../shared/dates.js';
import type { ImpactAnswer, ImpactQuery } from '../../../shared/schemas/impact.js';
import { canSomewhere, requireUser } from '../platform/index.js';
import { programById } from '../programs/index.js';
import { exportLang, type ExportLang } from './export-labels.js';
import { impactCsv, impactXlsx, type ImpactFile } from './impact-files.js';
import { impactReportPdf, type Figure, type ReportData } from './impact-report.js';
import { impactPolicy } from './impact.policy.js';
import { bucketsOf, impactValues, periodRange, publicImpactValues } from './impact.service.js';
import { INDICATORS, indicatorByCode, presentIndicator } from './indicators.js';
import { listTargets } from './targets.service.js';
import { DEFAULT_SUPPRESS_BELOW, targetsRepository } from './targets.repository.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface FileAnswer {
  contentType: string;
  filename: string;
  body: Buffer;
}

/** A filename's part: letters, digits, dots and dashes only. */
const part = (s: string) => s.replace(/[^\w.-]+/g, '_');

async function threshold(ctx: Ctx, programId: string | undefined) {
  if (!programId) return DEFAULT_SUPPRESS_BELOW;
  return (await targetsRepository.settings(ctx.db, programId))?.suppress_below ?? DEFAULT_SUPPRESS_BELOW;
}

async function asFile(
  ctx: Ctx,
  answer: ImpactAnswer,
  q: { format: 'csv' | 'xlsx'; programId?: string | undefined },
  lang: ExportLang,
  publicView: boolean,
): Promise<FileAnswer> {
  const program = q.programId ? await programById(ctx.db, q.programId) : undefined;
  const programThreshold = await threshold(ctx, q.programId);
  const file: ImpactFile = {
    answer,
    lang,
    suppressBelow: publicView ? programThreshold : null,
    programThreshold,
    programName: program?.name ?? null,
    madeOn: dateIn(ctx.clock.now()),
  };
  const name = [
    'impact',
    answer.indicator.code,
    program?.code ?? 'all-programs',
    answer.area?.code ?? 'country',
    ...(answer.level ? [answer.level] : []),
    answer.period.name,
    ...(answer.by.length ? [`by-${answer.by.join('-')}`] : []),
    lang,
  ]
    .map(part)
    .join('_');
  return q.format === 'csv'
    ? { contentType: 'text/csv; charset=utf-8', filename: `${name}.csv`, body: impactCsv(file) }
    : { contentType: XLSX, filename: `${name}.xlsx`, body: await impactXlsx(file) };
}

type ExportQuery = ImpactQuery & { format: 'csv' | 'xlsx'; lang?: ExportLang | undefined };

/** `GET /api/v1/impact` as a file: the same scope as the JSON (the caller's grants, nothing suppressed). */
export async function impactExport(ctx: Ctx, q: ExportQuery, acceptLanguage: string | undefined) {
  const answer = await impactValues(ctx, q);
  return asFile(ctx, answer, q, exportLang(q.lang, acceptLanguage), false);
}

/** The public impact page's figures as a file: the whole program, small counts of people as "<5". */
export async function publicImpactExport(
  ctx: Ctx,
  q: ExportQuery & { programId: string },
  acceptLanguage: string | undefined,
) {
  const answer = await publicImpactValues(ctx, q);
  return asFile(ctx, answer, q, exportLang(q.lang, acceptLanguage), true);
}

const figuresOf = (a: ImpactAnswer): Figure[] => {
  const sums = new Map<string, number>();
  for (const r of a.rows) sums.set(r.currency ?? '', (sums.get(r.currency ?? '') ?? 0) + Number(r.value ?? 0));
  return [...sums].map(([currency, v]) => ({ value: String(v), currency: currency || null }));
};

/** The series' step: months for a year or less, quarters up to three years, years beyond. */
function stepOf(period: string): 'month' | 'quarter' | 'year' {
  const { from, to } = periodRange(period);
  const days = (Date.parse(to) - Date.parse(from)) / 86_400_000;
  return days <= 366 ? 'month' : days <= 3 * 366 ? 'quarter' : 'year';
}

/**
 * A program's impact report for one period: who may read its indicators somewhere in the program
 * gets the figures within their grants (the same as the JSON); anyone else, "not found".
 */
export async function impactReport(
  ctx: Ctx,
  programId: string,
  q: { period: string; area?: string | undefined; lang?: ExportLang | undefined },
  acceptLanguage: string | undefined,
): Promise<FileAnswer> {
  const actor = requireUser(ctx.actor);
  const program = await programById(ctx.db, programId);
  if (!program || !canSomewhere(actor, impactPolicy, 'read', programId)) throw notFound('Program');
  const lang = exportLang(q.lang, acceptLanguage);
  const base = { programId, ...(q.area ? { area: q.area } : {}), period: q.period };
  const value = (indicator: string, every: ImpactQuery['every'], by: ImpactQuery['by'] = []) =>
    impactValues(ctx, { ...base, indicator, every, by });
  const targets = (await listTargets(ctx, programId)).items.filter((t) => t.period.name === q.period);
  const lines: ReportData['lines'] = [];
  let area: ReportData['area'] = null;
  let period: ReportData['period'] = { name: q.period, ...periodRange(q.period) };
  for (const indicator of INDICATORS) {
    const answer = await value(indicator.code, 'none');
    area = answer.area ? { code: answer.area.code, name: answer.area.name } : null;
    period = answer.period;
    lines.push({
      indicator: presentIndicator(indicator),
      figures: figuresOf(answer),
      targets: targets.filter((t) => t.indicator === indicator.code),
    });
  }
  const step = stepOf(q.period);
  const series: ReportData['series'] = [];
  for (const [code, kind] of [
    ['members', 'line'],
    ['sales_revenue', 'bar'],
  ] as const) {
    const answer = await value(code, step);
    const currencies = [...new Set(answer.rows.map((r) => r.currency).filter((c): c is string => !!c))];
    const currency = currencies[0] ?? null;
    const byPeriod = new Map<string, number>();
    for (const r of answer.rows.filter((r) => r.currency === currency)) {
      byPeriod.set(r.period, (byPeriod.get(r.period) ?? 0) + Number(r.value ?? 0));
    }
    const periods = bucketsOf(q.period, step).map((b) => b.name);
    series.push({
      indicator: answer.indicator,
      kind,
      currency,
      points: periods.map((p) => ({ period: p, value: byPeriod.get(p) ?? 0 })),
    });
  }
  const bySex: ReportData['bySex'] = [];
  for (const code of ['members', 'sales_revenue']) {
    const answer = await value(code, 'none', ['sex']);
    bySex.push({
      indicator: presentIndicator(indicatorByCode(code)!),
      rows: answer.rows.map((r) => ({ sex: r.by.sex ?? 'unknown', figure: { value: r.value, currency: r.currency } })),
    });
  }
  const data: ReportData = {
    program: { name: program.name, code: program.code },
    area,
    period,
    madeOn: dateIn(ctx.clock.now()),
    lines,
    series,
    bySex,
    threshold: await threshold(ctx, programId),
  };
  return {
    contentType: 'application/pdf',
    filename: `impact-report_${part(program.code)}_${part(area?.code ?? 'program')}_${part(q.period)}_${lang}.pdf`,
    body: await impactReportPdf(data, lang),
  };
}
