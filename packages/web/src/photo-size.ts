/** Sizing of outcome photos: a data URL of at most 200 kB, reached by shrinking the image and the JPEG quality step by step. */

/** The largest photo data URL the server accepts, in characters (1 character = 1 byte). */
export const maxPhotoDataUrlLength = 200_000;

/** One attempt at encoding: target size in pixels and JPEG quality. */
export interface EncodeStep {
  readonly width: number;
  readonly height: number;
  readonly quality: number;
}

/**
 * Encoding attempts from best to smallest: the longest side at 1280, 960, 640, 480, 320 px (never
 * enlarged), each at JPEG quality 0.8 then 0.6; the last is a safe 240 px at 0.5.
 * @param width - original width in pixels
 * @param height - original height in pixels
 */
export function encodeSteps(width: number, height: number): EncodeStep[] {
  if (!(width > 0 && height > 0)) throw new Error(`the image has no size (${width}×${height})`);
  const longest = Math.max(width, height);
  const steps: EncodeStep[] = [];
  for (const side of [1280, 960, 640, 480, 320, 240]) {
    const scale = Math.min(1, side / longest);
    const size = { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
    const last = steps.at(-1);
    if (last !== undefined && last.width === size.width && last.height === size.height) continue;
    for (const quality of side === 240 ? [0.5] : [0.8, 0.6]) steps.push({ ...size, quality });
  }
  const smallest = steps.at(-1);
  if (smallest !== undefined && smallest.quality !== 0.5) steps.push({ ...smallest, quality: 0.5 });
  return steps;
}
