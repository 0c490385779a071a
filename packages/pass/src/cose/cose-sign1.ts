import { plainBytes } from '../bytes.js';
import { cborTag, decodeCbor, encodeCbor, isBytes, untag } from '../cbor.js';
import { COSE_HEADER } from './algorithms.js';

/** CBOR tag of COSE_Sign1 (RFC 9052). */
export const COSE_SIGN1_TAG = 18;
/** CBOR tag of a CWT (RFC 8392), which DCCs may put around COSE_Sign1. */
export const CWT_TAG = 61;

/** A parsed COSE_Sign1 message. */
export interface CoseSign1 {
  /** The protected header exactly as signed (a CBOR byte string's content). */
  readonly protectedBytes: Uint8Array;
  readonly protectedHeader: ReadonlyMap<unknown, unknown>;
  readonly unprotectedHeader: ReadonlyMap<unknown, unknown>;
  readonly payload: Uint8Array;
  readonly signature: Uint8Array;
  /** COSE algorithm id from the protected header (undefined when absent). */
  readonly alg: unknown;
  /** Key id: the protected header's, else the unprotected header's. */
  readonly kid: Uint8Array | undefined;
  readonly kidSource: 'protected' | 'unprotected' | 'none';
}

/** Encodes the protected header { alg, kid } as the bytes that get signed. */
export function encodeProtectedHeader(alg: number, kid: Uint8Array): Uint8Array {
  return encodeCbor(
    new Map<number, unknown>([
      [COSE_HEADER.alg, alg],
      [COSE_HEADER.kid, kid],
    ]),
  );
}

// CBOR of: array(4), text "Signature1". The structure is fixed, so it is written directly: this
// runs once per signature and verification, and is checked against the generic encoder in tests.
const sigStructureHead = Uint8Array.from([0x84, 0x6a, ...Array.from('Signature1', (c) => c.charCodeAt(0))]);

/** The Sig_structure of RFC 9052 §4.4 for a COSE_Sign1 with empty external data. */
export function sigStructure(protectedBytes: Uint8Array, payload: Uint8Array): Uint8Array {
  const protectedHead = byteStringHead(protectedBytes.length);
  const payloadHead = byteStringHead(payload.length);
  const out = new Uint8Array(sigStructureHead.length + protectedHead.length + protectedBytes.length + 1 + payloadHead.length + payload.length);
  let at = 0;
  for (const part of [sigStructureHead, protectedHead, protectedBytes, EMPTY_BYTE_STRING, payloadHead, payload]) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

const EMPTY_BYTE_STRING = Uint8Array.of(0x40);

/** CBOR head of a byte string of the given length (major type 2). */
function byteStringHead(length: number): Uint8Array {
  if (length < 24) return Uint8Array.of(0x40 | length);
  if (length < 0x100) return Uint8Array.of(0x58, length);
  if (length < 0x10000) return Uint8Array.of(0x59, length >> 8, length & 0xff);
  return Uint8Array.of(0x5a, (length >>> 24) & 0xff, (length >> 16) & 0xff, (length >> 8) & 0xff, length & 0xff);
}

/** Encodes a tagged COSE_Sign1 with an empty unprotected header. */
export function encodeCoseSign1(protectedBytes: Uint8Array, payload: Uint8Array, signature: Uint8Array): Uint8Array {
  return encodeCbor(cborTag(COSE_SIGN1_TAG, [protectedBytes, new Map(), payload, signature]));
}

/**
 * Parses a COSE_Sign1 message, tagged or not, optionally inside a CWT tag.
 * @throws Error naming the part of the structure that is wrong
 */
export function parseCoseSign1(bytes: Uint8Array): CoseSign1 {
  const { value } = untag(decodeCbor(bytes), [CWT_TAG, COSE_SIGN1_TAG]);
  if (!Array.isArray(value) || value.length !== 4) throw new Error('COSE_Sign1 must be an array of 4 items');
  const [protectedBytes, unprotected, payload, signature] = value as unknown[];
  if (!isBytes(protectedBytes)) throw new Error('COSE protected header is not a byte string');
  if (!(unprotected instanceof Map)) throw new Error('COSE unprotected header is not a map');
  if (!isBytes(payload)) throw new Error('COSE payload is not a byte string');
  if (!isBytes(signature)) throw new Error('COSE signature is not a byte string');
  const protectedHeader = protectedBytes.length === 0 ? new Map() : decodeCbor(protectedBytes);
  if (!(protectedHeader instanceof Map)) throw new Error('COSE protected header is not a map');
  const protectedKid = protectedHeader.get(COSE_HEADER.kid);
  const unprotectedKid = unprotected.get(COSE_HEADER.kid);
  const kidSource = isBytes(protectedKid) ? 'protected' : isBytes(unprotectedKid) ? 'unprotected' : 'none';
  return {
    protectedBytes: plainBytes(protectedBytes),
    protectedHeader,
    unprotectedHeader: unprotected,
    payload: plainBytes(payload),
    signature: plainBytes(signature),
    alg: protectedHeader.get(COSE_HEADER.alg) ?? unprotected.get(COSE_HEADER.alg),
    kid: kidSource === 'protected' ? plainBytes(protectedKid as Uint8Array) : kidSource === 'unprotected' ? plainBytes(unprotectedKid as Uint8Array) : undefined,
    kidSource,
  };
}
