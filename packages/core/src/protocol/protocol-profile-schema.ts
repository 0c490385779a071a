import { z } from 'zod';
import type { ProtocolProfile } from './protocol-profile.js';

const days = z.number().int().min(0).max(60);
const isoDate = z.iso.date();

const threshold = z.strictObject({
  minutes: z.number().min(0).max(24 * 60),
  comparison: z.enum(['at-least', 'more-than']),
});

const venueRule = z.strictObject({
  enabled: z.boolean(),
  threshold,
  accumulation: z.enum(['contiguous', 'cumulative-24h']),
  openEndedStayMinutes: z.number().int().min(0).max(24 * 60),
});

const schedule = z
  .strictObject({
    centralisedDays: days,
    homeDays: days,
    homeMode: z.enum(['none', 'monitoring', 'isolation']),
    centralisedTestDays: z.array(z.number().int().min(0)),
    homeTestDays: z.array(z.number().int().min(1)),
  })
  .superRefine((s, ctx) => {
    s.centralisedTestDays.forEach((d, i) => {
      if (d > s.centralisedDays) ctx.addIssue({ code: 'custom', path: ['centralisedTestDays', i], message: `test day ${d} is after the last centralised day (${s.centralisedDays})` });
    });
    s.homeTestDays.forEach((d, i) => {
      if (d > s.homeDays) ctx.addIssue({ code: 'custom', path: ['homeTestDays', i], message: `test day ${d} is after the last home day (${s.homeDays})` });
    });
    if (s.homeDays > 0 && s.homeMode === 'none') ctx.addIssue({ code: 'custom', path: ['homeMode'], message: 'home days need a home mode (monitoring or isolation)' });
  });

/** The zod schema of a {@link ProtocolProfile}; unknown keys are refused so typos surface. */
export const protocolProfileSchema: z.ZodType<ProtocolProfile> = z
  .strictObject({
    id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{1,63}$/, 'letters, digits, dot, dash or underscore (2–64)'),
    rulePrefix: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$/, 'letters, digits, dot, dash or underscore (1–32)'),
    title: z.string().min(1),
    jurisdiction: z.string().min(1),
    effectiveFrom: isoDate,
    effectiveTo: isoDate.nullable(),
    dayCounting: z.strictObject({ lastExposureDay: z.union([z.literal(0), z.literal(1)]) }),
    exposureWindow: z.strictObject({
      daysBeforeOnset: days,
      daysBeforeSampling: days,
      maxDaysAfterAnchor: days.nullable(),
      screeningWindow: z.boolean(),
    }),
    closeContact: z.strictObject({
      enabled: z.boolean(),
      household: z.boolean(),
      venue: venueRule,
      vehicle: z.strictObject({
        enabled: z.boolean(),
        planeRowRadius: z.number().int().min(0).max(100),
        // Optional in files written before these switches existed; the defaults keep their meaning.
        planeSeatRadius: z.number().int().min(0).max(20).nullable().default(null),
        planeWithoutHepa: z.enum(['seating', 'whole-cabin']).default('seating'),
        trainEnclosed: z.literal('same-carriage'),
        trainOpenBayRadius: z.number().int().min(0).max(20),
        trainRowsPerBay: z.number().int().min(1).max(10),
        coachSealed: z.literal('whole-vehicle'),
        coachOpenRowRadius: z.number().int().min(0).max(50),
        ship: z.literal('same-cabin'),
      }),
      investigator: z.boolean(),
    }),
    subCloseContact: z.strictObject({ enabled: z.boolean(), household: z.boolean(), venue: venueRule }),
    companion: z.strictObject({
      enabled: z.boolean(),
      h3Resolution: z.number().int().min(0).max(8),
      threshold,
      lookBackDays: z.number().int().min(1).max(60),
      dwell: z.discriminatedUnion('kind', [
        z.strictObject({ kind: z.literal('off') }),
        z.strictObject({ kind: z.enum(['and', 'or']), hours: z.number().positive().max(24 * 60) }),
      ]),
    }),
    management: z.strictObject({
      closeContact: schedule,
      subCloseContact: schedule.nullable(),
      companion: z
        .strictObject({ tests: z.number().int().min(1).max(20), withinDays: z.number().int().min(1).max(30), minHoursApart: z.number().min(0).max(240) })
        .nullable(),
      // Optional: a profile that states no tolerance counts only samples of the planned local day.
      testDayToleranceHours: z.number().min(0).max(24).optional(),
    }),
    serialInterval: z.strictObject({
      distribution: z.literal('gamma'),
      meanDays: z.number().positive().max(30),
      sdDays: z.number().positive().max(30),
    }),
  })
  .superRefine((p, ctx) => {
    if (p.effectiveTo !== null && p.effectiveTo < p.effectiveFrom) {
      ctx.addIssue({ code: 'custom', path: ['effectiveTo'], message: `must not be before effectiveFrom (${p.effectiveFrom})` });
    }
    if (p.subCloseContact.enabled && p.management.subCloseContact === null) {
      ctx.addIssue({ code: 'custom', path: ['management', 'subCloseContact'], message: 'required when sub-close contacts are identified' });
    }
    if (p.subCloseContact.enabled && !p.closeContact.enabled) {
      ctx.addIssue({ code: 'custom', path: ['subCloseContact', 'enabled'], message: 'sub-close contacts need close contacts' });
    }
    if (p.companion.enabled && p.management.companion === null) {
      ctx.addIssue({ code: 'custom', path: ['management', 'companion'], message: 'required when companions are identified' });
    }
  });
