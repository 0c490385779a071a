/**
 * Who the people are: names (children carry their father's family name), birth dates, resident
 * ID numbers registered in their county (codes starting with 99, which no real place uses),
 * synthetic 199 mobile numbers, and occupations by age.
 */
import { buildResidentId } from '@epigrid/core';
import { DateFormatter } from './dates.js';
import type { PopulationDraft } from './households.js';
import { relations } from './households.js';
import { occupations } from './model.js';
import type { Occupation } from './model.js';
import { familyName, givenName } from './names.js';
import type { Rng } from './random.js';
import type { RegionPlan } from './region-plan.js';

/** The identity columns of the people, parallel to the draft. */
export interface PeopleIdentities {
  readonly name: string[];
  readonly birthDate: string[];
  readonly idNumber: string[];
  readonly phone: (string | null)[];
  readonly occupation: Uint8Array;
}

/** Sequence numbers per (county, birth date, sex) hold 500 values: odd for men, even for women. */
const SEQUENCES_PER_KEY = 500;
const PHONE_SPACE = 100_000_000;

const code = (occupation: Occupation): number => occupations.indexOf(occupation);
const WORKER = code('worker');
const STUDENT = code('student');
const RETIREE = code('retiree');
const CHILD = code('child');
const UNEMPLOYED = code('unemployed');

/**
 * The occupation of a person by age and sex (retirement at 60 for men, 55 for women).
 * @param rng - random stream
 * @param age - completed years
 * @param female - true for a woman
 * @returns an index into occupations
 */
export function occupationFor(rng: Rng, age: number, female: boolean): number {
  if (age < 6) return CHILD;
  if (age < 18) return STUDENT;
  if (age >= (female ? 55 : 60)) return RETIREE;
  const r = rng.float();
  if (age <= 22) return r < 0.45 ? STUDENT : r < 0.9 ? WORKER : UNEMPLOYED;
  return r < 0.86 ? WORKER : UNEMPLOYED;
}

/**
 * Hands out resident ID sequence numbers so no two people share an ID number.
 */
class SequenceBook {
  private readonly used = new Map<number, number>();

  next(county: number, day: number, female: boolean): number {
    const key = (county * 100_000 + day + 50_000) * 2 + (female ? 1 : 0);
    const k = this.used.get(key) ?? 0;
    if (k >= SEQUENCES_PER_KEY) throw new RangeError('too many people born on one day in one county');
    this.used.set(key, k + 1);
    const slot = (k * 37 + (key % 9973) * 131) % SEQUENCES_PER_KEY;
    return slot * 2 + (female ? 0 : 1);
  }
}

/**
 * Names, identifiers and occupations of every person in the draft.
 * @param rng - the people stream
 * @param draft - households and demographic skeleton
 * @param plan - the region plan (for county codes)
 * @returns identity columns parallel to the draft
 */
export function generateIdentities(rng: Rng, draft: PopulationDraft, plan: RegionPlan): PeopleIdentities {
  const count = draft.sex.length;
  const name: string[] = new Array<string>(count);
  const birthDate: string[] = new Array<string>(count);
  const idNumber: string[] = new Array<string>(count);
  const phone: (string | null)[] = new Array<string | null>(count);
  const occupation = new Uint8Array(count);
  const formatter = new DateFormatter();
  const sequences = new SequenceBook();
  const phoneStep = 10_000_001 + 2 * rng.int(0, 20_000_000);
  const phoneStart = rng.int(0, PHONE_SPACE - 1);
  const step = phoneStep % 5 === 0 ? phoneStep + 2 : phoneStep; // odd and not a multiple of 5: a bijection mod 10^8

  const { households } = draft;
  for (let h = 0; h < households.count; h++) {
    const first = households.firstMember[h]!;
    const end = first + households.size[h]!;
    const headSurname = familyName(rng);
    let fatherSurname = headSurname;
    for (let i = first; i < end; i++) {
      if (draft.relation[i] === relations.spouse && draft.sex[i] === 0) fatherSurname = familyName(rng);
    }
    for (let i = first; i < end; i++) {
      const female = draft.sex[i] === 1;
      const relation = draft.relation[i];
      let surname: string;
      if (relation === relations.head) surname = headSurname;
      else if (relation === relations.child) surname = rng.chance(0.92) ? fatherSurname : familyName(rng);
      else if (relation === relations.spouse && !female) surname = fatherSurname;
      else surname = familyName(rng);
      name[i] = surname + givenName(rng, female);

      const day = draft.birthDay[i]!;
      const county = plan.countyOf[draft.grid[i]!]!;
      const birth = formatter.format(day);
      birthDate[i] = birth;
      idNumber[i] = buildResidentId(plan.regions[county]!.code, birth, sequences.next(county, day, female));
      phone[i] = draft.age[i]! >= 12 ? `199${String((i * step + phoneStart) % PHONE_SPACE).padStart(8, '0')}` : null;
      occupation[i] = occupationFor(rng, draft.age[i]!, female);
    }
  }
  return { name, birthDate, idNumber, phone, occupation };
}
