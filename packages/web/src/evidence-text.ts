/** Plain-language sentences for the evidence that made someone a contact ("why, where, when, how long"). */
import type { TFunction } from 'i18next';
import type { Evidence } from './case-types.js';
import { formatSpan } from './format.js';

/** One evidence item in words: the sentence and an optional caveat. */
export interface EvidenceWords {
  readonly text: string;
  /** A caveat shown beside the sentence (e.g. an assumed stay), or null. */
  readonly note: string | null;
}

/**
 * Describes one evidence item in the UI language.
 * @param t - translation function
 * @param evidence - the evidence item (unknown kinds are named, not dropped)
 * @param sourceIsCase - whether the source is the case itself (false for a sub-close contact's close contact)
 */
export function evidenceWords(t: TFunction, evidence: Evidence, sourceIsCase: boolean): EvidenceWords {
  switch (evidence.kind) {
    case 'household':
      return { text: t(sourceIsCase ? 'evidence.household' : 'evidence.householdContact', formatSpan(evidence.from, evidence.to)), note: null };
    case 'venue':
      return {
        text: t('evidence.venue', { venueId: evidence.venueId, minutes: evidence.minutes, ...formatSpan(evidence.from, evidence.to) }),
        note: evidence.assumedStay ? t('evidence.assumedStay') : null,
      };
    case 'vehicle':
      return {
        text: t('evidence.vehicle', {
          mode: t(`modes.${evidence.mode}`, { defaultValue: evidence.mode }),
          serviceId: evidence.serviceId,
          serviceDate: evidence.serviceDate,
          carriage: evidence.carriage === null || evidence.carriage === '' ? '' : t('evidence.carriage', { carriage: evidence.carriage }),
          seat: evidence.seat,
          source: t(sourceIsCase ? 'evidence.sourceCase' : 'evidence.sourceContact'),
          sourceSeat: evidence.sourceSeat,
        }),
        note: null,
      };
    case 'investigator':
      return { text: t('evidence.investigator', { reference: evidence.reference, ...formatSpan(evidence.from, evidence.to) }), note: null };
    case 'companion-co-presence':
      return {
        text: t('evidence.coPresence', { cell: evidence.cell, minutes: evidence.minutes, ...formatSpan(evidence.from, evidence.to) }),
        note: null,
      };
    case 'companion-dwell':
      return {
        text: t(evidence.party === 'case' ? 'evidence.dwellCase' : 'evidence.dwellContact', {
          cell: evidence.cell,
          hours: Math.round(evidence.hours * 10) / 10,
        }),
        note: null,
      };
    default:
      return { text: t('evidence.unknown', { kind: String((evidence as { kind?: unknown }).kind ?? '?') }), note: null };
  }
}
