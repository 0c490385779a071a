import { defaultForwardedScanRules, type ForwardedScanRules } from '@epigrid/core';

/** How passes and place codes are issued and checked. */
export interface PassSettings {
  /** Longest life of a pass; a colour that expires sooner ends the pass sooner. */
  readonly passLifetimeHours: number;
  /** How long the verifier reuses the trust store before reading keys and revocations again. */
  readonly trustRefreshSeconds: number;
  /** Forwarded place-code detection thresholds. */
  readonly forwardedScans: ForwardedScanRules;
}

/** Defaults: passes live at most 24 h; the verifier rereads its trust lists every 30 s. */
export const defaultPassSettings: PassSettings = Object.freeze({
  passLifetimeHours: 24,
  trustRefreshSeconds: 30,
  forwardedScans: defaultForwardedScanRules,
});
