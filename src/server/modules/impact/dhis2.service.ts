import { inTransaction, type Ctx } from '../../http/context.js';
import { invalid, notFound, ruleBroken, type FieldError } from '../../http/errors.js';
import { assertVersion } from '../../http/versioning.js';
import type { DataValueSetAnswer, Dhis2MappingAnswer, Dhis2MappingBody } from '../../../shared/schemas/dhis2.js';
import type { Dimension } from '../../../shared/schemas/impact.js';
import { abilities, authorize, programTarget, recordAudit } from '../platform/index.js';
import { programById } from '../programs/index.js';
import { dhis2Period } from './dhis2.periods.js';
import { dhis2Policy } from './dhis2.policy.js';
import { dhis2Repository as repo } from './dhis2.repository.js';
import { impactValues } from './impact.service.js';
import { indicatorByCode } from './indicators.js';

const DEFAULT_PERIOD_TYPE = 'Quarterly';

export async function requireProgram(ctx: Ctx, programId: string) {
  if (!(await programById(ctx.db, programId))) throw notFound('Program');
}

export async function getDhis2Mapping(ctx: Ctx, programId: string): Promise<Dhis2MappingAnswer> {
  authorize(ctx.actor, dhis2Policy, 'read', programTarget(programId));
  await requireProgram(ctx, programId);
  return presentMapping(ctx, programId);
}

async function presentMapping(ctx: Ctx, programId: string): Promise<Dhis2MappingAnswer> {
  const settings = await repo.settings(ctx.db, programId);
  const [elements, units] = [await repo.dataElements(ctx.db, programId), await repo.orgUnits(ctx.db, programId)];
  return {
    programId,
    periodType: settings?.period_type ?? DEFAULT_PERIOD_TYPE,
    dataSet: settings?.data_set ?? null,
    attributeOptionCombo: settings?.attribute_option_combo ?? null,
    dataElements: elements.map((e) => ({
      indicator: e.indicator,
      cell: e.cell,
      dataElement: e.data_element,
      categoryOptionCombo: e.category_option_combo,
      attributeOptionCombo: e.attribute_option_combo,
    })),
    orgUnits: units.map((u) => ({
      area: u.area_code ? { code: u.area_code, name: u.area_name ?? u.area_code } : null,
      orgUnit: u.org_unit,
      sentAs: u.org_unit ?? u.area_code ?? '',
    })),
    version: settings?.version ?? 1,
    abilities: abilities(ctx.actor, dhis2Policy, programTarget(programId)),
  };
}

const cellKey = (indicator: string, cell: Record<string, string>) =>
  `${indicator}|${Object.keys(cell)
    .sort()
    .map((k) => `${k}=${cell[k]}`)
    .join(',')}`;

/** What a schema cannot see: known indicators and their breakdowns, real areas of the program's country, nothing twice. */
async function mappingErrors(ctx: Ctx, programId: string, body: Dhis2MappingBody): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  const seenCells = new Set<string>();
  body.dataElements.forEach((row, i) => {
    const indicator = indicatorByCode(row.indicator);
    if (!indicator) {
      errors.push({
        path: `dataElements.${i}.indicator`,
        code: 'not_an_indicator',
        message: 'is not an indicator code',
      });
      return;
    }
    for (const dimension of Object.keys(row.cell)) {
      if (!indicator.disaggregations.includes(dimension as Dimension)) {
        errors.push({
          path: `dataElements.${i}.cell.${dimension}`,
          code: 'not_allowed_here',
          message: `${indicator.code} is not broken down by ${dimension}`,
        });
      }
    }
    const key = cellKey(row.indicator, row.cell as Record<string, string>);
    if (seenCells.has(key)) errors.push({ path: `dataElements.${i}`, code: 'used_twice', message: 'is mapped twice' });
    seenCells.add(key);
  });
  const program = (await programById(ctx.db, programId))!;
  const known = new Map(
    (
      await repo.areas(
        ctx.db,
        body.orgUnits.flatMap((o) => (o.area ? [o.area] : [])),
      )
    ).map((a) => [a.code, a]),
  );
  const seenAreas = new Set<string>();
  const seenUnits = new Set<string>();
  body.orgUnits.forEach((row, i) => {
    const area = row.area ? known.get(row.area) : undefined;
    if (row.area && !area) {
      errors.push({ path: `orgUnits.${i}.area`, code: 'unknown_reference', message: 'is not an area' });
    } else if (area && area.country !== program.country) {
      errors.push({
        path: `orgUnits.${i}.area`,
        code: 'not_in_country',
        params: { country: program.country },
        message: `is not in ${program.country}`,
      });
    }
    if (!row.area && !row.orgUnit) {
      errors.push({ path: `orgUnits.${i}.orgUnit`, code: 'required', message: 'the whole country needs a code' });
    }
    const areaKey = row.area ?? '';
    if (seenAreas.has(areaKey))
      errors.push({ path: `orgUnits.${i}.area`, code: 'used_twice', message: 'is listed twice' });
    seenAreas.add(areaKey);
    const unit = row.orgUnit ?? row.area ?? '';
    if (unit && seenUnits.has(unit)) {
      errors.push({ path: `orgUnits.${i}.orgUnit`, code: 'used_twice', message: 'is the code of another area' });
    }
    seenUnits.add(unit);
  });
  return errors;
}

/** Replaces the program's mapping as a whole (the version guards against a stale editor). */
export async function putDhis2Mapping(ctx: Ctx, programId: string, body: Dhis2MappingBody) {
  authorize(ctx.actor, dhis2Policy, 'manage', programTarget(programId));
  await requireProgram(ctx, programId);
  const errors = await mappingErrors(ctx, programId, body);
  if (errors.length) throw invalid(errors);
  const before = await presentMapping(ctx, programId);
  await inTransaction(ctx, async (tx) => {
    const current = await repo.settings(tx.db, programId, true);
    if (body.version !== undefined) assertVersion({ version: current?.version ?? 1 }, body.version, () => before);
    await repo.saveMapping(tx.db, programId, {
      period_type: body.periodType,
      data_set: body.dataSet,
      attribute_option_combo: body.attributeOptionCombo,
    });
    await repo.replaceRows(
      tx.db,
      programId,
      body.dataElements.map((d) => ({
        indicator: d.indicator,
        cell: d.cell as Record<string, string>,
        data_element: d.dataElement,
        category_option_combo: d.categoryOptionCombo,
        attribute_option_combo: d.attributeOptionCombo,
      })),
      body.orgUnits.map((o) => ({ area_code: o.area, org_unit: o.orgUnit })),
    );
    const { version: _version, ...after } = body;
    await recordAudit(tx.db, tx, { action: 'dhis2.mapping', entity: 'program', entityId: programId, after });
  });
  return presentMapping(ctx, programId);
}

/**
 * The program's figures for one period as DHIS2's `dataValueSets` (codes as identifiers): one value
 * per mapped indicator cell per mapped area, each the same number `GET /api/v1/impact` gives for
 * that cell (0 where nothing is counted, so a figure that fell to nothing replaces the old one).
 */
export async function dataValueSet(ctx: Ctx, programId: string, periodText: string): Promise<DataValueSetAnswer> {
  authorize(ctx.actor, dhis2Policy, 'read', programTarget(programId));
  await requireProgram(ctx, programId);
  return buildDataValueSet(ctx, programId, periodText);
}

export async function buildDataValueSet(ctx: Ctx, programId: string, periodText: string): Promise<DataValueSetAnswer> {
  const settings = await repo.settings(ctx.db, programId);
  const periodType = settings?.period_type ?? DEFAULT_PERIOD_TYPE;
  const period = dhis2Period(periodText);
  if (!period || period.type !== periodType) {
    throw ruleBroken(
      'dhis2-period-type',
      `The program reports to DHIS2 by ${periodType} periods.`,
      [{ path: 'query.period', code: 'not_this_period_type', params: { periodType }, message: `is not ${periodType}` }],
      undefined,
      { periodType },
    );
  }
  const [elements, units] = [await repo.dataElements(ctx.db, programId), await repo.orgUnits(ctx.db, programId)];
  if (!elements.length || !units.length) {
    throw ruleBroken('dhis2-nothing-mapped', 'Map at least one indicator and one area to DHIS2 first.');
  }
  // One read per indicator, breakdown and level: every mapped area of a level comes in one answer.
  const levels = [...new Set(units.map((u) => u.area_level))];
  const values = new Map<string, number>();
  const asked = new Set<string>();
  for (const e of elements) {
    const by = Object.keys(e.cell).sort() as Dimension[];
    for (const level of levels) {
      const read = `${e.indicator}|${by.join(',')}|${level}`;
      if (asked.has(read)) continue;
      asked.add(read);
      const answer = await impactValues(ctx, {
        indicator: e.indicator,
        programId,
        ...(level ? { level } : {}),
        period: period.ovop,
        every: 'none',
        by,
      });
      for (const row of answer.rows) {
        const key = `${row.area?.code ?? ''}|${cellKey(e.indicator, row.by)}`;
        values.set(key, (values.get(key) ?? 0) + Number(row.value ?? 0));
      }
    }
  }
  const dataValues = units.flatMap((u) =>
    elements.map((e) => {
      const aoc = e.attribute_option_combo ?? settings?.attribute_option_combo;
      return {
        dataElement: e.data_element,
        period: period.name,
        orgUnit: u.org_unit ?? u.area_code!,
        ...(e.category_option_combo ? { categoryOptionCombo: e.category_option_combo } : {}),
        ...(aoc ? { attributeOptionCombo: aoc } : {}),
        value: String(values.get(`${u.area_code ?? ''}|${cellKey(e.indicator, e.cell)}`) ?? 0),
      };
    }),
  );
  return { ...(settings?.data_set ? { dataSet: settings.data_set } : {}), period: period.name, dataValues };
}
