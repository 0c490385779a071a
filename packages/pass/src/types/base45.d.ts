// Types of the `base45` package (used in tests as a reference implementation).
declare module 'base45' {
  /** Encodes bytes or a UTF-8 string as base45. */
  export function encode(input: Uint8Array | string): string;
  /** Decodes base45 text (leniently). */
  export function decode(input: string): Uint8Array;
  const base45: { encode: typeof encode; decode: typeof decode };
  export default base45;
}
