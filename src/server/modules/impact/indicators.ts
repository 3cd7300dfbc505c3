import type { Dimension, IndicatorAnswer } from '../../../shared/schemas/impact.js';

/**
 * The standard indicator set, as data: what each counts, in id/en/ja, how a period applies, the
 * breakdowns it allows, and which facts it is computed from (`source`, narrowed by `where`). The
 * computations live in impact.repository.ts, one per source; docs/indicators.md explains each
 * definition for the people who report them.
 */
export type Source =
  | 'members'
  | 'groups'
  | 'villages'
  | 'products'
  | 'sales'
  | 'certifications'
  | 'participations'
  | 'completions'
  | 'inquiries'
  | 'quoted'
  | 'orders'
  | 'buyers'
  | 'profit'
  | 'naik_kelas'
  | 'income_per_member'
  | 'mentoring_sessions'
  | 'first_answers';

export interface Indicator extends IndicatorAnswer {
  source: Source;
  /** Only facts whose dimension has one of these values (export sales: market = export). */
  where?: Partial<Record<Dimension | 'led_by', readonly string[]>>;
}

export const INDICATORS: readonly Indicator[] = [
  {
    code: 'villages_active',
    name: { id: 'Desa dengan kelompok aktif', en: 'Villages with an active group', ja: '活動中のグループがある村' },
    definition: {
      id: 'Desa yang pada akhir periode memiliki sedikitnya satu kelompok produsen dengan sedikitnya satu anggota aktif.',
      en: 'Villages that, on the last day of the period, have at least one producer group with at least one active member.',
      ja: '期間の最終日に、現役の会員が 1 人以上いる生産者グループが 1 つ以上ある村の数。',
    },
    unit: 'villages',
    periodType: 'stock',
    disaggregations: [],
    suppressible: false,
    source: 'villages',
  },
  {
    code: 'producer_groups',
    name: { id: 'Kelompok produsen', en: 'Producer groups', ja: '生産者グループ' },
    definition: {
      id: 'Kelompok produsen yang terdaftar dalam program sampai akhir periode (menurut tanggal pendaftaran).',
      en: 'Producer groups registered in the program by the last day of the period (by their registration date).',
      ja: '期間の最終日までにプログラムに登録された生産者グループの数（登録日による）。',
    },
    unit: 'groups',
    periodType: 'stock',
    disaggregations: ['kind'],
    suppressible: false,
    source: 'groups',
  },
  {
    code: 'women_led_groups',
    name: { id: 'Kelompok yang dipimpin perempuan', en: 'Women-led groups', ja: '女性が代表のグループ' },
    definition: {
      id: 'Kelompok produsen yang pada akhir periode diketuai oleh seorang perempuan.',
      en: 'Producer groups chaired by a woman on the last day of the period.',
      ja: '期間の最終日に女性が代表（会長）を務める生産者グループの数。',
    },
    unit: 'groups',
    periodType: 'stock',
    disaggregations: ['kind'],
    suppressible: false,
    source: 'groups',
    where: { led_by: ['female'] },
  },
  {
    code: 'members',
    name: {
      id: 'Anggota kelompok (warga desa terlibat)',
      en: 'Group members (villagers involved)',
      ja: 'グループの会員（参加した村人）',
    },
    definition: {
      id: 'Anggota kelompok produsen yang aktif pada akhir periode: sudah bergabung dan belum keluar. Umur dihitung dari tahun lahir pada tahun akhir periode.',
      en: 'Members of producer groups active on the last day of the period: joined and not yet left. Age is counted from the birth year in the year the period ends.',
      ja: '期間の最終日に在籍している生産者グループの会員（入会済みで未退会）。年齢は期間の終わる年と生まれ年から数えます。',
    },
    unit: 'people',
    periodType: 'stock',
    disaggregations: ['sex', 'age_band', 'disability'],
    suppressible: true,
    source: 'members',
  },
  {
    code: 'products_ready',
    name: { id: 'Produk siap jual', en: 'Products ready to sell', ja: '販売準備のできた商品' },
    definition: {
      id: 'Produk berstatus siap jual atau siap ekspor, saat ini (status produk tidak menyimpan riwayat).',
      en: 'Products marked ready to sell or export-ready, today (a product’s status keeps no history).',
      ja: '販売準備済みまたは輸出準備済みの商品の数（現在。商品の状態は履歴を持ちません）。',
    },
    unit: 'products',
    periodType: 'current',
    disaggregations: ['status', 'stars'],
    suppressible: false,
    source: 'products',
    where: { status: ['ready', 'export_ready'] },
  },
  {
    code: 'products_rated',
    name: { id: 'Produk menurut bintang', en: 'Products by star rating', ja: '星の数ごとの商品' },
    definition: {
      id: 'Produk dengan peringkat bintang yang masih berlaku hari ini, menurut jumlah bintang.',
      en: 'Products whose star rating is still valid today, by number of stars.',
      ja: '今日も有効な星の格付けを持つ商品の数（星の数ごと）。',
    },
    unit: 'products',
    periodType: 'current',
    disaggregations: ['stars'],
    suppressible: false,
    source: 'products',
    where: { stars: ['1', '2', '3', '4', '5'] },
  },
  {
    code: 'export_ready_products',
    name: { id: 'Produk siap ekspor', en: 'Export-ready products', ja: '輸出準備のできた商品' },
    definition: {
      id: 'Produk berstatus siap ekspor hari ini.',
      en: 'Products marked export-ready today.',
      ja: '今日、輸出準備済みの商品の数。',
    },
    unit: 'products',
    periodType: 'current',
    disaggregations: ['stars'],
    suppressible: false,
    source: 'products',
    where: { status: ['export_ready'] },
  },
  {
    code: 'sales_revenue',
    name: { id: 'Omzet penjualan', en: 'Sales revenue', ja: '売上高' },
    definition: {
      id: 'Penjualan yang dibukukan kelompok pada periode itu (penjualan satu sentuh dan pesanan pembeli), dikurangi pembatalannya; menurut pasar (lokal: provinsi sendiri; nasional; ekspor), saluran, dan jenis kelamin ketua kelompok saat menjual.',
      en: 'Sales the groups booked in the period (one-tap sales and buyer orders) less their reversals; by market (local: the own province; national; export), channel, and the sex of the group’s chair when selling.',
      ja: '期間中にグループが帳簿に記帳した売上（ワンタップ販売とバイヤーの注文）から取消を引いた額。市場（地元：同じ州、国内、輸出）、販売経路、販売時のグループ代表の性別ごと。',
    },
    unit: 'money',
    periodType: 'flow',
    disaggregations: ['market', 'channel', 'sex', 'destination'],
    suppressible: false,
    source: 'sales',
  },
  {
    code: 'export_sales',
    name: { id: 'Penjualan ekspor', en: 'Export sales', ja: '輸出売上' },
    definition: {
      id: 'Penjualan ke pembeli di luar negeri pada periode itu, menurut negara tujuan.',
      en: 'Sales to buyers abroad in the period, by destination country.',
      ja: '期間中の海外のバイヤーへの売上（仕向け国ごと）。',
    },
    unit: 'money',
    periodType: 'flow',
    disaggregations: ['destination', 'channel', 'sex'],
    suppressible: false,
    source: 'sales',
    where: { market: ['export'] },
  },
  {
    code: 'group_profit',
    name: { id: 'Laba kelompok', en: 'Group profit', ja: 'グループの利益' },
    definition: {
      id: 'Laba bersih kelompok dalam periode seperti pada laporan laba rugi masing-masing: pendapatan dikurangi harga pokok penjualan dan beban (termasuk penyusutan dan pajak final UMKM yang dibukukan). Rugi dihitung negatif.',
      en: "The groups' net profit in the period as each one's income statement shows it: revenue less the cost of goods sold and expenses (depreciation and the UMKM final tax included once posted). A loss counts as negative.",
      ja: '期間中の各グループの損益計算書どおりの純利益：収益から売上原価と費用（計上済みの減価償却・UMKM 最終税を含む）を差し引いたもの。損失はマイナスとして数える。',
    },
    unit: 'money',
    periodType: 'flow',
    disaggregations: [],
    suppressible: false,
    source: 'profit',
  },
  {
    code: 'certifications_valid',
    name: { id: 'Sertifikasi yang berlaku', en: 'Valid certifications', ja: '有効な認証' },
    definition: {
      id: 'Sertifikasi kelompok dan produk (PIRT, BPOM MD, halal, SNI, organik, FDA, lainnya) yang berlaku pada akhir periode: sudah terbit dan belum habis masa berlakunya.',
      en: 'Certifications of groups and products (PIRT, BPOM MD, halal, SNI, organic, FDA, other) valid on the last day of the period: issued by then and not yet expired.',
      ja: '期間の最終日に有効なグループ・製品の認証（PIRT、BPOM MD、ハラール、SNI、有機、FDA、その他）：発行済みで有効期限内のもの。',
    },
    unit: 'certificates',
    periodType: 'stock',
    disaggregations: ['cert_kind'],
    suppressible: false,
    source: 'certifications',
  },
  {
    code: 'training_participants',
    name: { id: 'Peserta pelatihan', en: 'Training participants', ja: '研修の参加者' },
    definition: {
      id: 'Anggota kelompok yang mendapat tempat di sesi pelatihan yang dimulai dalam periode (tidak termasuk daftar tunggu dan sesi batal); setiap orang dihitung sekali, juga per topik.',
      en: 'Group members with a place in a training session that starts in the period (not waitlisted, not in a cancelled session); each person counted once, also within each topic.',
      ja: '期間中に始まる研修セッションに席を得たグループ会員（キャンセル待ち・中止のセッションを除く）。各人は 1 回だけ数え、トピック別でも同様。',
    },
    unit: 'people',
    periodType: 'flow',
    disaggregations: ['sex', 'topic'],
    suppressible: true,
    source: 'participations',
  },
  {
    code: 'training_completions',
    name: {
      id: 'Lulus pelatihan (bersertifikat)',
      en: 'Training completions (certified)',
      ja: '研修の修了者（修了証あり）',
    },
    definition: {
      id: 'Anggota kelompok yang menerima sertifikat pelatihan dalam periode dan sertifikatnya masih berlaku (tidak ditarik); setiap orang dihitung sekali, juga per topik.',
      en: 'Group members issued a training certificate in the period that still stands (not withdrawn or revoked); each person counted once, also within each topic.',
      ja: '期間中に研修修了証が発行され、取り消されていないグループ会員。各人は 1 回だけ数え、トピック別でも同様。',
    },
    unit: 'people',
    periodType: 'flow',
    disaggregations: ['sex', 'topic'],
    suppressible: true,
    source: 'completions',
  },
  {
    code: 'buyer_inquiries',
    name: { id: 'Pertanyaan pembeli', en: 'Buyer inquiries', ja: 'バイヤーからの問い合わせ' },
    definition: {
      id: 'Pertanyaan, permintaan sampel dan permintaan penawaran dari pembeli yang masuk dalam periode. Awal corong: pertanyaan → penawaran → pesanan.',
      en: 'Inquiries, sample requests and requests for quotation from buyers received in the period. The top of the funnel: inquiries → quotes → orders.',
      ja: '期間中に届いたバイヤーからの問い合わせ・サンプル依頼・見積依頼の数。問い合わせ → 見積 → 注文の入口。',
    },
    unit: 'inquiries',
    periodType: 'flow',
    disaggregations: [],
    suppressible: false,
    source: 'inquiries',
  },
  {
    code: 'inquiries_quoted',
    name: { id: 'Pertanyaan yang diberi penawaran', en: 'Inquiries quoted', ja: '見積を出した問い合わせ' },
    definition: {
      id: 'Pertanyaan pembeli yang penawaran pertamanya dikirim dalam periode.',
      en: 'Buyer inquiries whose first quote was sent in the period.',
      ja: '最初の見積を期間中に送った問い合わせの数。',
    },
    unit: 'inquiries',
    periodType: 'flow',
    disaggregations: [],
    suppressible: false,
    source: 'quoted',
  },
  {
    code: 'orders_placed',
    name: { id: 'Pesanan pembeli', en: 'Buyer orders placed', ja: 'バイヤーの注文' },
    definition: {
      id: 'Pesanan pembeli yang dibuat dalam periode dan tidak dibatalkan, menurut pasar.',
      en: 'Buyer orders placed in the period and not cancelled, by market.',
      ja: '期間中に出され、キャンセルされていないバイヤーの注文の数（販売先別）。',
    },
    unit: 'orders',
    periodType: 'flow',
    disaggregations: ['market'],
    suppressible: false,
    source: 'orders',
  },
  {
    code: 'buyers_ordering',
    name: { id: 'Pembeli yang memesan', en: 'Buyers ordering', ja: '注文したバイヤー' },
    definition: {
      id: 'Pembeli (saluran penjualan) berbeda yang membuat sedikitnya satu pesanan dalam periode yang tidak dibatalkan; setiap pembeli dihitung sekali, juga per pasar.',
      en: 'Distinct buyers (sales outlets) with at least one order placed in the period and not cancelled; each buyer counted once, also within each market.',
      ja: '期間中にキャンセルされていない注文を 1 件以上出した異なるバイヤー（販路）の数。各バイヤーは 1 回だけ数え、販売先別でも同様。',
    },
    unit: 'buyers',
    periodType: 'flow',
    disaggregations: ['market'],
    suppressible: false,
    source: 'buyers',
  },
  {
    code: 'groups_naik_kelas',
    name: { id: 'Kelompok naik kelas', en: 'Groups moving up a class', ja: 'クラスが上がったグループ' },
    definition: {
      id: 'Kelompok produsen yang dalam periode memenuhi sedikitnya satu syarat yang dipilih program (aturan naik kelas): peringkat bintang tertinggi produknya naik dibanding sebelum periode; memperoleh sertifikasi baru (terbit dalam periode); melakukan ekspor pertama kalinya (penjualan atau pesanan ekspor pertama); atau omzet penjualannya naik sedikitnya X % dibanding rentang yang sama setahun sebelumnya (yang setahun sebelumnya harus di atas nol). Bawaan: keempat syarat, X = 20. Menurut syarat, satu kelompok dapat muncul di beberapa syarat; totalnya menghitung setiap kelompok sekali.',
      en: 'Producer groups that, in the period, meet one or more of the conditions the program chose, its naik kelas rule: the best star rating of its products rose above the best before the period; it gained a new certification (issued in the period); it made its first export ever (its first export sale or export order); or its sales revenue rose by at least X % on the same span a year before (which must be above zero). Default: all four conditions, X = 20. By condition, one group may count under several; the total counts each group once.',
      ja: '期間中に、プログラムが選んだ条件（クラスアップの規則）の少なくとも 1 つを満たした生産者グループの数：商品の最高の星の数が期間前の最高を上回った、新しい認証を得た（期間中に発行）、初めて輸出した（最初の輸出売上または輸出注文）、売上高が 1 年前の同じ期間より X % 以上増えた（1 年前がゼロより大きいこと）。既定：4 つの条件すべて、X = 20。条件別では 1 つのグループが複数の条件に数えられることがあり、合計では各グループを 1 回だけ数えます。',
    },
    unit: 'groups',
    periodType: 'flow',
    disaggregations: ['condition'],
    suppressible: false,
    source: 'naik_kelas',
  },
  {
    code: 'income_per_member',
    name: { id: 'Pendapatan per anggota', en: 'Income per member', ja: '会員 1 人あたりの所得' },
    definition: {
      id: 'Laba kelompok dalam periode (seperti Laba kelompok) dibagi anggota aktif pada akhir periode (seperti Anggota kelompok), atas kelompok yang memiliki pembukuan di wilayah itu: jumlah laba semua kelompok itu dibagi jumlah anggota aktifnya, bukan rata-rata per kelompok. Dibulatkan ke satuan mata uang terkecil; tanpa nilai bila tidak ada anggota aktif.',
      en: "The groups' profit in the period (as Group profit) divided by their members active on the last day of the period (as Group members), over the groups that keep books in the area: the sum of those groups' profit over the sum of their active members, not an average of each group's ratio. Rounded to the currency's minor unit; no value when there are no active members.",
      ja: '期間中のグループの利益（「グループの利益」と同じ）を、期間の最終日に在籍する会員数（「グループの会員」と同じ）で割った値。地域内で帳簿をつけているグループについて、利益の合計を在籍会員数の合計で割ります（グループごとの比率の平均ではありません）。通貨の最小単位に丸め、在籍会員がいないときは値なし。',
    },
    unit: 'money_per_member',
    periodType: 'flow',
    disaggregations: [],
    suppressible: false,
    source: 'income_per_member',
  },
  {
    code: 'mentoring_sessions',
    name: { id: 'Sesi pendampingan mentor', en: 'Mentoring sessions held', ja: 'メンタリングのセッション' },
    definition: {
      id: 'Sesi pendampingan yang diadakan dalam periode (menurut tanggal sesi) antara mentor komunitas dan anggota yang didampingi; di desa dan menurut jenis kelamin anggota yang didampingi (tidak diketahui bila ia tidak mengisinya saat bergabung).',
      en: 'Mentoring sessions held in the period (by the session’s date) between a community mentor and a mentee; in the mentee’s village and by the mentee’s sex (unknown when they did not give it when joining).',
      ja: '期間中（セッションの日付による）にコミュニティのメンターとメンティーの間で行われたメンタリングのセッションの数。メンティーの村で数え、メンティーの性別ごと（参加時に答えなかった場合は不明）。',
    },
    unit: 'sessions',
    periodType: 'flow',
    disaggregations: ['sex'],
    suppressible: false,
    source: 'mentoring_sessions',
  },
  {
    code: 'time_to_first_answer',
    name: { id: 'Waktu sampai jawaban pertama', en: 'Time to first answer', ja: '最初の回答までの時間' },
    definition: {
      id: 'Median jam dari sebuah pertanyaan anggota komunitas di ruang komunitas sampai balasan pertama oleh orang lain yang tidak disembunyikan, atas pertanyaan yang diajukan dalam periode dan sudah dijawab; di desa dan menurut jenis kelamin penanya.',
      en: 'The median of the hours from a community member’s question in a space to the first reply by someone else that is not hidden, over the questions asked in the period that have been answered; in the asker’s village and by the asker’s sex.',
      ja: '期間中にコミュニティのメンバーがスペースで投稿し、回答のついた質問について、質問から他の人による最初の（非表示でない）返信までの時間（時間単位）の中央値。質問者の村で数え、質問者の性別ごと。',
    },
    unit: 'hours',
    periodType: 'flow',
    disaggregations: ['sex'],
    suppressible: false,
    source: 'first_answers',
  },
];

export const indicatorByCode = (code: string): Indicator | undefined => INDICATORS.find((i) => i.code === code);

/** What the API shows of an indicator: everything but how it is computed. */
export const presentIndicator = ({ source: _source, where: _where, ...shown }: Indicator): IndicatorAnswer => shown;

/** Age bands (years, on the period's last year): under 25, 25–34, 35–54, 55 and over. */
export const AGE_BANDS = [
  { band: '<25', below: 25 },
  { band: '25-34', below: 35 },
  { band: '35-54', below: 55 },
  { band: '55+', below: Infinity },
] as const;
