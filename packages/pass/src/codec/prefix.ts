/** What a prefix says the text carries. */
export type PayloadKind = 'pass' | 'place' | 'dcc';

/** Prefix of an EpiGrid health pass, version 1. */
export const PASS_PREFIX = 'EGP1:';
/** Prefix of an EpiGrid venue place code, version 1. */
export const PLACE_PREFIX = 'EGV1:';
/** Prefix of an EU Digital COVID Certificate (HCERT context 1). */
export const DCC_PREFIX = 'HC1:';

const prefixes: ReadonlyArray<readonly [string, PayloadKind]> = [
  [PASS_PREFIX, 'pass'],
  [PLACE_PREFIX, 'place'],
  [DCC_PREFIX, 'dcc'],
];

/** Result of taking the prefix off a text. */
export type Unprefixed = { ok: true; kind: PayloadKind; prefix: string; body: string } | { ok: false; reason: string };

/**
 * Recognises the prefix of a scanned text and returns the base45 body after it. Surrounding
 * whitespace (as some scanners add) is ignored.
 */
export function removePrefix(text: string): Unprefixed {
  const trimmed = text.trim();
  for (const [prefix, kind] of prefixes) {
    if (trimmed.startsWith(prefix)) return { ok: true, kind, prefix, body: trimmed.slice(prefix.length) };
  }
  const seen = /^[A-Z0-9]{2,4}:/.exec(trimmed)?.[0];
  return {
    ok: false,
    reason: seen ? `unsupported prefix "${seen}" (expected ${prefixes.map(([p]) => p).join(', ')})` : `no prefix (expected ${prefixes.map(([p]) => p).join(', ')})`,
  };
}

/** The prefix written before a payload of the given kind. */
export function prefixFor(kind: PayloadKind): string {
  return prefixes.find(([, k]) => k === kind)![0];
}
