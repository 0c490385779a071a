/**
 * The stations and airports of the timetable as a station catalogue: the city's own three lie in
 * towns of its region tree; the other cities' lie in their real administrative regions (GB/T 2260
 * codes), which is how another city's published risk areas reach the trips.
 */
import type { CityRegion, CityStation } from '../model.js';
import { destinationStations, homeStations, type TransportMode } from './timetable.js';

type Elsewhere = readonly [nameZh: string, nameEn: string, regionCode: string, regionName: string, lat: number, lng: number];

/** The other ends of the routes, by code. */
const ELSEWHERE: Readonly<Record<string, Elsewhere>> = {
  IZQ: ['广州南站', 'Guangzhou South', '440113', '广州市番禺区', 22.989, 113.269],
  IOQ: ['深圳北站', 'Shenzhen North', '440309', '深圳市龙华区', 22.609, 114.029],
  CWQ: ['长沙南站', 'Changsha South', '430111', '长沙市雨花区', 28.147, 113.065],
  WHN: ['武汉站', 'Wuhan', '420111', '武汉市洪山区', 30.607, 114.424],
  ZQK: ['肇庆汽车客运站', 'Zhaoqing Coach Station', '441202', '肇庆市端州区', 23.07, 112.47],
  FSK: ['佛山汽车站', 'Foshan Coach Station', '440604', '佛山市禅城区', 23.03, 113.11],
  DGK: ['东莞汽车总站', 'Dongguan Coach Terminal', '441900', '东莞市', 23.02, 113.75],
  HZK: ['惠州汽车总站', 'Huizhou Coach Terminal', '441302', '惠州市惠城区', 23.11, 114.41],
  PEK: ['北京首都国际机场', 'Beijing Capital Airport', '110113', '北京市顺义区', 40.08, 116.585],
  SHA: ['上海虹桥国际机场', 'Shanghai Hongqiao Airport', '310105', '上海市长宁区', 31.198, 121.336],
  CTU: ['成都双流国际机场', 'Chengdu Shuangliu Airport', '510116', '成都市双流区', 30.578, 103.947],
  XIY: ['西安咸阳国际机场', "Xi'an Xianyang Airport", '610404', '咸阳市渭城区', 34.447, 108.752],
};

const HOME_NAMES: Readonly<Record<TransportMode, readonly [string, string]>> = {
  train: ['示范南站', 'Demo South Station'],
  coach: ['示范汽车客运站', 'Demo Coach Station'],
  plane: ['示范机场', 'Demo Airport'],
};

/**
 * The catalogue of every station the timetable names. The city's own stations stand in a town
 * (first, middle and last town of the tree), not in a residential grid.
 * @param regions - the city's region tree
 * @returns stations, the city's own first
 */
export function cityStations(regions: readonly CityRegion[]): CityStation[] {
  const towns = regions.flatMap((r, i) => (r.level === 'town' ? [i] : []));
  const modes = Object.keys(homeStations) as TransportMode[];
  const own = modes.map((mode, k): CityStation => {
    const region = towns[Math.floor((k * (towns.length - 1)) / Math.max(1, modes.length - 1))]!;
    const ring = regions[region]!.polygon.coordinates[0]!;
    const [west, south] = ring[0]!;
    const [east, north] = ring[2]!;
    return {
      code: homeStations[mode],
      nameZh: HOME_NAMES[mode][0],
      nameEn: HOME_NAMES[mode][1],
      modes: [mode],
      region,
      regionCode: regions[region]!.code,
      regionName: null,
      lat: Math.round(((south! + north!) / 2) * 1e6) / 1e6,
      lng: Math.round(((west! + east!) / 2) * 1e6) / 1e6,
    };
  });
  const other = modes.flatMap((mode) =>
    destinationStations[mode].map((code): CityStation => {
      const [nameZh, nameEn, regionCode, regionName, lat, lng] = ELSEWHERE[code]!;
      return { code, nameZh, nameEn, modes: [mode], region: -1, regionCode, regionName, lat, lng };
    }),
  );
  return [...own, ...other];
}
