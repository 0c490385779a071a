import { asBufferSource, fromBase64, toBase64 } from '../bytes.js';

/**
 * Key id as DCC computes it: the first 8 bytes of the SHA-256 of the given DER (DCC hashes the
 * signer certificate; EpiGrid keys have no certificate, so their key id hashes the SPKI).
 */
export async function keyIdOf(der: Uint8Array): Promise<Uint8Array> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', asBufferSource(der));
  return new Uint8Array(digest, 0, 8).slice();
}

/** Key id bytes as written in trust lists (standard base64, as DCC trust lists do). */
export function kidToText(kid: Uint8Array): string {
  return toBase64(kid);
}

/**
 * Key id bytes from their trust-list text.
 * @throws Error when the text is not base64
 */
export function kidFromText(text: string): Uint8Array {
  return fromBase64(text);
}
