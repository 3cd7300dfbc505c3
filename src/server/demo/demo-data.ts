/**
 * The demo program's content: five real villages (Kemendagri codes from idn-area-data) with the
 * kind of producer group and product each is known for. The groups, people and figures are
 * invented and no certification is claimed. Every product has an HS 2022 subheading that fits its
 * category (salak chips 2008.99, natural honey 0409.00, sweet biscuits 1905.31, bamboo basketwork
 * 4602.11, a lampshade as a lamp part 9405.99, printed cotton batik 5208.52); the food products
 * carry their label facts (ingredients, allergens, net quantity, shelf life, storage). Each product
 * has a picture drawn for it, stored as its photo.
 */
import type { Allergen } from '../../shared/schemas/registry.js';
import type { Role } from '../http/context.js';
import type { DemoPicture } from './picture-drawings.js';

type Text = { id: string; en: string; ja: string };

export const DEMO_PROGRAM = {
  code: 'OVOP-ID-DEMO',
  name: 'OVOP Indonesia (demo)',
  country: 'ID',
  currency: 'IDR',
  locales: ['id', 'en', 'ja'],
  categories: [
    { code: 'food', name: { id: 'Makanan', en: 'Food', ja: '食品' } },
    { code: 'beverages', name: { id: 'Minuman', en: 'Beverages', ja: '飲料' } },
    { code: 'woven_cloth', name: { id: 'Kain tenun', en: 'Woven cloth', ja: '織物' } },
    { code: 'batik', name: { id: 'Batik', en: 'Batik', ja: 'バティック' } },
    { code: 'basketry', name: { id: 'Anyaman', en: 'Basketry', ja: 'かご・編み細工' } },
    { code: 'pottery', name: { id: 'Gerabah', en: 'Pottery', ja: '陶器' } },
  ],
};

export interface DemoUser {
  email: string;
  name: string;
  role: Role;
  /** An area subtree for area-scoped roles. */
  areaCode?: string;
  /** The key of a demo group (below) for group roles. */
  group?: string;
  /** The member of that group (by name) whose record is linked to this account: their office acts for it. */
  member?: string;
}

export const DEMO_USERS: DemoUser[] = [
  { email: 'manager@demo.ovop.id', name: 'Rina Kusumawati', role: 'program_manager' },
  { email: 'facilitator.bali@demo.ovop.id', name: 'I Gede Wirawan', role: 'facilitator', areaCode: '51' },
  { email: 'facilitator.ntb@demo.ovop.id', name: 'Lalu Hendra Pratama', role: 'facilitator', areaCode: '52' },
  { email: 'assessor@demo.ovop.id', name: 'Dewi Anggraini', role: 'assessor' },
  { email: 'trainer@demo.ovop.id', name: 'Bambang Setiawan', role: 'trainer' },
  {
    email: 'group.manager@demo.ovop.id',
    name: 'I Wayan Sudarma',
    role: 'group_manager',
    group: 'salak',
    member: 'I Wayan Sudarma',
  },
  {
    email: 'group.member@demo.ovop.id',
    name: 'Ni Made Suartini',
    role: 'group_member',
    group: 'salak',
    member: 'Ni Made Suartini',
  },
];

export interface DemoMember {
  name: string;
  sex: 'female' | 'male';
  birthYear: number;
  role: 'chair' | 'secretary' | 'treasurer' | 'member';
  joinedOn: string;
}

export interface DemoProduct {
  name: Text;
  description?: Text;
  story?: Text;
  category: string;
  unit: string;
  /** Rupiah, whole. */
  price: number;
  capacityPerMonth?: number;
  /** HS 2022, a 6-digit subheading whose chapter fits the category. */
  hsCode?: string;
  /** The drawing stored as its photo (picture-drawings.ts). */
  picture: DemoPicture;
  status: 'draft' | 'ready' | 'export_ready';
  /** Label facts (food). */
  shelfLifeDays?: number;
  ingredients?: Text;
  allergens?: Allergen[];
  netQuantity?: { amount: number; unit: 'g' | 'kg' | 'ml' | 'l' | 'pcs' };
  storage?: Text;
}

export interface DemoVillage {
  areaCode: string;
  /** For the log when the area is missing. */
  label: string;
  /** The facilitator (a demo user's email) who works there, if any. */
  facilitator?: string;
  potentials: string[];
  group: {
    key: string;
    name: string;
    kind: 'women_group' | 'cooperative' | 'bumdes' | 'farmer_group' | 'enterprise';
    foundedOn: string;
    members: DemoMember[];
    products: DemoProduct[];
  };
}

const m = (name: string, sex: DemoMember['sex'], birthYear: number, role: DemoMember['role'], joinedOn: string) => ({
  name,
  sex,
  birthYear,
  role,
  joinedOn,
});

export const DEMO_VILLAGES: DemoVillage[] = [
  {
    areaCode: '51.07.06.2004',
    label: 'Sibetan, Bebandem, Kabupaten Karangasem, Bali',
    facilitator: 'facilitator.bali@demo.ovop.id',
    potentials: ['salak', 'agrowisata'],
    group: {
      key: 'salak',
      name: 'Kelompok Tani Salak Abian Sari',
      kind: 'farmer_group',
      foundedOn: '2012-03-15',
      members: [
        m('I Wayan Sudarma', 'male', 1968, 'chair', '2012-03-15'),
        m('Ni Made Suartini', 'female', 1975, 'treasurer', '2012-03-15'),
        m('I Nyoman Gede Artawan', 'male', 1990, 'secretary', '2016-07-01'),
        m('Ni Ketut Sriani', 'female', 1983, 'member', '2014-01-10'),
        m('I Komang Adi Putra', 'male', 1998, 'member', '2021-02-01'),
      ],
      products: [
        {
          // The usual worked HPP example: full cost Rp 10,000 per 100 g pack, sold at Rp 12,900.
          name: { id: 'Keripik Salak Sibetan', en: 'Sibetan Salak Chips', ja: 'シベタン村のサラクチップス' },
          description: {
            id: 'Keripik salak digoreng vakum tanpa pengawet: manis, sedikit asam, dan renyah. Kemasan 100 g.',
            en: 'Vacuum-fried snake fruit chips with no preservatives: sweet, a little tart and crisp. 100 g pack.',
            ja: '保存料を使わず真空フライしたサラク（スネークフルーツ）のチップス。甘酸っぱくサクサク。100 g入り。',
          },
          story: {
            id: 'Sibetan, di lereng Gunung Agung, adalah desa salak. Saat panen raya harga salak segar jatuh dan banyak buah tidak terjual. Kelompok tani kami belajar menggoreng vakum agar buah bisa disimpan berbulan-bulan. Kini keripiknya dijual di toko oleh-oleh di Karangasem dan Denpasar.',
            en: 'Sibetan, on the slopes of Mount Agung, is a salak village. In the peak season the price of fresh fruit collapses and much of it goes unsold. Our farmer group learned vacuum frying so the fruit keeps for months. The chips now sell in souvenir shops in Karangasem and Denpasar.',
            ja: 'アグン山の麓にあるシベタン村はサラクの村です。収穫期には生の実の値段が下がり、売れ残りが多く出ます。私たち農家グループは真空フライを学び、実を何か月も保存できるようにしました。今ではカランアスムやデンパサールの土産物店で販売されています。',
          },
          picture: 'salak-chips',
          category: 'food',
          unit: '100 g',
          price: 12_900,
          capacityPerMonth: 1_500,
          hsCode: '2008.99',
          status: 'ready',
          shelfLifeDays: 180,
          ingredients: {
            id: 'Salak (92%), minyak kelapa sawit',
            en: 'Snake fruit (92%), palm oil',
            ja: 'サラク（92%）、パーム油',
          },
          allergens: [],
          netQuantity: { amount: 100, unit: 'g' },
          storage: {
            id: 'Simpan di tempat kering dan sejuk, jauh dari sinar matahari. Tutup rapat setelah dibuka.',
            en: 'Store in a cool, dry place away from sunlight. Close tightly after opening.',
            ja: '直射日光・高温多湿を避けて保存。開封後は密閉してください。',
          },
        },
        {
          name: { id: 'Dodol Salak', en: 'Salak Dodol', ja: 'サラクのドドル' },
          picture: 'salak-dodol',
          category: 'food',
          unit: '250 g',
          price: 18_000,
          // A cooked fruit paste (heading 2007).
          hsCode: '2007.99',
          status: 'draft',
        },
      ],
    },
  },
  {
    areaCode: '52.04.07.2005',
    label: 'Batu Dulang, Batu Lanteh, Kabupaten Sumbawa, NTB',
    facilitator: 'facilitator.ntb@demo.ovop.id',
    potentials: ['madu hutan', 'kopi'],
    group: {
      key: 'honey',
      name: 'Kelompok Madu Hutan Lestari Batu Dulang',
      kind: 'farmer_group',
      foundedOn: '2009-06-01',
      members: [
        m('Usman', 'male', 1972, 'chair', '2009-06-01'),
        m('Siti Aminah', 'female', 1980, 'treasurer', '2009-06-01'),
        m('Rahmawati', 'female', 1992, 'secretary', '2018-04-15'),
        m('Junaidi', 'male', 1987, 'member', '2011-09-01'),
      ],
      products: [
        {
          name: { id: 'Madu Hutan Sumbawa', en: 'Sumbawa Wild Forest Honey', ja: 'スンバワ島の森のはちみつ' },
          description: {
            id: 'Madu mentah dari lebah hutan Apis dorsata, disaring tanpa dipanaskan. Botol kaca 250 ml.',
            en: 'Raw honey of the wild giant honey bee (Apis dorsata), filtered without heating. 250 ml glass bottle.',
            ja: 'オオミツバチ（Apis dorsata）の非加熱ろ過の生はちみつ。250 mlガラス瓶。',
          },
          story: {
            id: 'Pemburu madu Batu Dulang memanjat pohon-pohon tinggi di hutan Batulanteh pada malam hari. Mereka hanya memotong bagian sarang yang berisi madu dan meninggalkan anakan lebah, agar koloni kembali tahun berikutnya. Kadar air setiap panen diukur sebelum dibotolkan.',
            en: 'The honey hunters of Batu Dulang climb the tall trees of the Batulanteh forest at night. They cut only the honey part of each comb and leave the brood, so the colony returns the next year. The moisture of every harvest is measured before bottling.',
            ja: 'バトゥ・ドゥラン村のはちみつ採りは、夜にバトゥランテの森の高い木に登ります。巣のはちみつの部分だけを切り取り、幼虫は残すので、群れは翌年も戻ってきます。瓶詰めの前に収穫ごとの水分を測ります。',
          },
          picture: 'forest-honey',
          category: 'food',
          unit: '250 ml',
          price: 95_000,
          capacityPerMonth: 400,
          hsCode: '0409.00',
          // Export-ready food needs valid permits (P-IRT or BPOM MD, halal); the demo claims none.
          status: 'ready',
          shelfLifeDays: 730,
          ingredients: {
            id: 'Madu hutan mentah (100%)',
            en: 'Raw wild forest honey (100%)',
            ja: '非加熱の森のはちみつ（100%）',
          },
          allergens: [],
          netQuantity: { amount: 250, unit: 'ml' },
          storage: {
            id: 'Simpan pada suhu ruang, jauh dari sinar matahari. Madu dapat mengkristal; hangatkan di air suam-suam kuku.',
            en: 'Keep at room temperature away from sunlight. Honey may crystallise; warm the jar in lukewarm water.',
            ja: '直射日光を避け常温で保存。結晶化した場合はぬるま湯で温めてください。',
          },
        },
      ],
    },
  },
  {
    areaCode: '34.03.04.2008',
    label: 'Nglanggeran, Patuk, Kabupaten Gunungkidul, DI Yogyakarta',
    potentials: ['kakao', 'ekowisata'],
    group: {
      key: 'cookies',
      name: 'Kelompok Wanita Sekar Arum',
      kind: 'women_group',
      foundedOn: '2015-10-01',
      members: [
        m('Sri Wahyuni', 'female', 1970, 'chair', '2015-10-01'),
        m('Endang Lestari', 'female', 1978, 'treasurer', '2015-10-01'),
        m('Dwi Astuti', 'female', 1988, 'secretary', '2017-03-01'),
        m('Suparmi', 'female', 1959, 'member', '2015-10-01'),
        m('Tumini', 'female', 1965, 'member', '2016-01-15'),
        m('Agus Prasetyo', 'male', 1985, 'member', '2019-08-01'),
      ],
      products: [
        {
          name: { id: 'Kue Kering Kakao', en: 'Cocoa Butter Cookies', ja: 'カカオのクッキー' },
          description: {
            id: 'Kue kering mentega dengan bubuk kakao dari kebun desa. Toples 250 g.',
            en: 'Butter cookies made with cocoa powder from the village gardens. 250 g jar.',
            ja: '村の畑で採れたカカオパウダーを使ったバタークッキー。250 g入り。',
          },
          story: {
            id: 'Ibu-ibu Sekar Arum mulai membuat kue kering untuk pesanan Lebaran. Seperti kelompok perempuan Azemichi di Hita, Oita, yang membawa biskuit karinto mereka ke pasar nasional, mereka belajar menghitung harga pokok, mengemas, dan menjual sepanjang tahun kepada wisatawan yang datang ke Nglanggeran.',
            en: 'The women of Sekar Arum began by baking cookies for Lebaran orders. Like the Azemichi women’s group in Hita, Oita, which took its karinto biscuits to the national market, they learned to cost, package and sell all year round to the visitors who come to Nglanggeran.',
            ja: 'スカール・アルムの女性たちは、レバラン（断食明け）の注文のクッキー作りから始めました。かりんとうを全国に届けた大分県日田市の「あぜみち」の女性グループのように、原価計算と包装を学び、ングランゲラン村を訪れる人々に一年中販売しています。',
          },
          picture: 'cocoa-cookies',
          category: 'food',
          unit: '250 g',
          price: 35_000,
          capacityPerMonth: 600,
          hsCode: '1905.31',
          status: 'ready',
          shelfLifeDays: 120,
          ingredients: {
            id: 'Tepung terigu, mentega, gula, bubuk kakao (8%), telur',
            en: 'Wheat flour, butter, sugar, cocoa powder (8%), egg',
            ja: '小麦粉、バター、砂糖、ココアパウダー（8%）、卵',
          },
          allergens: ['gluten_cereals', 'eggs', 'milk'],
          netQuantity: { amount: 250, unit: 'g' },
          storage: {
            id: 'Simpan di tempat kering dan sejuk, jauh dari sinar matahari. Tutup rapat setelah dibuka.',
            en: 'Store in a cool, dry place away from sunlight. Close tightly after opening.',
            ja: '直射日光・高温多湿を避けて保存。開封後は密閉してください。',
          },
        },
        {
          name: {
            id: 'Kue Kacang Gunungkidul',
            en: 'Gunungkidul Peanut Cookies',
            ja: 'グヌンキドゥルのピーナッツクッキー',
          },
          description: {
            id: 'Kue kacang tanah sangrai yang rapuh di mulut. Toples 250 g.',
            en: 'Roasted peanut cookies that melt in the mouth. 250 g jar.',
            ja: '口の中でほろりと崩れる、ローストピーナッツのクッキー。250 g入り。',
          },
          picture: 'peanut-cookies',
          category: 'food',
          unit: '250 g',
          price: 30_000,
          hsCode: '1905.31',
          status: 'ready',
          shelfLifeDays: 90,
          ingredients: {
            id: 'Tepung terigu, kacang tanah sangrai (30%), gula, minyak nabati',
            en: 'Wheat flour, roasted peanuts (30%), sugar, vegetable oil',
            ja: '小麦粉、ローストピーナッツ（30%）、砂糖、植物油',
          },
          allergens: ['gluten_cereals', 'peanuts'],
          netQuantity: { amount: 250, unit: 'g' },
          storage: {
            id: 'Simpan di tempat kering dan sejuk, jauh dari sinar matahari. Tutup rapat setelah dibuka.',
            en: 'Store in a cool, dry place away from sunlight. Close tightly after opening.',
            ja: '直射日光・高温多湿を避けて保存。開封後は密閉してください。',
          },
        },
      ],
    },
  },
  {
    areaCode: '52.03.04.2004',
    label: 'Loyok, Sikur, Kabupaten Lombok Timur, NTB',
    facilitator: 'facilitator.ntb@demo.ovop.id',
    potentials: ['anyaman bambu'],
    group: {
      key: 'basketry',
      name: 'Kelompok Perajin Anyaman Bambu Loyok',
      kind: 'enterprise',
      foundedOn: '2008-02-01',
      members: [
        m('Muhammad Saleh', 'male', 1966, 'chair', '2008-02-01'),
        m('Baiq Nurhayati', 'female', 1979, 'treasurer', '2008-02-01'),
        m('Inaq Saenah', 'female', 1958, 'member', '2010-05-01'),
        m('Sahrul', 'male', 1994, 'secretary', '2019-01-01'),
      ],
      products: [
        {
          name: { id: 'Bakul Anyaman Bambu', en: 'Woven Bamboo Basket', ja: '竹編みのかご' },
          description: {
            id: 'Bakul dari bambu tali yang dibelah tipis dan dianyam rapat, dengan bibir rotan.',
            en: 'A basket of finely split bamboo, tightly woven, with a rattan rim.',
            ja: '細く割った竹をしっかりと編み、縁を籐で仕上げたかご。',
          },
          story: {
            id: 'Di Loyok hampir setiap rumah menganyam bambu sepulang dari sawah. Keterampilan ini diwariskan dari ibu ke anak. Kelompok kami menyeragamkan ukuran agar toko di kota bisa memesan dalam jumlah besar.',
            en: 'In Loyok almost every household weaves bamboo after work in the rice fields, a skill passed from mother to child. Our group standardised the sizes so that shops in town can order in quantity.',
            ja: 'ロヨック村ではほとんどの家が田仕事の後に竹を編みます。母から子へ受け継がれてきた技です。町の店がまとまった数を注文できるよう、グループで寸法をそろえました。',
          },
          picture: 'bamboo-basket',
          category: 'basketry',
          unit: 'buah',
          price: 85_000,
          capacityPerMonth: 300,
          hsCode: '4602.11',
          status: 'export_ready',
        },
        {
          name: { id: 'Kap Lampu Anyaman Bambu', en: 'Woven Bamboo Lampshade', ja: '竹編みのランプシェード' },
          description: {
            id: 'Kap lampu bulat diameter 35 cm dari anyaman bambu.',
            en: 'A round lampshade of woven bamboo, 35 cm across.',
            ja: '直径35 cmの竹編みの丸いランプシェード。',
          },
          picture: 'bamboo-lampshade',
          category: 'basketry',
          unit: 'buah',
          price: 150_000,
          // A shade alone is a part of a lamp: HS 2022 9405.99 (parts, of other materials).
          hsCode: '9405.99',
          status: 'ready',
        },
      ],
    },
  },
  {
    areaCode: '33.75.02.1004',
    label: 'Kauman, Pekalongan Timur, Kota Pekalongan, Jawa Tengah',
    potentials: ['batik'],
    group: {
      key: 'batik',
      name: 'Kelompok Batik Tulis Kauman',
      kind: 'cooperative',
      foundedOn: '2005-11-20',
      members: [
        m('Siti Khotijah', 'female', 1962, 'chair', '2005-11-20'),
        m('Ahmad Rifai', 'male', 1975, 'treasurer', '2005-11-20'),
        m('Muhammad Fauzan', 'male', 1985, 'secretary', '2012-06-01'),
        m('Nur Laila', 'female', 1990, 'member', '2016-09-01'),
      ],
      products: [
        {
          name: {
            id: 'Batik Tulis Motif Jlamprang',
            en: 'Hand-drawn Batik, Jlamprang Motif',
            ja: 'ジュランプラン文様の手描きバティック',
          },
          description: {
            id: 'Kain katun 2,1 m, dibatik tulis dengan canting dan diwarnai dengan warna alam.',
            en: 'Cotton cloth, 2.1 m, drawn with a canting and coloured with natural dyes.',
            ja: '2.1 mの綿布に、チャンティンで描き天然染料で染めたバティック。',
          },
          story: {
            id: 'Jlamprang adalah motif geometris khas pesisir Pekalongan. Satu kain dikerjakan tiga sampai empat minggu: menggambar, menutup dengan malam, mencelup, dan melorod. Para pembatik kami menandatangani setiap kain.',
            en: 'Jlamprang is a geometric motif of the Pekalongan coast. One cloth takes three to four weeks: drawing, covering with wax, dyeing and boiling the wax off. Our batik makers sign every cloth.',
            ja: 'ジュランプランはプカロンガン沿岸の幾何学文様です。描く、蝋で覆う、染める、蝋を落とす——一枚に三、四週間かかります。職人が一枚ずつ署名します。',
          },
          picture: 'batik-jlamprang',
          category: 'batik',
          unit: 'lembar 2,1 m',
          price: 650_000,
          hsCode: '5208.52',
          capacityPerMonth: 40,
          status: 'ready',
        },
        {
          name: { id: 'Batik Cap Pesisiran', en: 'Stamped Coastal Batik', ja: '沿岸部の型押しバティック' },
          description: {
            id: 'Batik cap dengan motif bunga pesisiran yang cerah, kain katun 2 m.',
            en: 'Copper-stamped batik with bright coastal flower motifs, cotton, 2 m.',
            ja: '明るい沿岸部の花文様を銅型で押したバティック。綿、2 m。',
          },
          picture: 'batik-pesisiran',
          category: 'batik',
          unit: 'lembar 2 m',
          price: 175_000,
          hsCode: '5208.52',
          capacityPerMonth: 200,
          status: 'ready',
        },
      ],
    },
  },
];
