import type { ProtocolProfile } from '@epigrid/core';
import type { PresenceIndex } from '../index/presence-index.js';
import { closeContactsOf, type InvestigatorContact } from './close-contacts.js';
import { companionsOf } from './companions.js';
import type { CloseContact, Companion, ExposureWindow, SubCloseContact } from './contact-types.js';
import { exposureWindowOf, type CaseInput } from './exposure-window.js';
import { subCloseContactsOf } from './sub-close-contacts.js';

/** What to trace for one case. */
export interface TraceRequest {
  readonly case: CaseInput;
  /** Epoch seconds "now": the window end for a case not yet isolated, and the default control time. */
  readonly asOf: number;
  /** Contacts entered by field investigators for this case. */
  readonly investigatorContacts?: readonly InvestigatorContact[];
  /** When each close contact was put under control (ends their sub-close window); default asOf. */
  readonly controlledAt?: ReadonlyMap<number, number>;
  /** Second hop (sub-close contacts); default true where the profile identifies them. */
  readonly subClose?: boolean;
  /** Spatiotemporal companions; default true where the profile identifies them. */
  readonly companions?: boolean;
}

/** The result of tracing one case under one profile: deterministic for the same index and input. */
export interface CaseTrace {
  readonly caseId: number;
  readonly personId: number;
  readonly profileId: string;
  readonly window: ExposureWindow;
  /** By person id. */
  readonly closeContacts: readonly CloseContact[];
  /** By person id, then the linking close contact. */
  readonly subCloseContacts: readonly SubCloseContact[];
  /** By person id. */
  readonly companions: readonly Companion[];
}

/**
 * Traces one case: close contacts over its exposure window, sub-close contacts over each close
 * contact's own window, and spatiotemporal companions, under one protocol profile. Pure over the
 * index: re-tracing gives the same result in the same order.
 * @param index - presence index
 * @param profile - protocol profile
 * @param request - the case and options
 */
export function traceCase(index: PresenceIndex, profile: ProtocolProfile, request: TraceRequest): CaseTrace {
  const c = request.case;
  const window = exposureWindowOf(c, profile, index.utcOffsetMinutes, request.asOf);
  const closeContacts = closeContactsOf(index, profile, c.caseId, c.personId, window, request.investigatorContacts);
  const subCloseContacts =
    request.subClose === false ? [] : subCloseContactsOf(index, profile, c.personId, closeContacts, request.controlledAt ?? new Map(), request.asOf);
  const companions = request.companions === false ? [] : companionsOf(index, profile, c.caseId, c.personId, c.isolatedAt ?? request.asOf);
  return { caseId: c.caseId, personId: c.personId, profileId: profile.id, window, closeContacts, subCloseContacts, companions };
}
