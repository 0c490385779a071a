// @epigrid/pass: signed passes and place codes (COSE_Sign1 over CWT, zlib, base45), trust lists,
// revocation and offline verification; also reads EU Digital COVID Certificates. Imports nothing
// of ours and no node: modules, so it runs in the browser as well as in Node.

export { bytesEqual, fromBase64, fromHex, toBase64, toHex } from './bytes.js';
export { cborToJson, decodeCbor, encodeCbor } from './cbor.js';
export { decodeBase45, encodeBase45 } from './codec/base45.js';
export { DCC_PREFIX, PASS_PREFIX, PLACE_PREFIX, prefixFor, removePrefix } from './codec/prefix.js';
export type { PayloadKind, Unprefixed } from './codec/prefix.js';
export { compressZlib, decompressZlib } from './codec/zlib.js';
export { COSE_ALG, algorithmName } from './cose/algorithms.js';
export type { CoseAlgorithmName } from './cose/algorithms.js';
export { COSE_SIGN1_TAG, CWT_TAG, encodeCoseSign1, encodeProtectedHeader, parseCoseSign1, sigStructure } from './cose/cose-sign1.js';
export type { CoseSign1 } from './cose/cose-sign1.js';
export { webCryptoEngine } from './cose/signature-engine.js';
export type { SignatureEngine } from './cose/signature-engine.js';
export { CWT, EPIGRID_CLAIM, HCERT_CLAIM, PASS_FIELD, PLACE_FIELD } from './cwt/claim-keys.js';
export { PASS_COLOURS, decodePassClaims, encodePassClaims } from './cwt/pass-claims.js';
export type { PassClaims, PassColour } from './cwt/pass-claims.js';
export { decodePlaceClaims, encodePlaceClaims } from './cwt/place-claims.js';
export type { PlaceClaims } from './cwt/place-claims.js';
export { decodeHealthCertificate, dgcType, keyUsageAllows } from './dcc/hcert.js';
export type { DgcType, HealthCertificate } from './dcc/hcert.js';
export { readSignerCertificate } from './dcc/signer-certificate.js';
export type { SignerCertificate } from './dcc/signer-certificate.js';
export { signPass, signPlaceCode, sealPayload } from './issue-pass.js';
export type { PassToSign, PlaceToSign } from './issue-pass.js';
export { keyIdOf, kidFromText, kidToText } from './keys/key-id.js';
export { exportSigningKey, generateSigningKey, importSigningKey } from './keys/signing-key.js';
export type { SigningKey, StoredSigningKey } from './keys/signing-key.js';
export { decodeQr } from './qr/decode-qr.js';
export { NO_REVOCATIONS, REVOCATION_LIST_FORMAT, buildRevocationList, mergeRevocations, parseRevocationList } from './trust/revocation-list.js';
export type { RevocationList, RevocationSet } from './trust/revocation-list.js';
export { TRUST_LIST_FORMAT, buildTrustList, mergeTrustLists, parseTrustList, trustListToJson } from './trust/trust-list.js';
export type { TrustList, TrustListKey } from './trust/trust-list.js';
export { TrustStore } from './trust/trust-store.js';
export type { TrustedKey } from './trust/trust-store.js';
export { decodeContent, decodeText } from './verify/decode-steps.js';
export type { Decoded } from './verify/decode-steps.js';
export { STEP_NAMES } from './verify/report.js';
export type { StepName, StepResult, VerificationReport, VerifiedContent } from './verify/report.js';
export { verifyCose, verifyText } from './verify/verify-text.js';
export type { VerifyOptions } from './verify/verify-text.js';
export { SIGNED_DOCUMENT_FORMAT, openDocument, signDocument } from './trust/signed-document.js';
export type { OpenedDocument } from './trust/signed-document.js';
