/**
 * Categories of workplaces and venues: how common each is, how many people it holds, and how
 * its Chinese name is formed.
 */
import { brandWords } from './names.js';
import { cumulativeWeights } from './random.js';
import type { Rng } from './random.js';

/** A venue category (a place with a place code that people visit). */
export interface VenueCategory {
  readonly category: string;
  /** Relative frequency. */
  readonly weight: number;
  /** Name suffix, e.g. 餐厅. */
  readonly suffix: string;
  /** People present at once, min and max. */
  readonly capacity: readonly [number, number];
  /** Chains get a branch name: 永辉超市（幸福社区店）. */
  readonly chain: boolean;
}

/** Venue categories, by how common they are in a Chinese city. */
export const venueCategories: readonly VenueCategory[] = [
  { category: 'restaurant', weight: 26, suffix: '餐厅', capacity: [20, 120], chain: false },
  { category: 'convenience_store', weight: 12, suffix: '便利店', capacity: [5, 20], chain: true },
  { category: 'supermarket', weight: 7, suffix: '超市', capacity: [50, 400], chain: true },
  { category: 'market', weight: 4, suffix: '农贸市场', capacity: [100, 600], chain: false },
  { category: 'pharmacy', weight: 7, suffix: '大药房', capacity: [5, 20], chain: true },
  { category: 'clinic', weight: 5, suffix: '诊所', capacity: [5, 30], chain: false },
  { category: 'hospital', weight: 1.5, suffix: '医院', capacity: [200, 2000], chain: false },
  { category: 'gym', weight: 4, suffix: '健身房', capacity: [20, 150], chain: true },
  { category: 'cinema', weight: 2, suffix: '影城', capacity: [100, 800], chain: true },
  { category: 'transit_station', weight: 4, suffix: '地铁站', capacity: [200, 3000], chain: false },
  { category: 'bus_station', weight: 2, suffix: '客运站', capacity: [100, 1500], chain: false },
  { category: 'hair_salon', weight: 6, suffix: '美发', capacity: [5, 25], chain: false },
  { category: 'internet_cafe', weight: 2.5, suffix: '网咖', capacity: [30, 200], chain: false },
  { category: 'ktv', weight: 2, suffix: 'KTV', capacity: [30, 300], chain: true },
  { category: 'tea_house', weight: 3, suffix: '茶楼', capacity: [30, 200], chain: false },
  { category: 'hotel', weight: 3, suffix: '酒店', capacity: [50, 500], chain: true },
  { category: 'bank', weight: 3, suffix: '银行', capacity: [10, 60], chain: true },
  { category: 'mall', weight: 1.5, suffix: '购物中心', capacity: [500, 5000], chain: false },
  { category: 'bath_house', weight: 1.5, suffix: '洗浴中心', capacity: [30, 300], chain: false },
  { category: 'kindergarten', weight: 3, suffix: '幼儿园', capacity: [60, 300], chain: false },
];

/** Cumulative weights of {@link venueCategories}. */
export const venueCumulative = cumulativeWeights(venueCategories.map((v) => v.weight));

/**
 * Names a venue.
 * @param rng - random stream
 * @param venue - its category
 * @param communityZh - name of the community it stands in
 * @param townZh - name of the town (subdistrict) it stands in
 * @returns a name such as 永辉超市（幸福社区店） or 和平地铁站
 */
export function venueName(rng: Rng, venue: VenueCategory, communityZh: string, townZh: string): string {
  if (venue.category === 'transit_station' || venue.category === 'bus_station') {
    return `${townZh.replace(/街道$/, '')}${rng.pick(['', '东', '西', '南', '北'])}${venue.suffix}`;
  }
  const brand = rng.pick(brandWords);
  return venue.chain ? `${brand}${venue.suffix}（${communityZh}店）` : `${brand}${venue.suffix}`;
}

/** An industry of workplaces. */
export interface Industry {
  readonly category: string;
  readonly weight: number;
  readonly suffixes: readonly string[];
}

/** Industries of the city's employers. */
export const industries: readonly Industry[] = [
  { category: 'manufacturing', weight: 22, suffixes: ['电子厂', '机械制造有限公司', '食品厂', '服装厂'] },
  { category: 'office', weight: 18, suffixes: ['科技有限公司', '信息技术有限公司', '咨询有限公司'] },
  { category: 'retail', weight: 15, suffixes: ['商贸有限公司', '百货商店'] },
  { category: 'logistics', weight: 9, suffixes: ['物流有限公司', '快递网点'] },
  { category: 'construction', weight: 9, suffixes: ['建筑工程有限公司', '装饰工程有限公司'] },
  { category: 'hospitality', weight: 9, suffixes: ['餐饮管理有限公司', '酒店管理有限公司'] },
  { category: 'healthcare', weight: 6, suffixes: ['医疗器械有限公司', '健康管理中心'] },
  { category: 'education', weight: 4, suffixes: ['教育培训中心', '文化传播有限公司'] },
  { category: 'finance', weight: 4, suffixes: ['投资有限公司', '保险代理有限公司'] },
  { category: 'government', weight: 4, suffixes: ['办事处', '政务服务中心', '社区卫生服务中心'] },
];

/** Cumulative weights of {@link industries}. */
export const industryCumulative = cumulativeWeights(industries.map((i) => i.weight));

/**
 * Names a workplace.
 * @param rng - random stream
 * @param industry - its industry
 * @param townZh - name of its town (subdistrict), used as a prefix for public bodies
 * @returns a name such as 华星科技有限公司
 */
export function workplaceName(rng: Rng, industry: Industry, townZh: string): string {
  const suffix = rng.pick(industry.suffixes);
  return industry.category === 'government' ? `${townZh}${suffix}` : `${rng.pick(brandWords)}${suffix}`;
}
