/**
 * The kinds of village product the synthetic catalog is made of, in Indonesian, English and
 * Japanese; {v} is replaced by the village's name, {r} by its regency's.
 */
export interface Kind {
  category: string;
  unit: string;
  price: [number, number];
  hs: string | null;
  name: [string, string, string];
  description: [string, string, string];
  story: [string, string, string];
}

export const KINDS: Kind[] = [
  {
    category: 'food',
    unit: '100 g',
    price: [10_000, 18_000],
    hs: null,
    name: ['Keripik salak {v}', 'Salak chips from {v}', '{v}のサラクチップス'],
    description: [
      'Keripik salak renyah tanpa pengawet, digoreng hampa dari buah salak pilihan.',
      'Crisp snake-fruit chips, vacuum-fried from selected salak with no preservatives.',
      '厳選したサラクを真空フライした、保存料不使用のチップスです。',
    ],
    story: [
      'Kelompok tani di {v}, {r}, mengolah salak yang tidak laku dijual segar. Kini keripiknya dijual ke toko oleh-oleh.',
      'Farmers in {v}, {r}, turn salak that does not sell fresh into chips, now sold in souvenir shops.',
      '{r}の{v}村の農家が、生で売れないサラクをチップスに加工しています。',
    ],
  },
  {
    category: 'food',
    unit: '250 g',
    price: [12_000, 25_000],
    hs: null,
    name: ['Keripik pisang {v}', 'Banana chips from {v}', '{v}のバナナチップス'],
    description: [
      'Keripik pisang kepok tipis dengan rasa manis, asin atau balado.',
      'Thin plantain chips, sweet, salted or with balado chilli.',
      '甘味、塩味、バラド唐辛子味の薄切りバナナチップス。',
    ],
    story: [
      'Ibu-ibu di {v} menanam pisang di pekarangan dan menggorengnya bersama. Resepnya turun-temurun.',
      'Women in {v} grow plantains in their yards and fry them together, from a family recipe.',
      '{v}村の女性たちが庭で育てたバナナを、代々伝わるレシピで揚げています。',
    ],
  },
  {
    category: 'food',
    unit: '200 g',
    price: [8_000, 15_000],
    hs: null,
    name: ['Keripik singkong pedas', 'Spicy cassava chips', 'ピリ辛キャッサバチップス'],
    description: [
      'Keripik singkong dengan bumbu cabai dan bawang, renyah dan gurih.',
      'Cassava chips with chilli and garlic, crunchy and savoury.',
      '唐辛子とにんにくで味付けした、香ばしいキャッサバチップス。',
    ],
    story: [
      'Singkong dari kebun warga {v}, {r}, diolah di rumah produksi kelompok.',
      'Cassava from the gardens of {v}, {r}, processed in the group’s own kitchen.',
      '{r}{v}村の畑のキャッサバを、グループの工房で加工しています。',
    ],
  },
  {
    category: 'food',
    unit: '150 g',
    price: [9_000, 16_000],
    hs: null,
    name: ['Keripik tempe {v}', 'Tempeh crisps from {v}', '{v}のテンペチップス'],
    description: [
      'Tempe kedelai diiris tipis dan digoreng dengan tepung berbumbu daun jeruk.',
      'Thinly sliced soybean tempeh fried in a batter with lime leaves.',
      '薄切りの大豆テンペを、こぶみかんの葉の衣で揚げました。',
    ],
    story: [
      'Pengrajin tempe di {v} membuat tempe sendiri setiap pagi sebelum diolah menjadi keripik.',
      'Tempeh makers in {v} ferment their own tempeh every morning before making crisps.',
      '{v}村の職人が毎朝テンペを発酵させ、チップスにしています。',
    ],
  },
  {
    category: 'food',
    unit: '100 g',
    price: [10_000, 20_000],
    hs: null,
    name: ['Keripik talas ungu', 'Purple taro chips', '紫タロイモチップス'],
    description: [
      'Keripik talas ungu alami, tanpa pewarna.',
      'Naturally purple taro chips, no colouring added.',
      '着色料を使わない、自然な紫色のタロイモチップス。',
    ],
    story: [
      'Talas tumbuh subur di tanah vulkanik {r}. Kelompok di {v} mengeringkannya dengan tenaga surya.',
      'Taro thrives in the volcanic soil of {r}; the group in {v} dries it with solar dryers.',
      '{r}の火山性土壌で育つタロイモを、{v}村のグループが太陽熱で乾燥させます。',
    ],
  },
  {
    category: 'food',
    unit: '250 ml',
    price: [60_000, 140_000],
    hs: '0409',
    name: ['Madu hutan {v}', 'Wild forest honey from {v}', '{v}の森のはちみつ'],
    description: [
      'Madu hutan mentah dari lebah Apis dorsata, dipanen secara lestari.',
      'Raw forest honey from Apis dorsata bees, harvested sustainably.',
      'オオミツバチ（Apis dorsata）の生はちみつ。持続可能な方法で採取。',
    ],
    story: [
      'Pemburu madu di {v}, {r}, memanen hanya sebagian sarang agar koloni tetap hidup.',
      'Honey hunters of {v}, {r}, take only part of each comb so that the colony survives.',
      '{r}{v}村のはちみつ採りは、群れが生き残るよう巣の一部だけを採ります。',
    ],
  },
  {
    category: 'beverages',
    unit: '200 g',
    price: [35_000, 90_000],
    hs: null,
    name: ['Kopi robusta {v}', 'Robusta coffee from {v}', '{v}のロブスタコーヒー'],
    description: [
      'Biji kopi robusta petik merah, disangrai sedang, bubuk atau biji utuh.',
      'Red-cherry robusta, medium roast, ground or whole bean.',
      '完熟豆だけを摘んだロブスタ。中煎り、粉または豆。',
    ],
    story: [
      'Petani kopi {v} menjemur biji di para-para bambu. Kelompok menyangrai sendiri sejak pelatihan di {r}.',
      'Coffee farmers of {v} dry beans on bamboo racks and have roasted their own since training in {r}.',
      '{v}村の農家は竹棚で豆を乾燥させ、{r}での研修以来自ら焙煎しています。',
    ],
  },
  {
    category: 'beverages',
    unit: '250 g',
    price: [20_000, 45_000],
    hs: null,
    name: ['Gula aren cair', 'Liquid palm sugar', 'ヤシ糖シロップ'],
    description: [
      'Nira aren dimasak perlahan menjadi gula cair beraroma karamel.',
      'Arenga palm sap slowly cooked into a caramel-scented syrup.',
      'サトウヤシの樹液をゆっくり煮詰めた、カラメルの香りのシロップ。',
    ],
    story: [
      'Penyadap nira di {v} memanjat pohon aren dua kali sehari.',
      'Sap tappers in {v} climb the palms twice a day.',
      '{v}村の採液者は一日二回ヤシの木に登ります。',
    ],
  },
  {
    category: 'food',
    unit: '250 g',
    price: [30_000, 60_000],
    hs: '1905.31',
    name: ['Kue kering nastar', 'Pineapple tart cookies', 'パイナップルタルトクッキー'],
    description: [
      'Kue kering mentega berisi selai nanas buatan sendiri.',
      'Butter cookies filled with home-made pineapple jam.',
      '自家製パイナップルジャム入りのバタークッキー。',
    ],
    story: [
      'Kelompok wanita di {v} memulai usaha dari pesanan Lebaran. Kini mereka memanggang sepanjang tahun.',
      'A women’s group in {v} began with orders for Lebaran and now bakes all year round.',
      '{v}村の女性グループはレバラン（断食明け）の注文から始め、今は一年中焼いています。',
    ],
  },
  {
    category: 'food',
    unit: '250 g',
    price: [25_000, 45_000],
    hs: null,
    name: ['Emping melinjo', 'Melinjo crackers', 'メリンジョせんべい'],
    description: [
      'Emping melinjo tipis ditumbuk tangan, siap digoreng.',
      'Thin hand-pounded melinjo nut crackers, ready to fry.',
      '手でたたいて伸ばした薄いメリンジョせんべい。揚げてお召し上がりください。',
    ],
    story: [
      'Setiap keping emping di {v} ditumbuk satu per satu di atas batu.',
      'Every cracker in {v} is pounded one by one on a flat stone.',
      '{v}村では一枚ずつ石の上でたたいて作ります。',
    ],
  },
  {
    category: 'food',
    unit: '150 ml',
    price: [18_000, 30_000],
    hs: null,
    name: ['Sambal bawang {v}', 'Shallot chilli sambal from {v}', '{v}のエシャロットサンバル'],
    description: [
      'Sambal bawang merah dan cabai rawit dalam minyak kelapa.',
      'Shallot and bird’s-eye chilli sambal in coconut oil.',
      'エシャロットと唐辛子をココナッツオイルで仕上げたサンバル。',
    ],
    story: [
      'Resep sambal ini berasal dari warung ibu ketua kelompok di {v}, {r}.',
      'The recipe comes from the food stall of the group’s chairwoman in {v}, {r}.',
      '{r}{v}村のグループ代表の屋台のレシピです。',
    ],
  },
  {
    category: 'food',
    unit: '100 g',
    price: [25_000, 40_000],
    hs: null,
    name: ['Abon ikan tongkol', 'Shredded tuna floss', 'マグロのでんぶ'],
    description: [
      'Abon ikan tongkol dengan rempah, tanpa MSG.',
      'Spiced shredded tuna floss, no MSG.',
      'スパイスで味付けしたマグロのでんぶ。化学調味料不使用。',
    ],
    story: [
      'Istri nelayan di {v} mengolah hasil tangkapan agar tidak terbuang saat panen raya.',
      'Fishers’ wives in {v} process the catch so nothing is wasted in the high season.',
      '{v}村の漁師の妻たちが、豊漁期の魚を無駄なく加工しています。',
    ],
  },
  {
    category: 'batik',
    unit: 'lembar 2 m',
    price: [250_000, 1_500_000],
    hs: null,
    name: ['Batik tulis motif {v}', 'Hand-drawn batik, {v} motif', '{v}柄の手描きバティック'],
    description: [
      'Kain batik tulis katun primisima dengan pewarna alam.',
      'Hand-drawn batik on fine cotton with natural dyes.',
      '上質な綿に天然染料で描いた手描きバティック。',
    ],
    story: [
      'Pembatik di {v} menggambar motif dari alam sekitar desa dengan canting. Satu kain selesai dalam tiga minggu.',
      'Batik makers in {v} draw motifs from the village’s surroundings with a canting; one cloth takes three weeks.',
      '{v}村の職人がチャンティンで村の自然を描きます。一枚に三週間かかります。',
    ],
  },
  {
    category: 'batik',
    unit: 'lembar 2 m',
    price: [120_000, 350_000],
    hs: null,
    name: ['Batik cap {r}', 'Stamped batik from {r}', '{r}の型押しバティック'],
    description: [
      'Batik cap dengan motif khas pesisir, warna cerah.',
      'Copper-stamped batik with bright coastal motifs.',
      '銅製スタンプで押した、明るい沿岸部の文様のバティック。',
    ],
    story: [
      'Cap tembaga kelompok ini dibuat oleh pengrajin tua di {r}.',
      'The group’s copper stamps were made by an old craftsman in {r}.',
      'グループの銅スタンプは{r}の老職人が作ったものです。',
    ],
  },
  {
    category: 'woven_cloth',
    unit: 'lembar',
    price: [400_000, 3_000_000],
    hs: null,
    name: ['Tenun ikat {v}', 'Ikat weaving from {v}', '{v}のイカット織'],
    description: [
      'Kain tenun ikat ditenun dengan alat tenun gedogan dari benang yang diikat dan dicelup.',
      'Ikat cloth woven on a backstrap loom from tied and dyed yarn.',
      '括って染めた糸を腰機で織ったイカット。',
    ],
    story: [
      'Penenun di {v} belajar dari nenek mereka. Motifnya menceritakan asal-usul kampung.',
      'Weavers in {v} learned from their grandmothers; the motifs tell the village’s origin.',
      '{v}村の織り手は祖母から学びました。文様は村の起源を語ります。',
    ],
  },
  {
    category: 'woven_cloth',
    unit: 'lembar',
    price: [600_000, 4_000_000],
    hs: null,
    name: ['Songket benang emas', 'Gold-thread songket', '金糸のソンケット'],
    description: [
      'Songket dengan benang emas untuk upacara adat.',
      'Songket brocade with gold thread for ceremonies.',
      '儀式用の金糸入りソンケット。',
    ],
    story: [
      'Songket dari {v}, {r}, dipakai dalam pernikahan adat dan kini dipesan dari kota.',
      'Songket from {v}, {r}, is worn at traditional weddings and now ordered from the cities.',
      '{r}{v}村のソンケットは伝統的な婚礼で着られ、今は都市からも注文があります。',
    ],
  },
  {
    category: 'basketry',
    unit: 'buah',
    price: [45_000, 250_000],
    hs: '4602',
    name: ['Keranjang anyaman bambu', 'Woven bamboo basket', '竹編みのかご'],
    description: [
      'Keranjang anyaman bambu tali dengan pegangan rotan.',
      'Basket woven from split bamboo with a rattan handle.',
      '割竹で編み、籐の持ち手を付けたかご。',
    ],
    story: [
      'Hampir setiap rumah di {v} menganyam bambu sepulang dari sawah.',
      'Almost every household in {v} weaves bamboo after work in the rice fields.',
      '{v}村ではほとんどの家が、田仕事の後に竹を編みます。',
    ],
  },
  {
    category: 'basketry',
    unit: 'buah',
    price: [150_000, 600_000],
    hs: '4602',
    name: ['Tas ketak {v}', 'Ketak fern bag from {v}', '{v}のクタッ（シダ）バッグ'],
    description: [
      'Tas anyaman ketak yang diasap hingga cokelat mengilap.',
      'Bag woven from ketak fern, smoked to a glossy brown.',
      'シダのつるで編み、燻して艶のある茶色に仕上げたバッグ。',
    ],
    story: [
      'Ketak diambil dari hutan sekitar {v} dan dianyam rapat hingga bisa menampung air.',
      'Ketak vines are gathered in the forests around {v} and woven so tight they hold water.',
      '{v}村周辺の森で採ったつるを、水が漏れないほど密に編みます。',
    ],
  },
  {
    category: 'pottery',
    unit: 'buah',
    price: [35_000, 300_000],
    hs: null,
    name: ['Gerabah tanah liat {v}', 'Earthenware from {v}', '{v}の素焼きの器'],
    description: [
      'Kendi dan periuk gerabah dibakar dengan jerami.',
      'Water jugs and pots of earthenware, fired with rice straw.',
      '稲わらで焼いた水差しと鍋。',
    ],
    story: [
      'Perempuan pengrajin gerabah di {v}, {r}, membentuk tanah liat tanpa roda putar.',
      'Women potters in {v}, {r}, shape the clay without a wheel.',
      '{r}{v}村の女性陶工は、ろくろを使わずに成形します。',
    ],
  },
  {
    category: 'food',
    unit: '250 ml',
    price: [35_000, 70_000],
    hs: null,
    name: ['Minyak kelapa murni', 'Virgin coconut oil', 'バージンココナッツオイル'],
    description: [
      'VCO diproses dingin tanpa pemanasan.',
      'Cold-processed virgin coconut oil, never heated.',
      '加熱せずに低温で作ったバージンココナッツオイル。',
    ],
    story: [
      'Kelapa dari kebun {v} diparut dan difermentasi semalam.',
      'Coconuts from the groves of {v} are grated and fermented overnight.',
      '{v}村の椰子を削り、一晩発酵させます。',
    ],
  },
];
