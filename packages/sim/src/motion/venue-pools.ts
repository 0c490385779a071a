/**
 * Where people go: the city's venues grouped by what a visit is for (a meal, shopping, leisure…)
 * and by town, each weighted by category and size, so a visit picks a plausible venue near home
 * or work. A town without a venue of some group falls back to its county, then to the whole city.
 */
import type { City } from '../model.js';
import { cumulativeWeights } from '../random.js';
import type { Rng } from '../random.js';

/** Why someone visits a venue. */
export const activities = ['meal', 'shop', 'market', 'leisure', 'errand', 'transit', 'kindergarten'] as const;

/** One of {@link activities}. */
export type Activity = (typeof activities)[number];

/** Category weights per activity. */
const ACTIVITY_CATEGORIES: Readonly<Record<Activity, Readonly<Record<string, number>>>> = {
  meal: { restaurant: 6, tea_house: 1 },
  shop: { supermarket: 4, convenience_store: 3, market: 2, mall: 1, pharmacy: 1 },
  market: { market: 3, supermarket: 2 },
  leisure: { gym: 2, cinema: 1, ktv: 1, internet_cafe: 1, bath_house: 1, mall: 2, hair_salon: 1, tea_house: 1 },
  errand: { bank: 2, hair_salon: 1, pharmacy: 2, clinic: 1, hospital: 0.3 },
  transit: { transit_station: 3, bus_station: 1 },
  kindergarten: { kindergarten: 1 },
};

/** Visit length in minutes [min, max] per venue category. */
const DURATIONS: Readonly<Record<string, readonly [number, number]>> = {
  restaurant: [40, 100],
  tea_house: [60, 150],
  supermarket: [20, 50],
  convenience_store: [5, 15],
  market: [20, 60],
  mall: [60, 180],
  pharmacy: [5, 20],
  clinic: [20, 60],
  hospital: [60, 180],
  gym: [45, 100],
  cinema: [110, 150],
  ktv: [120, 200],
  internet_cafe: [60, 240],
  bath_house: [60, 150],
  hair_salon: [30, 80],
  bank: [10, 40],
  transit_station: [5, 15],
  bus_station: [15, 40],
  kindergarten: [480, 540],
  hotel: [30, 90],
};

interface Pool {
  readonly ids: Int32Array;
  readonly cumulative: Float64Array;
}

/** Venues by activity and town, with visit durations. */
export class VenuePools {
  private readonly byTown: (Pool | null)[];
  private readonly byCounty: (Pool | null)[];
  private readonly everywhere: (Pool | null)[];
  private readonly durationMin: Uint16Array;
  private readonly durationMax: Uint16Array;
  private readonly countyOfTown: Int32Array;

  /**
   * @param city - the city
   * @param townOfRegion - town index of every region (-1 above town level)
   * @param countyOfTown - county index of every town
   * @param towns - number of towns
   * @param counties - number of counties
   */
  constructor(city: City, townOfRegion: Int32Array, countyOfTown: Int32Array, towns: number, counties: number) {
    const places = city.places;
    this.durationMin = new Uint16Array(places.length);
    this.durationMax = new Uint16Array(places.length);
    places.forEach((place, j) => {
      const [lo, hi] = DURATIONS[place.category] ?? [20, 60];
      this.durationMin[j] = lo;
      this.durationMax[j] = hi;
    });
    const build = (keyOf: (place: number) => number, keys: number): (Pool | null)[] => {
      const pools: (Pool | null)[] = new Array<Pool | null>(keys * activities.length).fill(null);
      activities.forEach((activity, a) => {
        const ids: number[][] = Array.from({ length: keys }, () => []);
        const weights: number[][] = Array.from({ length: keys }, () => []);
        places.forEach((place, j) => {
          const weight = place.kind === 'venue' ? ACTIVITY_CATEGORIES[activity][place.category] : undefined;
          if (weight === undefined) return;
          const key = keyOf(j);
          ids[key]!.push(j);
          weights[key]!.push(weight * Math.sqrt(place.capacity));
        });
        for (let k = 0; k < keys; k++) {
          if (ids[k]!.length > 0) pools[k * activities.length + a] = { ids: Int32Array.from(ids[k]!), cumulative: cumulativeWeights(weights[k]!) };
        }
      });
      return pools;
    };
    this.byTown = build((j) => townOfRegion[places[j]!.region]!, towns);
    this.byCounty = build((j) => countyOfTown[townOfRegion[places[j]!.region]!]!, counties);
    this.everywhere = build(() => 0, 1);
    this.countyOfTown = countyOfTown;
  }

  /**
   * Picks a venue for an activity near a town.
   * @param rng - random stream
   * @param activity - index into {@link activities}
   * @param town - town index
   * @returns a place index, or -1 when the city has no venue for this activity
   */
  pick(rng: Rng, activity: number, town: number): number {
    const n = activities.length;
    const pool = this.byTown[town * n + activity] ?? this.byCounty[this.countyOfTown[town]! * n + activity] ?? this.everywhere[activity] ?? null;
    if (pool === null) return -1;
    return pool.ids[rng.weighted(pool.cumulative)]!;
  }

  /**
   * @param rng - random stream
   * @param place - a venue
   * @returns a visit length in minutes for that venue's category
   */
  duration(rng: Rng, place: number): number {
    return rng.int(this.durationMin[place]!, this.durationMax[place]!);
  }
}

/**
 * @param name - an activity name
 * @returns its index in {@link activities}
 */
export function activityIndex(name: Activity): number {
  return activities.indexOf(name);
}
