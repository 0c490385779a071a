/** Registered CWT claim keys (RFC 8392 §3.1). */
export const CWT = { iss: 1, sub: 2, exp: 4, nbf: 5, iat: 6, cti: 7 } as const;

/** DCC: the hcert claim (a map whose key 1 holds the EU DGC). */
export const HCERT_CLAIM = -260;
/** DCC: key of the EU DGC v1 inside the hcert claim. */
export const HCERT_DGC_V1 = 1;

/**
 * EpiGrid's private claim (CWT private-use range, below -65536): a map holding what a pass or a
 * place code says, with the small integer keys below.
 */
export const EPIGRID_CLAIM = -65537;

/** Keys inside the EpiGrid claim of a pass (EGP1). */
export const PASS_FIELD = { colour: 1, reasonCode: 2 } as const;

/** Keys inside the EpiGrid claim of a place code (EGV1). */
export const PLACE_FIELD = { venueId: 1, name: 2, regionCode: 3, lat: 4, lon: 5 } as const;
