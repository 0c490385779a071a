/**
 * The isolation facilities for the outcome form: fetched from the server and kept in localStorage,
 * so a transfer can still be recorded offline (the outcome then waits in the phone's queue).
 */
import { parseFacilityCache } from './facility-choice.js';
import { fetchFacilities } from './task-api.js';
import type { FacilityView } from './task-types.js';

const storageKey = 'epigrid.facilities';

/** The list, from the server when reachable, else the last copy; null when neither is available. */
export async function loadFacilities(): Promise<FacilityView[] | null> {
  try {
    const fresh = await fetchFacilities();
    try {
      localStorage.setItem(storageKey, JSON.stringify(fresh));
    } catch {
      // Without storage the list is simply fetched again next time.
    }
    return fresh;
  } catch {
    try {
      return parseFacilityCache(localStorage.getItem(storageKey));
    } catch {
      return null;
    }
  }
}
