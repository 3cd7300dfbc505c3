/**
 * A judged set for catalog search: a fixed corpus of 200 products (20 kinds of village product in
 * 10 villages, texts in Indonesian, English and Japanese) and queries in id, en and ja, each with
 * the products a person would want first. Relevance is judged by kind (and village, when the query
 * names one), never by what the search happens to return.
 */

export interface Village {
  name: string;
  regency: string;
}

export const VILLAGES: Village[] = [
  { name: 'Sibetan', regency: 'Karangasem' },
  { name: 'Tenganan', regency: 'Karangasem' },
  { name: 'Loyok', regency: 'Lombok Timur' },
  { name: 'Pringgasela', regency: 'Lombok Timur' },
  { name: 'Kasongan', regency: 'Bantul' },
  { name: 'Trusmi', regency: 'Cirebon' },
  { name: 'Sukarara', regency: 'Lombok Tengah' },
  { name: 'Candirejo', regency: 'Magelang' },
  { name: 'Penglipuran', regency: 'Bangli' },
  { name: 'Pejaten', regency: 'Tabanan' },
];

/** A kind: its key, and name, description, story in id, en, ja; {v} the village, {r} its regency. */
interface CorpusKind {
  key: string;
  name: [string, string, string];
  description: [string, string, string];
  story: [string, string, string];
}

const STORY: [string, string, string] = [
  'Dibuat oleh kelompok di desa {v}, {r}.',
  'Made by a group in the village of {v}, {r}.',
  '{r}の{v}村のグループが作っています。',
];

export const KINDS: CorpusKind[] = [
  {
    key: 'salak_chips',
    name: ['Keripik salak {v}', 'Salak chips from {v}', '{v}のサラクチップス'],
    description: [
      'Keripik salak renyah tanpa pengawet, digoreng hampa.',
      'Crisp snake-fruit chips, vacuum-fried, no preservatives.',
      '真空フライしたサラクのチップス。',
    ],
    story: STORY,
  },
  {
    key: 'banana_chips',
    name: ['Keripik pisang {v}', 'Banana chips from {v}', '{v}のバナナチップス'],
    description: [
      'Keripik pisang kepok tipis, manis atau asin.',
      'Thin plantain chips, sweet or salted.',
      '薄切りのバナナチップス。',
    ],
    story: STORY,
  },
  {
    key: 'cassava_chips',
    name: ['Keripik singkong pedas', 'Spicy cassava chips', 'ピリ辛キャッサバチップス'],
    description: [
      'Keripik singkong dengan bumbu cabai.',
      'Cassava chips with chilli.',
      '唐辛子味のキャッサバチップス。',
    ],
    story: STORY,
  },
  {
    key: 'tempeh_chips',
    name: ['Keripik tempe {v}', 'Tempeh crisps from {v}', '{v}のテンペチップス'],
    description: [
      'Tempe kedelai diiris tipis dan digoreng.',
      'Thin-sliced soybean tempeh, fried.',
      '薄切りにして揚げた大豆のテンペ。',
    ],
    story: STORY,
  },
  {
    key: 'taro_chips',
    name: ['Keripik talas ungu', 'Purple taro chips', '紫タロイモチップス'],
    description: [
      'Talas ungu diiris dan digoreng renyah.',
      'Purple taro, sliced and fried crisp.',
      'カリッと揚げた紫タロイモ。',
    ],
    story: STORY,
  },
  {
    key: 'honey',
    name: ['Madu hutan {v}', 'Wild forest honey from {v}', '{v}の森のはちみつ'],
    description: [
      'Madu murni dari lebah hutan.',
      'Raw honey from wild forest bees.',
      '森の野生の蜂からとれた生はちみつ。',
    ],
    story: STORY,
  },
  {
    key: 'coffee',
    name: ['Kopi robusta {v}', 'Robusta coffee from {v}', '{v}のロブスタコーヒー'],
    description: [
      'Biji kopi robusta sangrai sedang.',
      'Medium-roast robusta coffee beans.',
      '中煎りのロブスタコーヒー豆。',
    ],
    story: STORY,
  },
  {
    key: 'palm_sugar',
    name: ['Gula aren cair', 'Liquid palm sugar', 'ヤシ糖シロップ'],
    description: [
      'Nira aren dimasak menjadi sirup.',
      'Sugar-palm sap cooked into syrup.',
      'サトウヤシの樹液を煮詰めたシロップ。',
    ],
    story: STORY,
  },
  {
    key: 'nastar',
    name: ['Kue kering nastar', 'Pineapple tart cookies', 'パイナップルタルトクッキー'],
    description: [
      'Kue mentega berisi selai nanas.',
      'Butter cookies filled with pineapple jam.',
      'パイナップルジャム入りのバタークッキー。',
    ],
    story: STORY,
  },
  {
    key: 'emping',
    name: ['Emping melinjo', 'Melinjo crackers', 'メリンジョせんべい'],
    description: [
      'Biji melinjo dipipihkan dan dijemur.',
      'Melinjo nuts pressed flat and sun-dried.',
      'メリンジョの実を平たくして干したせんべい。',
    ],
    story: STORY,
  },
  {
    key: 'sambal',
    name: ['Sambal bawang {v}', 'Shallot chilli sambal from {v}', '{v}のエシャロットサンバル'],
    description: [
      'Sambal cabai rawit dan bawang merah.',
      'Bird’s-eye chilli and shallot relish.',
      '唐辛子とエシャロットの辛いソース。',
    ],
    story: STORY,
  },
  {
    key: 'floss',
    name: ['Abon ikan tongkol', 'Shredded tuna floss', 'マグロのでんぶ'],
    description: ['Ikan tongkol disuwir dan disangrai.', 'Tuna shredded and dry-roasted.', 'ほぐして炒ったマグロ。'],
    story: STORY,
  },
  {
    key: 'batik_tulis',
    name: ['Batik tulis motif {v}', 'Hand-drawn batik, {v} motif', '{v}柄の手描きバティック'],
    description: [
      'Kain katun dibatik dengan canting.',
      'Cotton drawn with wax by canting.',
      'チャンティンで蝋描きした綿布。',
    ],
    story: STORY,
  },
  {
    key: 'batik_cap',
    name: ['Batik cap {r}', 'Stamped batik from {r}', '{r}の型押しバティック'],
    description: ['Batik dengan cap tembaga.', 'Batik printed with a copper stamp.', '銅の型で押したバティック。'],
    story: STORY,
  },
  {
    key: 'ikat',
    name: ['Tenun ikat {v}', 'Ikat weaving from {v}', '{v}のイカット織'],
    description: [
      'Kain tenun ikat dari benang yang diikat dan dicelup.',
      'Woven cloth of tied and dyed yarn.',
      '括って染めた糸で織った布。',
    ],
    story: STORY,
  },
  {
    key: 'songket',
    name: ['Songket benang emas', 'Gold-thread songket', '金糸のソンケット'],
    description: ['Kain tenun dengan benang emas.', 'Cloth woven with gold thread.', '金糸を織り込んだ布。'],
    story: STORY,
  },
  {
    key: 'basket',
    name: ['Keranjang anyaman bambu', 'Woven bamboo basket', '竹編みのかご'],
    description: ['Keranjang dari bilah bambu.', 'A basket of split bamboo.', '割り竹で編んだかご。'],
    story: STORY,
  },
  {
    key: 'ketak_bag',
    name: ['Tas ketak {v}', 'Ketak fern bag from {v}', '{v}のクタッ（シダ）バッグ'],
    description: [
      'Tas anyaman ketak yang diasap.',
      'A bag woven from smoked ketak fern.',
      '燻したシダで編んだバッグ。',
    ],
    story: STORY,
  },
  {
    key: 'earthenware',
    name: ['Gerabah tanah liat {v}', 'Earthenware from {v}', '{v}の素焼きの器'],
    description: ['Gerabah dibentuk tangan dan dibakar.', 'Hand-shaped and fired clay.', '手で成形して焼いた土器。'],
    story: STORY,
  },
  {
    key: 'coconut_oil',
    name: ['Minyak kelapa murni', 'Virgin coconut oil', 'バージンココナッツオイル'],
    description: ['Minyak kelapa diperas dingin.', 'Cold-pressed coconut oil.', 'コールドプレスのココナッツオイル。'],
    story: STORY,
  },
];

export interface CorpusProduct {
  kind: string;
  village: string;
  regency: string;
  name: Record<'id' | 'en' | 'ja', string>;
  description: Record<'id' | 'en' | 'ja', string>;
  story: Record<'id' | 'en' | 'ja', string>;
}

const fill = (text: string, v: Village) => text.replaceAll('{v}', v.name).replaceAll('{r}', v.regency);
const texts = (t: [string, string, string], v: Village) => ({
  id: fill(t[0], v),
  en: fill(t[1], v),
  ja: fill(t[2], v),
});

/** Every kind in every village: 200 products, in an order that mixes kinds (as ids would). */
export function corpus(): CorpusProduct[] {
  return VILLAGES.flatMap((v) =>
    KINDS.map((k) => ({
      kind: k.key,
      village: v.name,
      regency: v.regency,
      name: texts(k.name, v),
      description: texts(k.description, v),
      story: texts(k.story, v),
    })),
  );
}

export interface JudgedQuery {
  q: string;
  locale: 'id' | 'en' | 'ja';
  /** The class the query belongs to, for the figures by class. */
  class: 'id' | 'regional' | 'misspelt' | 'en' | 'ja' | 'keyboard' | 'place';
  kinds: string[];
  /** When the query names a place: only that village's (or regency's) products are relevant. */
  place?: string;
}

const q = (
  query: string,
  locale: JudgedQuery['locale'],
  cls: JudgedQuery['class'],
  kinds: string[],
  place?: string,
): JudgedQuery => ({ q: query, locale, class: cls, kinds, ...(place ? { place } : {}) });

const ALL = KINDS.map((k) => k.key);

export const QUERIES: JudgedQuery[] = [
  q('keripik salak', 'id', 'id', ['salak_chips']),
  q('keripik pisang', 'id', 'id', ['banana_chips']),
  q('keripik singkong', 'id', 'id', ['cassava_chips']),
  q('keripik tempe', 'id', 'id', ['tempeh_chips']),
  q('talas ungu', 'id', 'id', ['taro_chips']),
  q('madu hutan', 'id', 'id', ['honey']),
  q('madu', 'id', 'id', ['honey']),
  q('kopi robusta', 'id', 'id', ['coffee']),
  q('kopi', 'id', 'id', ['coffee']),
  q('gula aren', 'id', 'id', ['palm_sugar']),
  q('nastar', 'id', 'id', ['nastar']),
  q('emping melinjo', 'id', 'id', ['emping']),
  q('sambal', 'id', 'id', ['sambal']),
  q('abon ikan', 'id', 'id', ['floss']),
  q('batik tulis', 'id', 'id', ['batik_tulis']),
  q('batik', 'id', 'id', ['batik_tulis', 'batik_cap']),
  q('batik cap', 'id', 'id', ['batik_cap']),
  q('tenun ikat', 'id', 'id', ['ikat']),
  q('songket', 'id', 'id', ['songket']),
  q('keranjang bambu', 'id', 'id', ['basket']),
  q('tas ketak', 'id', 'id', ['ketak_bag']),
  q('gerabah', 'id', 'id', ['earthenware']),
  q('minyak kelapa', 'id', 'id', ['coconut_oil']),
  q('kain batik', 'id', 'id', ['batik_tulis', 'batik_cap']),
  q('sambal pedas', 'id', 'id', ['sambal']),
  q('kripik salak', 'id', 'regional', ['salak_chips']),
  q('kripik pisang', 'id', 'regional', ['banana_chips']),
  q('kripik tempe', 'id', 'regional', ['tempeh_chips']),
  q('sambel', 'id', 'regional', ['sambal']),
  q('sambel bawang', 'id', 'regional', ['sambal']),
  q('madu hutn', 'id', 'misspelt', ['honey']),
  q('kopi robsta', 'id', 'misspelt', ['coffee']),
  q('gerabh', 'id', 'misspelt', ['earthenware']),
  q('tenun ikatt', 'id', 'misspelt', ['ikat']),
  q('songkett', 'id', 'misspelt', ['songket']),
  q('salak chps', 'en', 'misspelt', ['salak_chips']),
  q('salak chips', 'en', 'en', ['salak_chips']),
  q('banana chips', 'en', 'en', ['banana_chips']),
  q('honey', 'en', 'en', ['honey']),
  q('forest honey', 'en', 'en', ['honey']),
  q('robusta coffee', 'en', 'en', ['coffee']),
  q('coffee', 'en', 'en', ['coffee']),
  q('palm sugar', 'en', 'en', ['palm_sugar']),
  q('batik', 'en', 'en', ['batik_tulis', 'batik_cap']),
  q('ikat', 'en', 'en', ['ikat']),
  q('bamboo basket', 'en', 'en', ['basket']),
  q('coconut oil', 'en', 'en', ['coconut_oil']),
  q('tuna floss', 'en', 'en', ['floss']),
  q('earthenware', 'en', 'en', ['earthenware']),
  q('snake fruit chips', 'en', 'en', ['salak_chips']),
  q('plantain chips', 'en', 'en', ['banana_chips']),
  q('spicy sambal', 'en', 'en', ['sambal']),
  q('chilli sauce', 'en', 'en', ['sambal']),
  q('サラク', 'ja', 'ja', ['salak_chips']),
  q('サラクチップス', 'ja', 'ja', ['salak_chips']),
  q('はちみつ', 'ja', 'ja', ['honey']),
  q('蜂蜜', 'ja', 'ja', ['honey']),
  q('コーヒー', 'ja', 'ja', ['coffee']),
  q('バティック', 'ja', 'ja', ['batik_tulis', 'batik_cap']),
  q('イカット', 'ja', 'ja', ['ikat']),
  q('ソンケット', 'ja', 'ja', ['songket']),
  q('バナナチップス', 'ja', 'ja', ['banana_chips']),
  q('ココナッツオイル', 'ja', 'ja', ['coconut_oil']),
  q('サンバル', 'ja', 'ja', ['sambal']),
  q('かご', 'ja', 'ja', ['basket']),
  q('テンペ', 'ja', 'ja', ['tempeh_chips']),
  // As a Japanese keyboard types them: Latin letters full-width in its Japanese mode, katakana half-width on some phones.
  q('ＨＯＮＥＹ', 'ja', 'keyboard', ['honey']),
  q('ｃｏｆｆｅｅ', 'ja', 'keyboard', ['coffee']),
  q('Ｂａｔｉｋ', 'ja', 'keyboard', ['batik_tulis', 'batik_cap']),
  q('ﾊﾁﾐﾂ', 'ja', 'keyboard', ['honey']),
  q('ｻﾗｸ', 'ja', 'keyboard', ['salak_chips']),
  q('ｺｰﾋｰ', 'ja', 'keyboard', ['coffee']),
  q('sibetan', 'id', 'place', ALL, 'Sibetan'),
  q('kasongan', 'id', 'place', ALL, 'Kasongan'),
  q('keripik salak sibetan', 'id', 'place', ['salak_chips'], 'Sibetan'),
  q('madu loyok', 'id', 'place', ['honey'], 'Loyok'),
  q('karangasem', 'id', 'place', ALL, 'Karangasem'),
  q('batik trusmi', 'id', 'place', ['batik_tulis', 'batik_cap'], 'Trusmi'),
  q('honey from loyok', 'en', 'place', ['honey'], 'Loyok'),
];

export const isRelevant = (query: JudgedQuery, p: CorpusProduct) =>
  query.kinds.includes(p.kind) && (query.place === undefined || p.village === query.place || p.regency === query.place);

/** NDCG@k with binary gains: the found order against the best order of the relevant products. */
export function ndcg(found: boolean[], relevantCount: number, k = 10): number {
  const dcg = found.slice(0, k).reduce((sum, rel, i) => sum + (rel ? 1 / Math.log2(i + 2) : 0), 0);
  let ideal = 0;
  for (let i = 0; i < Math.min(k, relevantCount); i++) ideal += 1 / Math.log2(i + 2);
  return ideal === 0 ? 0 : dcg / ideal;
}

/** Whether a relevant product is among the first three found. */
export const firstInTop3 = (found: boolean[]) => found.slice(0, 3).some(Boolean);
