import type { ManagementSchedule, ProtocolProfile, VehicleRules } from './protocol-profile.js';

// Thresholds the national text leaves to field practice (venue minutes, open-ended stays, bay size,
// the sub-close "long time") are explicit defaults here, so an operator can override them.
const vehicle: VehicleRules = {
  enabled: true,
  planeRowRadius: 3,
  planeSeatRadius: null,
  planeWithoutHepa: 'whole-cabin',
  trainEnclosed: 'same-carriage',
  trainOpenBayRadius: 1,
  trainRowsPerBay: 2,
  coachSealed: 'whole-vehicle',
  coachOpenRowRadius: 3,
  ship: 'same-cabin',
};

const none: ManagementSchedule = { centralisedDays: 0, homeDays: 0, homeMode: 'none', centralisedTestDays: [], homeTestDays: [] };

const p8: ProtocolProfile = {
  id: 'CN-P8-2021-05',
  rulePrefix: 'CN-P8',
  title: 'China national protocol, 8th edition (May 2021)',
  jurisdiction: 'CN',
  effectiveFrom: '2021-05-11',
  effectiveTo: '2022-06-27',
  dayCounting: { lastExposureDay: 0 },
  exposureWindow: { daysBeforeOnset: 2, daysBeforeSampling: 2, maxDaysAfterAnchor: null, screeningWindow: false },
  closeContact: {
    enabled: true,
    household: true,
    venue: { enabled: true, threshold: { minutes: 15, comparison: 'at-least' }, accumulation: 'contiguous', openEndedStayMinutes: 60 },
    vehicle,
    investigator: true,
  },
  subCloseContact: {
    enabled: true,
    household: true,
    venue: { enabled: true, threshold: { minutes: 60, comparison: 'at-least' }, accumulation: 'contiguous', openEndedStayMinutes: 60 },
  },
  companion: {
    enabled: true,
    h3Resolution: 8,
    threshold: { minutes: 10, comparison: 'more-than' },
    lookBackDays: 14,
    dwell: { kind: 'and', hours: 30 },
  },
  management: {
    closeContact: { centralisedDays: 14, homeDays: 7, homeMode: 'monitoring', centralisedTestDays: [1, 4, 7, 14], homeTestDays: [2, 7] },
    subCloseContact: { centralisedDays: 7, homeDays: 0, homeMode: 'none', centralisedTestDays: [1, 4, 7], homeTestDays: [] },
    companion: { tests: 2, withinDays: 3, minHoursApart: 24 },
  },
  serialInterval: { distribution: 'gamma', meanDays: 4.07, sdDays: 2.9 },
};

const p9: ProtocolProfile = {
  ...p8,
  id: 'CN-P9-2022-06-28',
  rulePrefix: 'CN-P9',
  title: 'China national protocol, 9th edition (28 June 2022)',
  effectiveFrom: '2022-06-28',
  effectiveTo: '2022-11-10',
  exposureWindow: { ...p8.exposureWindow, screeningWindow: true },
  management: {
    closeContact: { centralisedDays: 7, homeDays: 3, homeMode: 'monitoring', centralisedTestDays: [1, 2, 3, 5, 7], homeTestDays: [3] },
    subCloseContact: { centralisedDays: 0, homeDays: 7, homeMode: 'isolation', centralisedTestDays: [], homeTestDays: [1, 4, 7] },
    companion: { tests: 2, withinDays: 3, minHoursApart: 24 },
  },
  serialInterval: { distribution: 'gamma', meanDays: 3.06, sdDays: 2.1 },
};

const m20: ProtocolProfile = {
  ...p9,
  id: 'CN-20M-2022-11-11',
  rulePrefix: 'CN-20M',
  title: 'China "20 measures" (11 November 2022)',
  effectiveFrom: '2022-11-11',
  effectiveTo: '2022-12-06',
  subCloseContact: { ...p9.subCloseContact, enabled: false },
  management: {
    closeContact: { centralisedDays: 5, homeDays: 3, homeMode: 'isolation', centralisedTestDays: [1, 2, 3, 5], homeTestDays: [1, 3] },
    subCloseContact: null,
    companion: { tests: 2, withinDays: 3, minHoursApart: 24 },
  },
};

const n10: ProtocolProfile = {
  ...m20,
  id: 'CN-10N-2022-12-07',
  rulePrefix: 'CN-10N',
  title: 'China "new 10 measures" (7 December 2022)',
  effectiveFrom: '2022-12-07',
  effectiveTo: '2023-01-07',
  companion: { ...m20.companion, enabled: false },
  management: {
    closeContact: { centralisedDays: 0, homeDays: 5, homeMode: 'isolation', centralisedTestDays: [], homeTestDays: [5] },
    subCloseContact: null,
    companion: null,
  },
};

const classB: ProtocolProfile = {
  ...n10,
  id: 'CN-ClassB-2023-01-08',
  rulePrefix: 'CN-ClassB',
  title: 'China Class B management (8 January 2023): no close-contact determination',
  effectiveFrom: '2023-01-08',
  effectiveTo: null,
  closeContact: { ...n10.closeContact, enabled: false, household: false, investigator: false, venue: { ...n10.closeContact.venue, enabled: false }, vehicle: { ...vehicle, enabled: false } },
  management: { closeContact: none, subCloseContact: null, companion: null },
};

/** Built-in Chinese national profiles, oldest first (domain-rules §1–2). */
export const chinaProfiles: readonly ProtocolProfile[] = [p8, p9, m20, n10, classB];
