/** Turns a camera photo into a JPEG data URL of at most 200 kB, in the browser (canvas). */
import { encodeSteps, maxPhotoDataUrlLength } from './photo-size.js';

/**
 * Decodes an image file and re-encodes it, smaller and smaller, until the data URL fits the limit.
 * @param file - the file from `<input type=file accept=image/* capture>`
 * @returns a `data:image/jpeg;base64,…` URL of at most {@link maxPhotoDataUrlLength} characters
 */
export async function photoDataUrl(file: Blob): Promise<string> {
  const bitmap = await createImageBitmap(file);
  try {
    const canvas = document.createElement('canvas');
    const context = canvas.getContext('2d');
    if (context === null) throw new Error('this browser cannot draw images');
    for (const step of encodeSteps(bitmap.width, bitmap.height)) {
      canvas.width = step.width;
      canvas.height = step.height;
      context.fillStyle = '#fff';
      context.fillRect(0, 0, step.width, step.height);
      context.drawImage(bitmap, 0, 0, step.width, step.height);
      const url = canvas.toDataURL('image/jpeg', step.quality);
      if (url.length <= maxPhotoDataUrlLength) return url;
    }
    throw new Error('the photo cannot be made small enough');
  } finally {
    bitmap.close();
  }
}
