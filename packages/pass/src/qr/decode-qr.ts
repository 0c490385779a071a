import jsQR from 'jsqr';

/**
 * Reads the text of a QR code in an RGBA image (as a canvas or PNG decoder gives it).
 * @returns the text, or undefined when no QR code can be read
 */
export function decodeQr(rgba: Uint8ClampedArray | Uint8Array, width: number, height: number): string | undefined {
  const data = rgba instanceof Uint8ClampedArray ? rgba : new Uint8ClampedArray(rgba.buffer, rgba.byteOffset, rgba.byteLength);
  if (data.length !== width * height * 4) throw new Error(`image data has ${data.length} bytes, expected ${width}×${height}×4`);
  return jsQR(data, width, height, { inversionAttempts: 'attemptBoth' })?.data;
}
