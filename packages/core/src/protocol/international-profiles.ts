import type { ProtocolProfile } from './protocol-profile.js';

// WHO and CDC do not publish a vehicle table; the seating radii follow the ECDC-style practice of
// domain-rules §1.6 (2 rows and 2 seats in every direction), as explicit defaults an operator can change.
const who: ProtocolProfile = {
  id: 'WHO-2021',
  rulePrefix: 'WHO-2021',
  title: 'WHO surveillance guidance (contact definition of 16 Dec 2020, used through 2021)',
  jurisdiction: 'WHO',
  effectiveFrom: '2020-12-16',
  effectiveTo: null,
  dayCounting: { lastExposureDay: 0 },
  exposureWindow: { daysBeforeOnset: 2, daysBeforeSampling: 2, maxDaysAfterAnchor: 10, screeningWindow: false },
  closeContact: {
    enabled: true,
    household: true,
    venue: { enabled: true, threshold: { minutes: 15, comparison: 'at-least' }, accumulation: 'contiguous', openEndedStayMinutes: 60 },
    vehicle: {
      enabled: true,
      planeRowRadius: 2,
      planeSeatRadius: 2,
      planeWithoutHepa: 'seating',
      trainEnclosed: 'same-carriage',
      trainOpenBayRadius: 1,
      trainRowsPerBay: 1,
      coachSealed: 'whole-vehicle',
      coachOpenRowRadius: 2,
      ship: 'same-cabin',
    },
    investigator: true,
  },
  subCloseContact: {
    enabled: false,
    household: false,
    venue: { enabled: false, threshold: { minutes: 15, comparison: 'at-least' }, accumulation: 'contiguous', openEndedStayMinutes: 60 },
  },
  companion: { enabled: false, h3Resolution: 8, threshold: { minutes: 15, comparison: 'at-least' }, lookBackDays: 14, dwell: { kind: 'off' } },
  management: {
    closeContact: { centralisedDays: 0, homeDays: 14, homeMode: 'isolation', centralisedTestDays: [], homeTestDays: [] },
    subCloseContact: null,
    companion: null,
  },
  serialInterval: { distribution: 'gamma', meanDays: 4.07, sdDays: 2.9 },
};

const cdc: ProtocolProfile = {
  ...who,
  id: 'CDC-2020-10',
  rulePrefix: 'CDC-2020-10',
  title: 'US CDC close contact (21 Oct 2020): 15 minutes cumulative over 24 hours',
  jurisdiction: 'US-CDC',
  effectiveFrom: '2020-10-21',
  exposureWindow: { daysBeforeOnset: 2, daysBeforeSampling: 2, maxDaysAfterAnchor: null, screeningWindow: false },
  closeContact: {
    ...who.closeContact,
    venue: { enabled: true, threshold: { minutes: 15, comparison: 'at-least' }, accumulation: 'cumulative-24h', openEndedStayMinutes: 60 },
  },
  serialInterval: { distribution: 'gamma', meanDays: 3.96, sdDays: 4.75 },
};

/** Built-in WHO and US CDC profiles (domain-rules §1.4–1.5, §2). */
export const internationalProfiles: readonly ProtocolProfile[] = [who, cdc];
