/**
 * `ovop seed-demo`: a demo program to look around in, built through the same services the API
 * uses (programs, accounts, registry), acting as the system. Running it again adds nothing: the
 * program's code marks the demo as done.
 *
 * The whole demo is one transaction (each service's own transaction becomes a savepoint inside
 * it): a failure or a crash midway leaves nothing, so the next run builds it whole and prints every
 * password. The only files it writes are its products' photos; a demo that fails takes them away
 * again (a process killed midway may leave some, unreferenced, as an interrupted upload does).
 */
import { randomBytes } from 'node:crypto';
import { PersonalDataCipher } from '../crypto/personal-data.js';
import { inOneTransaction, type Database } from '../db/database.js';
import { systemContext, type Clock, type Ctx } from '../http/context.js';
import type { FileStorage } from '../storage/file-storage.js';
import { ruleBroken } from '../http/errors.js';
import { areaPath } from '../modules/geography/index.js';
import { accountByEmail, createUser } from '../modules/platform/index.js';
import { createProgram, grantRole, programByCode } from '../modules/programs/index.js';
import { registryExportReadinessCheck } from '../modules/quality/index.js';
import {
  addMember,
  addPhoto,
  createProduct,
  enrolVillage,
  registerGroup,
  type RegistryDeps,
} from '../modules/registry/index.js';
import { DEMO_PROGRAM, DEMO_USERS, DEMO_VILLAGES, type DemoVillage } from './demo-data.js';
import type { DemoPicture } from './picture-drawings.js';
import { seedBooks, seedCooperativeBooks } from './seed-books.js';
import { addNewcomers, monthBefore, registeredAt, seedSalesHistory } from './seed-history.js';
import { seedMarket } from './seed-market.js';
import { rememberingWrites, renderDemoPictures } from './seed-pictures.js';
import { seedRatings } from './seed-ratings.js';
import { seedTraining } from './seed-training.js';

export interface DemoAccount {
  role: string;
  email: string;
  /** Null when the account existed already (its password is left as it was). */
  password: string | null;
  /** The office in its group of the member linked to this account (e.g. treasurer), if any. */
  office?: string;
}

export type DemoSeedResult =
  | { created: false; programId: string }
  | {
      created: true;
      programId: string;
      accounts: DemoAccount[];
      villages: number;
      groups: number;
      members: number;
      products: number;
      /** Villages whose area is not in the database (their province was not imported). */
      skipped: string[];
    };

export interface SeedDemoOptions {
  secret: string;
  files: FileStorage;
  warn?: (line: string) => void;
  /** "Today" for the demo's dates (sessions, books, batches, quotes); the system clock by default. */
  clock?: Clock;
}

export async function seedDemo(db: Database, options: SeedDemoOptions): Promise<DemoSeedResult> {
  const { files, removeWritten } = rememberingWrites(options.files);
  try {
    return await inOneTransaction(db, (tx) => seedDemoWhole(tx, { ...options, files }));
  } catch (error) {
    await removeWritten();
    throw error;
  }
}

async function seedDemoWhole(db: Database, options: SeedDemoOptions): Promise<DemoSeedResult> {
  const existing = await programByCode(db, DEMO_PROGRAM.code);
  if (existing) return { created: false, programId: existing.id };
  const [areas] = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM areas WHERE country = 'ID'");
  if (!areas?.n) {
    throw ruleBroken('areas-missing', 'No Indonesian areas yet: run `ovop import-areas --country ID` first.');
  }

  const ctx = systemContext(db, {
    requestId: 'seed-demo',
    cipher: new PersonalDataCipher(options.secret),
    files: options.files,
    ...(options.clock ? { clock: options.clock } : {}),
  });
  // The program began two years ago, when its first groups registered (see seed-history.ts).
  const startedOn = `${monthBefore(ctx.clock.now(), 24)}-01`;
  const { record: program } = await createProgram(ctx, { ...DEMO_PROGRAM, startedOn });
  const pictures = await renderDemoPictures(DEMO_VILLAGES.flatMap((v) => v.group.products.map((p) => p.picture)));

  const users = new Map<string, { id: string; password: string | null }>();
  for (const u of DEMO_USERS) users.set(u.email, await account(ctx, u.email, u.name));
  const staff = DEMO_USERS.filter((u) => !u.group);
  for (const u of staff) {
    if (u.areaCode && !(await areaPath(db, u.areaCode))) {
      options.warn?.(`skipped the ${u.role} grant for ${u.email}: area ${u.areaCode} is not imported`);
      continue;
    }
    await grantRole(ctx, program.id, { userId: users.get(u.email)!.id, role: u.role, areaCode: u.areaCode });
  }

  const groups = new Map<string, string>();
  /** Each group's first product (the salak group's chips), by group id. */
  const chips = new Map<string, string>();
  const counts = { villages: 0, groups: 0, members: 0, products: 0 };
  const skipped: string[] = [];
  for (const v of DEMO_VILLAGES) {
    if (!(await areaPath(db, v.areaCode))) {
      options.warn?.(`skipped ${v.label}: area ${v.areaCode} is not imported`);
      skipped.push(v.areaCode);
      continue;
    }
    const linked = new Map(
      DEMO_USERS.filter((u) => u.group === v.group.key && u.member).map((u) => [u.member!, users.get(u.email)!.id]),
    );
    const facilitatorId = v.facilitator ? users.get(v.facilitator)!.id : null;
    const added = await village(ctx, program.id, v, { facilitatorId, linked, pictures });
    groups.set(v.group.key, added.groupId);
    if (added.firstProductId) chips.set(added.groupId, added.firstProductId);
    counts.villages++;
    counts.groups++;
    counts.members += added.members;
    counts.products += added.products;
  }

  for (const u of DEMO_USERS.filter((x) => x.group)) {
    const groupId = groups.get(u.group!);
    if (!groupId) continue;
    await grantRole(ctx, program.id, { userId: users.get(u.email)!.id, role: u.role, groupId });
  }

  // Two years of sales of every group, before the detailed books close their oldest months.
  for (const [key, groupId] of groups) await seedSalesHistory(ctx, groupId, key);

  const trainerId = users.get('trainer@demo.ovop.id')!.id;
  await seedTraining(ctx, program.id, { trainerId, groupId: groups.get('salak'), areaCode: '51.07.06.2004' });
  const salak = groups.get('salak');
  if (salak) {
    const id = (email: string) => users.get(email)!.id;
    await seedRatings(ctx, program.id, chips.get(salak)!, {
      programManagerId: id('manager@demo.ovop.id'),
      groupManagerId: id('group.manager@demo.ovop.id'),
      assessorId: id('assessor@demo.ovop.id'),
    });
  }
  await seedBooks(ctx, salak ? { groupId: salak, productId: chips.get(salak)! } : undefined);
  // The cooperative records its members' savings (and pays the UMKM final tax).
  const koperasi = DEMO_VILLAGES.find((v) => v.group.kind === 'cooperative' && groups.has(v.group.key));
  await seedCooperativeBooks(
    ctx,
    koperasi
      ? { groupId: groups.get(koperasi.group.key)!, members: koperasi.group.members.map((x) => x.name) }
      : undefined,
  );
  const accounts: DemoAccount[] = DEMO_USERS.map((u) => ({
    role: u.role,
    email: u.email,
    password: users.get(u.email)!.password,
    ...(u.member ? { office: officeIn(u.group!, u.member) } : {}),
  }));
  accounts.push(...(await seedMarket(ctx, program.id, { groupId: groups.get('salak') })));
  return { created: true, programId: program.id, accounts, ...counts, skipped };
}

/** A demo account with a strong generated password, or the existing account with that email. */
async function account(ctx: Ctx, email: string, name: string): Promise<{ id: string; password: string | null }> {
  const found = await accountByEmail(ctx.db, email);
  if (found) return { id: found.id, password: null };
  const password = randomBytes(12).toString('base64url');
  const { record: user } = await createUser(ctx, { email, name, password, locale: 'id', isAdmin: false });
  return { id: user.id, password };
}

/** The registry's dependencies, as the app gives them. */
const registry: RegistryDeps = { exportReadiness: registryExportReadinessCheck };

/**
 * A village, its group, its members (some linked to demo accounts, by member name) and its
 * products, each with its picture as a photo.
 */
async function village(
  ctx: Ctx,
  programId: string,
  v: DemoVillage,
  {
    facilitatorId,
    linked,
    pictures,
  }: { facilitatorId: string | null; linked: Map<string, string>; pictures: Map<DemoPicture, Buffer> },
) {
  const { record: enrolled } = await enrolVillage(ctx, {
    programId,
    areaCode: v.areaCode,
    profile: { potentials: v.potentials },
    facilitatorId,
  });
  const g = v.group;
  const { record: group } = await registerGroup(ctx, {
    programId,
    villageId: enrolled.id,
    name: g.name,
    kind: g.kind,
    foundedOn: g.foundedOn,
    legalIds: {},
    contact: {},
  });
  // Registered in the program on its own day of the last two years (groups are counted from it).
  const registered = registeredAt(g.key, ctx.clock.now());
  if (registered)
    await ctx.db.query('UPDATE producer_groups SET created_at = $2 WHERE id = $1', [group.id, registered]);
  for (const member of g.members) {
    await addMember(ctx, group.id, { ...member, disability: false, userId: linked.get(member.name) ?? null });
  }
  const newcomers = await addNewcomers(ctx, group.id, g.key);
  const productIds: string[] = [];
  for (const p of g.products) {
    const { record: product } = await createProduct(ctx, registry, {
      groupId: group.id,
      name: p.name,
      description: p.description,
      story: p.story,
      category: p.category,
      unit: p.unit,
      price: { amount: `${p.price}.00`, currency: 'IDR' },
      capacityPerMonth: p.capacityPerMonth ?? null,
      hsCode: p.hsCode ?? null,
      status: p.status,
      shelfLifeDays: p.shelfLifeDays ?? null,
      ingredients: p.ingredients,
      allergens: p.allergens ?? null,
      netQuantity: p.netQuantity ?? null,
      storage: p.storage,
    });
    await addPhoto(ctx, product.id, { data: pictures.get(p.picture)!, mimetype: 'image/jpeg' });
    productIds.push(product.id);
  }
  return {
    groupId: group.id,
    firstProductId: productIds[0],
    members: g.members.length + newcomers,
    products: g.products.length,
  };
}

/** The office a demo member holds in a demo group. */
function officeIn(groupKey: string, memberName: string): string | undefined {
  const group = DEMO_VILLAGES.find((v) => v.group.key === groupKey)?.group;
  return group?.members.find((m) => m.name === memberName)?.role;
}

/** The accounts as a small table, for the one time their passwords are shown. */
export function accountsTable(accounts: DemoAccount[]): string[] {
  const head = ['role', 'office', 'email', 'password'];
  const rows = accounts.map((a) => [a.role, a.office ?? '', a.email, a.password ?? '(existing account, unchanged)']);
  const widths = head.map((_, i) => Math.max(...[head, ...rows].map((r) => r[i]!.length)));
  const line = (r: string[]) => `  ${r.map((c, i) => c.padEnd(widths[i]!)).join('  ')}`.trimEnd();
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
}
