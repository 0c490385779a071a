import { distanceMetres, type GeoPoint } from './great-circle.js';

/** Where and when a pass holder's phone scanned a place code, as the phone reported it. */
export interface ScanSighting {
  readonly at: Date;
  /** The phone's position; null when the holder declined geolocation. */
  readonly position: GeoPoint | null;
  /** Reported accuracy radius in metres; null when unknown (treated as imprecise). */
  readonly accuracyM: number | null;
}

/** Thresholds of forwarded-code detection (configuration, not constants in the rule). */
export interface ForwardedScanRules {
  /** A scan whose position is, even allowing for its accuracy, farther than this from the venue is flagged. */
  readonly maxDistanceM: number;
  /** A fix with an accuracy radius up to this is precise enough to vouch for a scan on its own. */
  readonly preciseAccuracyM: number;
  /** Scans of one code within this many minutes before a scan form its burst. */
  readonly burstWindowMinutes: number;
  /** A burst needs at least this many located scans. */
  readonly burstMinScans: number;
  /** A burst shows the code circulating when two of its scans are farther apart than this. */
  readonly burstSpreadM: number;
}

/** Defaults: 1 km from the door; bursts of 3 located scans within 10 minutes spread over more than 5 km. */
export const defaultForwardedScanRules: ForwardedScanRules = Object.freeze({
  maxDistanceM: 1_000,
  preciseAccuracyM: 200,
  burstWindowMinutes: 10,
  burstMinScans: 3,
  burstSpreadM: 5_000,
});

/** The verdict on one scan: trusted, or flagged with the reason and the figures behind it. */
export type ScanVerdict =
  | { readonly kind: 'trusted'; readonly located: 'precise' | 'imprecise' | 'none'; readonly distanceM: number | null }
  | { readonly kind: 'flagged'; readonly reason: 'far_from_venue'; readonly distanceM: number; readonly accuracyM: number }
  | { readonly kind: 'flagged'; readonly reason: 'burst_far_apart'; readonly scans: number; readonly spreadM: number; readonly windowMinutes: number };

function widestSpread(points: readonly GeoPoint[]): number {
  let widest = 0;
  for (let i = 0; i < points.length; i++) {
    for (let j = i + 1; j < points.length; j++) widest = Math.max(widest, distanceMetres(points[i]!, points[j]!));
  }
  return widest;
}

function accuracyOf(scan: ScanSighting): number | null {
  return scan.accuracyM !== null && Number.isFinite(scan.accuracyM) && scan.accuracyM >= 0 ? scan.accuracyM : null;
}

/**
 * Judges whether a place-code scan looks like a forwarded code (a photo of the code sent to people who
 * are elsewhere, domain rules §4.5) instead of trusting it:
 * - far: the phone is farther from the venue than the threshold even after crediting its whole accuracy
 *   radius — flagged `far_from_venue`;
 * - a precise fix near the venue is trusted, whatever other phones do with the code;
 * - a scan without a precise fix (no position, or a vague one) cannot vouch for itself: it is flagged
 *   `burst_far_apart` when, within the burst window, the code was scanned from places farther apart than
 *   people at one door can be (the code is circulating), and trusted otherwise (geolocation is optional).
 * @param venue - the venue's position from the signed place code
 * @param scan - this scan
 * @param recent - earlier scans of the same code (any order; those outside the burst window are ignored)
 * @param rules - thresholds
 */
export function judgeScan(venue: GeoPoint, scan: ScanSighting, recent: readonly ScanSighting[], rules: ForwardedScanRules = defaultForwardedScanRules): ScanVerdict {
  const accuracy = accuracyOf(scan);
  let distanceM: number | null = null;
  if (scan.position !== null) {
    distanceM = distanceMetres(venue, scan.position);
    if (distanceM - (accuracy ?? 0) > rules.maxDistanceM) {
      return { kind: 'flagged', reason: 'far_from_venue', distanceM: Math.round(distanceM), accuracyM: Math.round(accuracy ?? 0) };
    }
    if (accuracy !== null && accuracy <= rules.preciseAccuracyM) return { kind: 'trusted', located: 'precise', distanceM: Math.round(distanceM) };
  }
  const windowStart = scan.at.getTime() - rules.burstWindowMinutes * 60_000;
  const burst = recent
    .filter((r) => r.position !== null && r.at.getTime() >= windowStart && r.at.getTime() <= scan.at.getTime())
    .map((r) => r.position!);
  if (scan.position !== null) burst.push(scan.position);
  if (burst.length >= rules.burstMinScans) {
    const spreadM = widestSpread(burst);
    if (spreadM > rules.burstSpreadM) {
      return { kind: 'flagged', reason: 'burst_far_apart', scans: burst.length, spreadM: Math.round(spreadM), windowMinutes: rules.burstWindowMinutes };
    }
  }
  return { kind: 'trusted', located: scan.position === null ? 'none' : 'imprecise', distanceM: distanceM === null ? null : Math.round(distanceM) };
}
