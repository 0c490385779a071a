import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Protects personal identifiers at rest: a keyed HMAC-SHA-256 for matching (the same number always
 * gives the same hash, so imports and searches can find a person) and AES-256-GCM for reading the
 * value back when policy allows. Both keys are derived from one secret with HKDF.
 */
export interface IdentifierVault {
  /**
   * Keyed hash used to match an identifier without storing it.
   * @param value - normalised identifier
   */
  hash(value: string): string;
  /**
   * Encrypts an identifier; the output is `base64(iv).base64(tag).base64(ciphertext)`.
   * @param value - normalised identifier
   */
  encrypt(value: string): string;
  /**
   * Decrypts a value written by {@link IdentifierVault.encrypt}; throws if it was altered.
   * @param sealed - stored ciphertext
   */
  decrypt(sealed: string): string;
}

/**
 * Creates a vault from the deployment's secret.
 * @param secret - at least 32 characters (EPIGRID_SECRET)
 */
export function createIdentifierVault(secret: string): IdentifierVault {
  const hmacKey = Buffer.from(hkdfSync('sha256', secret, 'epigrid', 'identifier-hmac', 32));
  const aesKey = Buffer.from(hkdfSync('sha256', secret, 'epigrid', 'identifier-aes', 32));
  return {
    hash(value: string): string {
      return createHmac('sha256', hmacKey).update(value).digest('base64url');
    },
    encrypt(value: string): string {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', aesKey, iv);
      const body = Buffer.concat([cipher.update(value, 'utf8'), cipher.final()]);
      return `${iv.toString('base64url')}.${cipher.getAuthTag().toString('base64url')}.${body.toString('base64url')}`;
    },
    decrypt(sealed: string): string {
      const [iv, tag, body] = sealed.split('.');
      if (iv === undefined || tag === undefined || body === undefined) throw new Error('malformed sealed identifier');
      const decipher = createDecipheriv('aes-256-gcm', aesKey, Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
    },
  };
}
