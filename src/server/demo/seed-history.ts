/**
 * Two years of the demo program's history, so its dashboard tells a story on the first start: the
 * groups joined the program at different times over 24 months (the salak and batik groups first,
 * the bamboo weavers of Loyok last), newcomers joined them — most of them women — and two left, and
 * every group sold every month from the month it joined: its materials bought, made into goods and
 * sold, with peaks before Lebaran and at the year's end, a growing share sold to other provinces and,
 * in the second year, the first exports (baskets to Japan and Singapore, batik to Japan). The salak
 * group of Sibetan also went through a training session of each course over those years.
 *
 * Everything is dated relative to the day of seeding and drawn from fixed tables and a seeded
 * generator (no Math.random): two seeds on the same day give the same books. Sales go through the
 * books' own posting path, so the books balance, no balance goes below zero and the monthly sales
 * summaries follow. The history stops before the months the salak and batik groups' detailed books
 * cover (seed-books.ts), which close the oldest months afterwards.
 */
import type { Ctx } from '../http/context.js';
import { addMember } from '../modules/registry/index.js';
import { recordTransaction } from '../modules/business/index.js';
import { createSession, enrol, recordAttendance, recordTestAttempt } from '../modules/training/index.js';
import { addDays } from '../../shared/dates.js';
import type { SimpleTransactionBody } from '../../shared/schemas/business.js';

type Destination = 'JP' | 'SG';

interface Newcomer {
  name: string;
  sex: 'female' | 'male';
  birthYear: number;
  /** Months before the seed's month when they joined, on `day`. */
  joined: number;
  day: number;
  /** Months before the seed's month when they left (on the 28th), if they did. */
  left?: number;
}

interface GroupHistory {
  /** Months before the seed's month when the group was registered in the program. */
  registered: number;
  /** The last month (months back) of this history; the detailed books (seed-books.ts) follow it. */
  until: number;
  /** A usual month's sales in the first month, whole rupiah. */
  base: number;
  /** The cost of goods (materials, wages, energy) as a share of the sales. */
  costShare: number;
  /** How much more sells in the month before Lebaran and in Lebaran's month. */
  lebaran: [number, number];
  /** Exports: from which month (months back), what share of the month's sales, and where to, in turn. */
  exports?: { from: number; share: number; to: Destination[] };
  /** A koperasi has no owner's capital: its working capital is a member's voluntary savings. */
  savingsFrom?: string;
  memo: { local: string; national: string; export: string; materials: string; production: string };
  newcomers: Newcomer[];
}

/** The demo groups' two years, by the group's key in demo-data.ts. */
const HISTORY: Record<string, GroupHistory> = {
  salak: {
    registered: 24,
    until: 4,
    base: 1_050_000,
    costShare: 0.78,
    lebaran: [1.2, 1.4],
    memo: {
      local: 'Keripik salak, toko oleh-oleh Karangasem',
      national: 'Keripik salak, reseller Denpasar dan Surabaya',
      export: '',
      materials: 'Salak, minyak, standing pouch',
      production: 'Goreng vakum keripik salak',
    },
    newcomers: [],
  },
  batik: {
    registered: 24,
    until: 4,
    base: 2_200_000,
    costShare: 0.5,
    lebaran: [1.5, 1.3],
    exports: { from: 7, share: 0.12, to: ['JP'] },
    savingsFrom: 'Siti Khotijah',
    memo: {
      local: 'Batik tulis, pembeli di Kauman',
      national: 'Batik tulis, butik Jakarta',
      export: 'Batik tulis, galeri di Kyoto',
      materials: 'Kain mori, malam, pewarna alam',
      production: 'Batik tulis bulan ini',
    },
    newcomers: [
      { name: 'Umi Kulsum', sex: 'female', birthYear: 1983, joined: 23, day: 4 },
      { name: 'Fitriyani', sex: 'female', birthYear: 1998, joined: 20, day: 10 },
      { name: 'Khoirul Anam', sex: 'male', birthYear: 1992, joined: 15, day: 1 },
      { name: 'Siti Masruroh', sex: 'female', birthYear: 1987, joined: 9, day: 6 },
      { name: 'Dewi Ratnasari', sex: 'female', birthYear: 2000, joined: 1, day: 3 },
    ],
  },
  honey: {
    registered: 21,
    until: 1,
    base: 1_700_000,
    costShare: 0.55,
    lebaran: [1.3, 1.2],
    memo: {
      local: 'Madu hutan, pasar Sumbawa Besar',
      national: 'Madu hutan, toko herbal Mataram dan Jakarta',
      export: '',
      materials: 'Botol kaca, label, panen madu anggota',
      production: 'Saring dan botolkan madu',
    },
    newcomers: [
      { name: 'Nurhayati', sex: 'female', birthYear: 1994, joined: 18, day: 2 },
      { name: 'Sri Mulyani', sex: 'female', birthYear: 1990, joined: 12, day: 15 },
      { name: 'Syahrul', sex: 'male', birthYear: 1989, joined: 7, day: 1, left: 2 },
      { name: 'Hartini', sex: 'female', birthYear: 1997, joined: 3, day: 5 },
    ],
  },
  cookies: {
    registered: 17,
    until: 1,
    base: 1_300_000,
    costShare: 0.6,
    lebaran: [2.2, 2.8],
    memo: {
      local: 'Kue kering, wisatawan Nglanggeran',
      national: 'Kue kering, pesanan Jakarta dan Bandung',
      export: '',
      materials: 'Tepung, mentega, kakao, toples',
      production: 'Kue kering kakao dan kacang',
    },
    newcomers: [
      { name: 'Sumarni', sex: 'female', birthYear: 1975, joined: 16, day: 3 },
      { name: 'Sutarno', sex: 'male', birthYear: 1980, joined: 14, day: 1, left: 5 },
      { name: 'Wulan Sari', sex: 'female', birthYear: 2001, joined: 13, day: 12 },
      { name: 'Parjiyem', sex: 'female', birthYear: 1968, joined: 10, day: 7 },
      { name: 'Rini Handayani', sex: 'female', birthYear: 1993, joined: 6, day: 2 },
    ],
  },
  basketry: {
    registered: 11,
    until: 1,
    base: 1_600_000,
    costShare: 0.5,
    lebaran: [1.1, 1.1],
    exports: { from: 9, share: 0.22, to: ['JP', 'SG'] },
    memo: {
      local: 'Bakul bambu, pasar Sikur',
      national: 'Bakul dan kap lampu, toko di Bali',
      export: 'Bakul bambu, importir',
      materials: 'Bambu tali, rotan',
      production: 'Anyaman bulan ini',
    },
    newcomers: [
      { name: 'Baiq Sumiati', sex: 'female', birthYear: 1985, joined: 10, day: 5 },
      { name: 'Inaq Rumnah', sex: 'female', birthYear: 1970, joined: 8, day: 1 },
      { name: 'Lalu Ahmad Zaki', sex: 'male', birthYear: 1999, joined: 5, day: 9 },
      { name: 'Baiq Rohani', sex: 'female', birthYear: 1996, joined: 2, day: 4 },
    ],
  },
};

/** Idul Fitri's month (1 Syawal, as the government's calendar sets it), by year. */
const LEBARAN: Record<number, number> = {
  2022: 5,
  2023: 4,
  2024: 4,
  2025: 3,
  2026: 3,
  2027: 3,
  2028: 2,
  2029: 2,
  2030: 2,
  2031: 1,
  2032: 1,
  2033: 12,
  2034: 12,
  2035: 12,
};

/** The first day of the month `back` months before today's, as YYYY-MM. */
export function monthBefore(today: Date, back: number): string {
  const d = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - back, 1));
  return d.toISOString().slice(0, 7);
}

/** A small seeded generator (mulberry32), so the same month of the same group always draws the same. */
function generator(seed: string): () => number {
  let h = 2166136261;
  for (const c of seed) h = Math.imul(h ^ c.charCodeAt(0), 16777619);
  return () => {
    h = (h + 0x6d2b79f5) | 0;
    let x = Math.imul(h ^ (h >>> 15), 1 | h);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

/** The season's pull on a month (YYYY-MM): the run-up to Lebaran, Lebaran itself, the year's end. */
function season(month: string, lebaran: [number, number]): number {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const feast = LEBARAN[y];
  const next = m === 12 ? LEBARAN[y + 1] === 1 : false;
  if (feast === m) return lebaran[1];
  if (feast === m + 1 || next) return lebaran[0];
  if (m === 12) return 1.35;
  if (m === 1) return 0.85;
  return 1;
}

const thousand = (x: number) => Math.round(x / 1000) * 1000;
const rp = (amount: number) => ({ amount: `${amount}.00`, currency: 'IDR' });

/** A month's sales of a group, whole rupiah, by market; `destination` for the export. */
interface MonthSales {
  month: string;
  local: number;
  national: number;
  export: number;
  destination?: Destination;
  cost: number;
}

/** What a group sells, month by month, over its history (oldest first). */
export function monthsOf(key: string, today: Date): MonthSales[] {
  const h = HISTORY[key];
  if (!h) return [];
  const out: MonthSales[] = [];
  let exports = 0;
  for (let back = h.registered; back >= h.until; back--) {
    const month = monthBefore(today, back);
    const random = generator(`${key}:${month}`);
    const grown = 1 + 0.03 * (h.registered - back);
    const total = thousand(h.base * grown * season(month, h.lebaran) * (0.9 + 0.2 * random()));
    // Other provinces buy more as the program goes on: a tenth in its first months, a third at the end.
    const nationalShare = 0.08 + 0.012 * (24 - back) + 0.04 * random();
    const exportShare = h.exports && back <= h.exports.from ? h.exports.share * (0.8 + 0.4 * random()) : 0;
    const national = thousand(total * nationalShare);
    const exported = thousand(total * exportShare);
    const sales: MonthSales = { month, local: total - national - exported, national, export: exported, cost: 0 };
    if (exported > 0) sales.destination = h.exports!.to[exports++ % h.exports!.to.length]!;
    sales.cost = thousand(total * h.costShare);
    out.push(sales);
  }
  return out;
}

/** The month a group was registered in the program, as a timestamp for `created_at` (noon in WIB). */
export function registeredAt(key: string, today: Date): string | undefined {
  const h = HISTORY[key];
  return h ? `${monthBefore(today, h.registered)}-01T05:00:00Z` : undefined;
}

/** Adds the group's newcomers (joined, some left, over the two years); answers how many. */
export async function addNewcomers(ctx: Ctx, groupId: string, key: string, today = ctx.clock.now()) {
  const newcomers = HISTORY[key]?.newcomers ?? [];
  const day = (back: number, d: number) => `${monthBefore(today, back)}-${String(d).padStart(2, '0')}`;
  for (const n of newcomers) {
    await addMember(ctx, groupId, {
      name: n.name,
      sex: n.sex,
      birthYear: n.birthYear,
      role: 'member',
      joinedOn: day(n.joined, n.day),
      leftOn: n.left === undefined ? null : day(n.left, 28),
      disability: false,
      userId: null,
    });
  }
  return newcomers.length;
}

/**
 * Posts a group's history to its books: its members' capital the month it was registered, then
 * each quarter its materials bought and made into goods, and every month goods sold — at the
 * market, to other provinces and, later, abroad. Answers the entries posted.
 */
export async function seedSalesHistory(ctx: Ctx, groupId: string, key: string, today = ctx.clock.now()) {
  const h = HISTORY[key];
  if (!h) return 0;
  const months = monthsOf(key, today);
  const asOfToday: Ctx = { ...ctx, clock: { now: () => today } };
  const entries: SimpleTransactionBody[] = [];
  // Materials are bought and made into goods a quarter at a time (from the history's first month),
  // and sold over that quarter: its goods are all sold by its end.
  const quarters = months.map((_, i) => months.slice(i - (i % 3), i - (i % 3) + 3));
  const quarterCost = (i: number) => quarters[i]!.reduce((sum, m) => sum + m.cost, 0);
  // Enough capital for the dearest quarter's materials, paid in by the members on registering.
  const dearest = Math.max(...months.map((_, i) => quarterCost(i)));
  const capital = Math.ceil((dearest + 500_000) / 500_000) * 500_000;
  const opening = { date: `${months[0]!.month}-01`, amount: rp(capital), via: 'cash' as const };
  entries.push(
    h.savingsFrom
      ? {
          kind: 'voluntary_savings_received',
          ...opening,
          member: h.savingsFrom,
          memo: 'Simpanan sukarela, modal kerja',
        }
      : { kind: 'owner_capital', ...opening, memo: 'Modal awal dari anggota' },
  );
  for (const [i, s] of months.entries()) {
    // Paid from the cash box: the capital and the profit so far always cover a quarter's materials.
    if (i % 3 === 0) entries.push(...materialsPosted(h, s.month, quarterCost(i)));
    entries.push(...salesPosted(h, s));
  }
  for (const entry of entries) await recordTransaction(asOfToday, groupId, entry);
  return entries.length;
}

/** A quarter's materials, bought on the 3rd of its first month and made into goods on the 5th. */
function materialsPosted(h: GroupHistory, month: string, cost: number): SimpleTransactionBody[] {
  return [
    { kind: 'material_purchase', date: `${month}-03`, amount: rp(cost), settlement: 'cash', memo: h.memo.materials },
    { kind: 'production', date: `${month}-05`, amount: rp(cost), memo: h.memo.production },
  ];
}

/**
 * A month's cash sales, market by market (local on the 14th, other provinces on the 20th, abroad on
 * the 24th): the month's cost of goods follows the sales, and the last sale takes the rest.
 */
function salesPosted(h: GroupHistory, s: MonthSales): SimpleTransactionBody[] {
  const total = s.local + s.national + s.export;
  const sold = [
    { market: 'local' as const, amount: s.local, day: 14, memo: h.memo.local },
    { market: 'national' as const, amount: s.national, day: 20, memo: h.memo.national },
    { market: 'export' as const, amount: s.export, day: 24, memo: h.memo.export },
  ].filter((x) => x.amount > 0);
  let costLeft = s.cost;
  return sold.map((x, i) => {
    const cost = i === sold.length - 1 ? costLeft : thousand((s.cost * x.amount) / total);
    costLeft -= cost;
    return {
      kind: 'cash_sale',
      date: `${s.month}-${x.day}`,
      amount: rp(x.amount),
      via: 'cash',
      market: x.market,
      ...(x.market === 'export' ? { destination: s.destination } : {}),
      costOfGoods: rp(cost),
      memo: x.memo,
    };
  });
}

/**
 * The training the salak group of Sibetan went through before the demo's current sessions: one
 * session of each course (packaging, bookkeeping, selling online) some months back, by the demo's
 * trainer. Attendance is drawn from a seeded generator: most came every day, a few missed days and
 * did not complete; on the packaging course everyone took the post-test and one in four answered one
 * question wrong (50 %, below the 60 % the course asks). Completions get their certificates.
 */
const PAST_SESSIONS = [
  { back: 20, course: 0, days: 3, address: 'Balai Banjar Dukuh, Sibetan' },
  { back: 14, course: 1, days: 2, address: 'Kantor Desa Sibetan' },
  { back: 8, course: 2, days: 2, address: 'Balai Banjar Dukuh, Sibetan' },
];

/** `ctx` as on `date`, in the morning: what a trainer records that day is dated that day (a certificate too). */
export const recordedOn = (ctx: Ctx, date: string): Ctx => ({
  ...ctx,
  clock: { now: () => new Date(`${date}T09:00:00Z`) },
});

/** Seeds the past sessions with their enrolments, attendance and post-tests; answers how many sessions. */
export async function seedTrainingHistory(
  ctx: Ctx,
  courses: { id: string; postTest: boolean }[],
  place: { trainerId: string; groupId: string; areaCode: string },
  today = ctx.clock.now(),
) {
  const members = await ctx.db.query<{ id: string }>(
    'SELECT id FROM members WHERE group_id = $1 AND left_on IS NULL ORDER BY name',
    [place.groupId],
  );
  for (const past of PAST_SESSIONS) {
    const course = courses[past.course]!;
    const first = `${monthBefore(today, past.back)}-10`;
    const days = Array.from({ length: past.days }, (_, i) => addDays(first, i));
    const { record: session } = await createSession(ctx, {
      courseId: course.id,
      areaCode: place.areaCode,
      address: past.address,
      startsOn: days[0]!,
      endsOn: days[days.length - 1]!,
      trainerId: place.trainerId,
      capacity: 25,
    });
    const random = generator(`training:${past.course}`);
    const enrolments = [];
    for (const m of members) enrolments.push((await enrol(ctx, session.id, { memberId: m.id })).record);
    // Each participant is away on a day with odds of one in eight. Each day is recorded that day, and
    // the post-test on the last: a certificate is dated the day that completed it.
    const away = members.map(() => days.map(() => random() < 0.125));
    for (const [n, date] of days.entries()) {
      const items = members.map((m, i) => ({ memberId: m.id, present: !away[i]![n] }));
      await recordAttendance(recordedOn(ctx, date), session.id, date, { items });
    }
    if (!course.postTest) continue;
    for (const [i, e] of enrolments.entries()) {
      const answers = i % 4 === 3 ? [0, 0] : [0, 1];
      await recordTestAttempt(recordedOn(ctx, days.at(-1)!), session.id, e.id, 'post', { answers });
    }
  }
  return PAST_SESSIONS.length;
}
