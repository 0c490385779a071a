import {
  can,
  defaultQuarantineOrderTemplates,
  DomainError,
  fillQuarantineOrder,
  identifierVisibility,
  type Actor,
  type FilledOrder,
  type OrderLocale,
  type Purpose,
} from '@epigrid/core';
import { readIssuerNames, readOrderSubjects, type OrderSubject } from '@epigrid/store';
import type { Services } from '../services.js';
import { recordAudit } from './record-audit.js';

/** Largest number of people one print run may cover. */
export const MAX_ORDERS_PER_PRINT = 1000;

/** Orders are dated in China Standard Time, whatever the server's zone. */
const LOCAL_OFFSET_MS = 8 * 3600_000;

/** Input of {@link printQuarantineOrders}. */
export interface PrintOrdersInput {
  /** The people to print for, in print order (duplicates are printed once). */
  readonly personIds: readonly number[];
  readonly locale: OrderLocale;
  /** Declared purpose; it decides whether the resident ID is printed in clear. */
  readonly purpose: Purpose;
}

function localDate(at: Date, plusDays = 0): string {
  return new Date(at.getTime() + LOCAL_OFFSET_MS + plusDays * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Fills the quarantine-order template for each person: the order runs from today to the end of the
 * person's management plan (from their latest contact listing), or for the profile's close-contact
 * schedule when they have none; centralised while the plan's centralised phase lasts, home otherwise.
 * @param services - application services
 * @param actor - who prints
 * @param input - people, language, purpose
 * @returns the filled orders, in the order asked
 * @throws DomainError forbidden, validation_failed (too many), not_found or outside_jurisdiction naming the ids
 */
export async function printQuarantineOrders(services: Services, actor: Actor, input: PrintOrdersInput): Promise<FilledOrder[]> {
  const personIds = [...new Set(input.personIds)];
  const audit = { actor, action: 'quarantine_order.print', purpose: input.purpose } as const;
  if (!can(actor, 'quarantine_order.print')) {
    await recordAudit(services, { ...audit, subject: null, outcome: 'refused', details: { reason: 'forbidden', personIds } });
    throw new DomainError('forbidden', { ability: 'quarantine_order.print' });
  }
  if (personIds.length === 0 || personIds.length > MAX_ORDERS_PER_PRINT) {
    throw new DomainError('validation_failed', { field: 'personIds', reason: `give between 1 and ${MAX_ORDERS_PER_PRINT} people` });
  }
  const visibility = identifierVisibility(actor.role, input.purpose);
  const subjects = await readOrderSubjects(services.db, services.vault, actor.regionPath, personIds, visibility);
  if (subjects.outside.length > 0) {
    await recordAudit(services, { ...audit, subject: null, outcome: 'refused', details: { reason: 'outside_jurisdiction', personIds: subjects.outside } });
    throw new DomainError('outside_jurisdiction', { personIds: subjects.outside });
  }
  if (subjects.missing.length > 0) throw new DomainError('not_found', { personIds: subjects.missing });

  const now = services.now();
  const template = defaultQuarantineOrderTemplates[input.locale];
  const issuer = await readIssuerNames(services.db, actor.regionId);
  const schedule = services.profile.management.closeContact;
  const orders = subjects.found.map((s: OrderSubject) => {
    const today = localDate(now);
    const centralised = s.plan === null ? schedule.centralisedDays > 0 : s.plan.centralisedUntil !== null && s.plan.centralisedUntil >= today;
    const endDate = s.plan?.endDate ?? localDate(now, schedule.centralisedDays + schedule.homeDays);
    const address = s.address ?? template.unknown;
    return fillQuarantineOrder(template, {
      orderNo: `${today.replaceAll('-', '')}-${actor.regionId}-${s.personId}`,
      name: s.name,
      residentId: s.residentId === '' ? template.unknown : s.residentId,
      address,
      measure: template.measures[centralised ? 'centralised' : 'home'],
      place: centralised ? template.designatedSite : address,
      startDate: today,
      endDate: endDate < today ? today : endDate,
      issuer: (input.locale === 'zh' ? issuer?.nameZh : issuer?.nameEn) ?? '',
      issuedOn: today,
    });
  });
  for (const s of subjects.found) {
    await recordAudit(services, {
      ...audit,
      subject: `person:${s.personId}`,
      outcome: 'allowed',
      details: { locale: input.locale, batchSize: personIds.length, clearIdentifiers: visibility },
    });
  }
  return orders;
}
