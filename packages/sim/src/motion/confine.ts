/**
 * Applies a confinement window to a planned day: with a red code the person skips venues and
 * transport (and is at home instead); at home level everything in the window is replaced by home;
 * in centralised isolation by the isolation hotel, away from the household.
 */
import type { DayWindow } from '../outbreak/restriction-book.js';
import { stayKinds } from './day-presence.js';
import type { StayBuffer, StayKind } from './day-presence.js';

const scratch = { kind: new Uint8Array(32), place: new Int32Array(32), start: new Int16Array(32), end: new Int16Array(32), count: 0 };

/**
 * Rewrites the buffer so the window is obeyed.
 * @param out - the person's planned stays (rewritten in place)
 * @param window - the confinement, minutes of the day
 * @param household - the person's household
 * @param hotel - place index of the isolation hotel they would be taken to
 */
export function confine(out: StayBuffer, window: DayWindow, household: number, hotel: number): void {
  const { from, until, level } = window;
  scratch.count = out.count;
  scratch.kind.set(out.kind);
  scratch.place.set(out.place);
  scratch.start.set(out.start);
  scratch.end.set(out.end);
  out.clear();
  for (let k = 0; k < scratch.count; k++) {
    if (scratch.start[k]! < from) out.push(scratch.kind[k]! as StayKind, scratch.place[k]!, scratch.start[k]!, Math.min(scratch.end[k]!, from));
  }
  if (level >= 2) {
    out.push(level === 3 ? stayKinds.hotel : stayKinds.home, level === 3 ? hotel : household, from, until);
  } else {
    for (let k = 0; k < scratch.count; k++) {
      const s = Math.max(scratch.start[k]!, from);
      const e = Math.min(scratch.end[k]!, until);
      if (e <= s) continue;
      const kind = scratch.kind[k]! as StayKind;
      const allowed = kind === stayKinds.home || kind === stayKinds.work || kind === stayKinds.school || kind === stayKinds.hotel;
      if (allowed) out.push(kind, scratch.place[k]!, s, e);
      else out.push(stayKinds.home, household, s, e);
    }
  }
  for (let k = 0; k < scratch.count; k++) {
    if (scratch.end[k]! > until) out.push(scratch.kind[k]! as StayKind, scratch.place[k]!, Math.max(scratch.start[k]!, until), scratch.end[k]!);
  }
}
