/**
 * The demo's training: three courses (packaging, bookkeeping, selling online), a packaging session
 * in Sibetan that finished a month before the day of seeding, with its participants, attendance and
 * post-test, and so one issued certificate, and a bookkeeping session two weeks ahead — after the
 * group's past sessions of the two years before (seed-history.ts). Built through the training
 * services, acting as the system.
 */
import { addDays, dateIn } from '../../shared/dates.js';
import type { Ctx } from '../http/context.js';
import { createCourse, createSession, enrol, recordAttendance, recordTestAttempt } from '../modules/training/index.js';
import { recordedOn, seedTrainingHistory } from './seed-history.js';

const choices = (id: string[], en: string[], ja: string[]) =>
  id.map((_, i) => ({ id: id[i]!, en: en[i]!, ja: ja[i]! }));

const PACKAGING_TEST = {
  questions: [
    {
      text: {
        id: 'Apa yang wajib ada pada label pangan olahan?',
        en: 'What must a processed-food label show?',
        ja: '加工食品のラベルに必ず必要なものは？',
      },
      choices: choices(
        ['Nama produk, berat bersih, tanggal kedaluwarsa', 'Hanya logo kelompok', 'Harga saja'],
        ['Product name, net weight, expiry date', 'Only the group logo', 'Only the price'],
        ['製品名・内容量・賞味期限', 'グループのロゴのみ', '価格のみ'],
      ),
      answer: 0,
    },
    {
      text: {
        id: 'Kemasan mana yang paling menahan udara untuk keripik?',
        en: 'Which pack keeps air out of chips best?',
        ja: 'チップスを最も空気から守る包装は？',
      },
      choices: choices(
        ['Kantong plastik tipis', 'Standing pouch aluminium foil dengan zip', 'Kertas koran'],
        ['Thin plastic bag', 'Aluminium-foil stand-up pouch with zip', 'Newspaper'],
        ['薄いビニール袋', 'ジッパー付きアルミスタンドパウチ', '新聞紙'],
      ),
      answer: 1,
    },
  ],
};

const COURSES = [
  {
    title: {
      id: 'Kemasan dan label pangan olahan',
      en: 'Packaging and labelling processed food',
      ja: '加工食品の包装と表示',
    },
    description: {
      id: 'Memilih kemasan yang aman dan menarik, dan membuat label yang memenuhi aturan P-IRT.',
      en: 'Choosing safe, attractive packs and writing labels that meet the P-IRT rules.',
      ja: '安全で魅力的な包装の選び方と、P-IRT の規則に合うラベルの作り方。',
    },
    topic: 'packaging',
    durationHours: 12,
    links: [{ title: 'BPOM: label pangan olahan', url: 'https://standarpangan.pom.go.id/' }],
    postTest: PACKAGING_TEST,
  },
  {
    title: { id: 'Pembukuan sederhana SAK EMKM', en: 'Simple bookkeeping (SAK EMKM)', ja: '簡単な記帳（SAK EMKM）' },
    description: {
      id: 'Kas masuk, kas keluar, dan laporan posisi keuangan untuk usaha mikro.',
      en: 'Cash in, cash out, and the statement of financial position for micro businesses.',
      ja: '現金の出入りと、零細事業のための財政状態計算書。',
    },
    topic: 'accounting',
    durationHours: 8,
    links: [],
  },
  {
    title: { id: 'Berjualan daring', en: 'Selling online', ja: 'オンライン販売' },
    description: {
      id: 'Foto produk dengan ponsel, cerita produk, dan melayani pembeli di marketplace.',
      en: 'Product photos with a phone, product stories, and serving buyers on marketplaces.',
      ja: 'スマホでの商品写真、商品ストーリー、マーケットプレイスでの接客。',
    },
    topic: 'digital_selling',
    durationHours: 6,
    links: [],
  },
];

/** Seeds the demo's training for the salak group of Sibetan; nothing when that group was skipped. */
export async function seedTraining(
  ctx: Ctx,
  programId: string,
  place: { trainerId: string; groupId: string | undefined; areaCode: string },
): Promise<void> {
  if (!place.groupId) return;
  const courses = [];
  for (const c of COURSES) {
    const completionRule = { minAttendancePercent: 80, minPostTestPercent: 60 };
    courses.push((await createCourse(ctx, { programId, ...c, completionRule })).record);
  }
  const withTests = courses.map((c, i) => ({ id: c.id, postTest: COURSES[i]!.postTest !== undefined }));
  await seedTrainingHistory(ctx, withTests, {
    trainerId: place.trainerId,
    groupId: place.groupId,
    areaCode: place.areaCode,
  });
  // Dates follow the day of seeding: one session finished a month ago, two still to come.
  const today = dateIn(ctx.clock.now());
  const day = (offset: number) => addDays(today, offset);
  const days = [day(-30), day(-29), day(-28)];
  const { record: session } = await createSession(ctx, {
    courseId: courses[0]!.id,
    areaCode: place.areaCode,
    address: 'Balai Banjar Dukuh, Sibetan',
    startsOn: days[0]!,
    endsOn: days[2]!,
    trainerId: place.trainerId,
    capacity: 20,
  });
  const members = await ctx.db.query<{ id: string }>('SELECT id FROM members WHERE group_id = $1 ORDER BY name', [
    place.groupId,
  ]);
  const enrolments = [];
  for (const m of members) enrolments.push((await enrol(ctx, session.id, { memberId: m.id })).record);
  for (const [n, date] of days.entries()) {
    // Everyone came every day, but the last participant missed the first two days.
    const items = members.map((m, i) => ({ memberId: m.id, present: i < members.length - 1 || n === 2 }));
    await recordAttendance(recordedOn(ctx, date), session.id, date, { items });
  }
  const first = enrolments[0];
  if (first) await recordTestAttempt(recordedOn(ctx, days[2]!), session.id, first.id, 'post', { answers: [0, 1] });
  await createSession(ctx, {
    courseId: courses[1]!.id,
    areaCode: place.areaCode,
    address: 'Kantor Desa Sibetan',
    startsOn: day(14),
    endsOn: day(15),
    trainerId: place.trainerId,
    capacity: 25,
  });
}
