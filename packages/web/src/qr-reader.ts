/** Reads QR codes from images and video frames in the browser (jsQR on canvas pixels). */
import jsQR from 'jsqr';

/**
 * Decodes the QR code in a drawable image (an image file's bitmap, a video frame).
 * @param source - what to draw
 * @param width - its width in pixels
 * @param height - its height in pixels
 * @returns the QR text, or null when none is found
 */
export function readQrFrom(source: CanvasImageSource, width: number, height: number): string | null {
  if (width === 0 || height === 0) return null;
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (context === null) return null;
  context.drawImage(source, 0, 0, width, height);
  const pixels = context.getImageData(0, 0, width, height);
  return jsQR(pixels.data, width, height, { inversionAttempts: 'attemptBoth' })?.data ?? null;
}

/**
 * Decodes the QR code in an image file (a photo or screenshot of a pass or place code).
 * @param file - the chosen file
 * @returns the QR text, or null when none is found
 */
export async function readQrFile(file: Blob): Promise<string | null> {
  const bitmap = await createImageBitmap(file);
  try {
    return readQrFrom(bitmap, bitmap.width, bitmap.height);
  } finally {
    bitmap.close();
  }
}
