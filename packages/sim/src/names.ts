/**
 * Word lists for the synthetic city: Chinese family and given names, and the names of districts,
 * subdistricts, communities and businesses (Chinese with an English rendering where shown).
 */
import { cumulativeWeights } from './random.js';
import type { Rng } from './random.js';

/** A Chinese name and its English rendering. */
export type NamePair = readonly [zh: string, en: string];

/** Family names with their approximate share (per mille) of the population. */
const FAMILY_NAMES: ReadonlyArray<readonly [string, number]> = [
  ['王', 71], ['李', 70], ['张', 67], ['刘', 54], ['陈', 45], ['杨', 31], ['黄', 24], ['赵', 23], ['吴', 20],
  ['周', 19], ['徐', 15], ['孙', 15], ['马', 13], ['朱', 13], ['胡', 12], ['郭', 12], ['何', 12], ['高', 11],
  ['林', 11], ['罗', 10], ['郑', 10], ['梁', 9], ['谢', 8], ['宋', 7], ['唐', 7], ['许', 7], ['韩', 7],
  ['冯', 6], ['邓', 6], ['曹', 6], ['彭', 6], ['曾', 6], ['肖', 6], ['田', 5], ['董', 5], ['袁', 5],
  ['潘', 5], ['于', 5], ['蒋', 5], ['蔡', 5], ['余', 5], ['杜', 4], ['叶', 4], ['程', 4], ['苏', 4],
  ['魏', 4], ['吕', 4], ['丁', 4], ['任', 4], ['沈', 4], ['姚', 4], ['卢', 4], ['姜', 3], ['崔', 3],
  ['钟', 3], ['谭', 3], ['陆', 3], ['汪', 3], ['范', 3], ['金', 3], ['石', 3], ['廖', 3], ['贾', 3],
  ['夏', 3], ['韦', 3], ['付', 3], ['方', 3], ['白', 3], ['邹', 3], ['孟', 3], ['熊', 3], ['秦', 3],
  ['邱', 3], ['江', 3], ['尹', 3], ['薛', 2], ['闫', 2], ['段', 2], ['雷', 2], ['侯', 2], ['龙', 2],
  ['史', 2], ['陶', 2], ['黎', 2], ['贺', 2], ['顾', 2], ['毛', 2], ['郝', 2], ['龚', 2], ['邵', 2],
  ['万', 2], ['钱', 2], ['严', 2], ['覃', 2], ['武', 2], ['戴', 2], ['莫', 2], ['孔', 2], ['欧阳', 1],
  ['司马', 0.3], ['上官', 0.3], ['诸葛', 0.2],
];
const FAMILY_CUMULATIVE = cumulativeWeights(FAMILY_NAMES.map(([, weight]) => weight));

const MALE_CHARS = [...'伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宇浩凯健俊帆帅旭宁龙林洋坤振建国东志海峰亮成博轩泽晨睿航宏天毅鸿昊'];
const FEMALE_CHARS = [...'芳娜敏静丽艳娟霞秀玲英燕萍红婷雪琳晶慧颖倩洁琴云莉兰凤梅欣悦怡涵诗雨萱彤梦妍蕾月瑶璐琪薇'];
const SHARED_CHARS = [...'子文安嘉晓思佳春秋一心乐新雅家'];

/**
 * Draws a family name, weighted by how common it is.
 * @param rng - random stream
 * @returns a family name such as 王 or 欧阳
 */
export function familyName(rng: Rng): string {
  return FAMILY_NAMES[rng.weighted(FAMILY_CUMULATIVE)]![0];
}

function givenChar(rng: Rng, female: boolean): string {
  if (rng.chance(0.2)) return rng.pick(SHARED_CHARS);
  return rng.pick(female ? FEMALE_CHARS : MALE_CHARS);
}

/**
 * Draws a given name of one or two characters.
 * @param rng - random stream
 * @param female - true for a female name
 * @returns a given name such as 晓燕
 */
export function givenName(rng: Rng, female: boolean): string {
  const first = givenChar(rng, female);
  return rng.chance(0.7) ? first + givenChar(rng, female) : first;
}

/** County-level districts. */
export const countyNames: readonly NamePair[] = [
  ['东城区', 'Dongcheng District'], ['西城区', 'Xicheng District'], ['南湖区', 'Nanhu District'],
  ['北山区', 'Beishan District'], ['中山区', 'Zhongshan District'], ['滨江区', 'Binjiang District'],
  ['高新区', 'Gaoxin District'], ['新城区', 'Xincheng District'], ['河东区', 'Hedong District'],
  ['河西区', 'Hexi District'], ['临江区', 'Linjiang District'], ['青山区', 'Qingshan District'],
];

/** Subdistricts (街道), without the suffix. */
export const townNames: readonly NamePair[] = [
  ['和平', 'Heping'], ['人民', 'Renmin'], ['解放', 'Jiefang'], ['建设', 'Jianshe'], ['光明', 'Guangming'],
  ['胜利', 'Shengli'], ['新华', 'Xinhua'], ['中华', 'Zhonghua'], ['长安', "Chang'an"], ['永安', "Yong'an"],
  ['太平', 'Taiping'], ['朝阳', 'Chaoyang'], ['东风', 'Dongfeng'], ['红旗', 'Hongqi'], ['前进', 'Qianjin'],
  ['民主', 'Minzhu'], ['团结', 'Tuanjie'], ['友谊', 'Youyi'], ['文化', 'Wenhua'], ['复兴', 'Fuxing'],
  ['振兴', 'Zhenxing'], ['兴隆', 'Xinglong'], ['金山', 'Jinshan'], ['银河', 'Yinhe'], ['龙华', 'Longhua'],
  ['凤凰', 'Fenghuang'], ['桃园', 'Taoyuan'], ['梅林', 'Meilin'], ['松柏', 'Songbai'], ['枫林', 'Fenglin'],
];

/** Residential communities (社区), without the suffix. */
export const communityNames: readonly NamePair[] = [
  ['幸福', 'Xingfu'], ['阳光', 'Yangguang'], ['花园', 'Huayuan'], ['锦绣', 'Jinxiu'], ['翠苑', 'Cuiyuan'],
  ['碧水', 'Bishui'], ['金桂', 'Jingui'], ['春晖', 'Chunhui'], ['丽景', 'Lijing'], ['康乐', 'Kangle'],
  ['安居', 'Anju'], ['福田', 'Futian'], ['新村', 'Xincun'], ['东湖', 'Donghu'], ['西湖', 'Xihu'],
  ['南苑', 'Nanyuan'], ['北苑', 'Beiyuan'], ['翠竹', 'Cuizhu'], ['绿洲', 'Lvzhou'], ['馨园', 'Xinyuan'],
];

/**
 * The n-th name of a list, numbered when the list runs out (和平, …, 枫林, 和平2, …).
 * @param list - names
 * @param index - 0-based position
 * @returns the name pair
 */
export function nthName(list: readonly NamePair[], index: number): NamePair {
  const [zh, en] = list[index % list.length]!;
  const round = Math.floor(index / list.length);
  return round === 0 ? [zh, en] : [`${zh}${round + 1}`, `${en} ${round + 1}`];
}

/** Words used as shop and company names. */
export const brandWords: readonly string[] = [
  '福满楼', '金龙', '好又多', '华润', '永辉', '大家乐', '百姓', '鸿运', '新世纪', '万家', '喜乐', '康泰',
  '仁和', '同仁', '博爱', '星光', '海天', '东方', '金马', '悦来', '聚福', '老街', '湘村', '川香', '粤海',
  '嘉禾', '佳美', '天天', '华星', '宏达', '恒通', '长城', '正大', '润丰', '德盛', '瑞祥', '兴旺', '明珠',
];
