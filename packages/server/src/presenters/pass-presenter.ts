import type { VerificationReport } from '@epigrid/pass';
import { z } from 'zod';
import type { DoorKeeperView } from '../use-cases/record-place-scan.js';
import type { IssuedPass } from '../use-cases/issue-pass.js';

const colour = z.enum(['green', 'yellow', 'red']);

/** A signed pass as the pass page shows it. */
export const issuedPassSchema = z.object({
  text: z.string().describe('signed pass (EGP1:…) to show as a QR code'),
  colour,
  reasonCode: z.string(),
  reasonKey: z.string(),
  jurisdiction: z.string(),
  kid: z.string(),
  issuedAt: z.string(),
  expiresAt: z.string(),
});

/**
 * Whitelists a pass for the holder (the pseudonymous subject stays inside the signed text).
 * @param pass - the issued pass
 */
export function presentIssuedPass(pass: IssuedPass): z.infer<typeof issuedPassSchema> {
  return {
    text: pass.text,
    colour: pass.colour,
    reasonCode: pass.reasonCode,
    reasonKey: pass.reasonKey,
    jurisdiction: pass.jurisdiction,
    kid: pass.kid,
    issuedAt: pass.issuedAt.toISOString(),
    expiresAt: pass.expiresAt.toISOString(),
  };
}

/** A verification report: each step's result and what the text says. */
export const verificationSchema = z.object({
  valid: z.boolean(),
  steps: z.array(z.object({ step: z.string(), ok: z.boolean(), detail: z.string() })),
  pass: z
    .object({ passId: z.string(), colour, reasonCode: z.string(), jurisdiction: z.string(), issuedAt: z.string(), expiresAt: z.string() })
    .nullable(),
  place: z.object({ venueId: z.string(), name: z.string(), regionCode: z.string(), jurisdiction: z.string(), lat: z.number(), lon: z.number() }).nullable(),
});

/**
 * Presents a verification report; the pass subject is left out (the verifier needs only the colour).
 * @param report - from verifyText
 */
export function presentVerification(report: VerificationReport): z.infer<typeof verificationSchema> {
  const content = report.content;
  const pass = content?.kind === 'pass' ? content.pass : null;
  const place = content?.kind === 'place' ? content.place : null;
  return {
    valid: report.valid,
    steps: report.steps.map((s) => ({ step: s.step, ok: s.ok, detail: s.detail })),
    pass:
      pass === null
        ? null
        : { passId: pass.passId, colour: pass.colour, reasonCode: pass.reasonCode, jurisdiction: pass.jurisdiction, issuedAt: pass.issuedAt.toISOString(), expiresAt: pass.expiresAt.toISOString() },
    place: place === null ? null : { venueId: place.venueId, name: place.name, regionCode: place.regionCode, jurisdiction: place.jurisdiction, lat: place.lat, lon: place.lon },
  };
}

/** The door keeper's view of a scan. */
export const doorKeeperSchema = z.object({
  scanId: z.number(),
  venue: z.object({ id: z.number(), name: z.string() }),
  maskedName: z.string(),
  colour,
  reasonKey: z.string(),
  scannedAt: z.string(),
  checkedIn: z.boolean(),
  flagged: z.enum(['far_from_venue', 'burst_far_apart']).nullable(),
  verdict: z.record(z.string(), z.unknown()),
});

/**
 * Presents a scan for the door keeper.
 * @param view - the recorded scan
 */
export function presentDoorKeeperView(view: DoorKeeperView): z.infer<typeof doorKeeperSchema> {
  return {
    scanId: view.scanId,
    venue: view.venue,
    maskedName: view.maskedName,
    colour: view.colour,
    reasonKey: view.reasonKey,
    scannedAt: view.scannedAt.toISOString(),
    checkedIn: view.checkedIn,
    flagged: view.verdict.kind === 'flagged' ? view.verdict.reason : null,
    verdict: { ...view.verdict },
  };
}
