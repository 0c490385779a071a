import { z } from 'zod';
import type { PersonPage, PersonWithHousehold } from '@epigrid/store';

/** The fields of a person a client may receive, and nothing else (whitelist). */
export const personViewSchema = z.object({
  id: z.number(),
  name: z.string(),
  sex: z.enum(['male', 'female']),
  birthDate: z.string(),
  residentId: z.string(),
  residentIdMasked: z.boolean(),
  phone: z.string().nullable(),
  phoneMasked: z.boolean(),
  householdId: z.number().nullable(),
  address: z.string().nullable(),
  gridId: z.number(),
  gridName: z.string(),
  regionPath: z.string(),
  workplaceId: z.number().nullable(),
  workplaceName: z.string().nullable(),
  schoolId: z.number().nullable(),
  schoolName: z.string().nullable(),
  occupation: z.string().nullable(),
  householdMembers: z.array(z.object({ id: z.number(), name: z.string(), sex: z.enum(['male', 'female']), birthDate: z.string() })),
});

/** A search result line: never an identifier in clear. */
export const personSummarySchema = z.object({
  id: z.number(),
  name: z.string(),
  sex: z.enum(['male', 'female']),
  birthDate: z.string(),
  residentIdMasked: z.string(),
  gridId: z.number(),
  gridName: z.string(),
});

/** A page of search results. */
export const personPageSchema = z.object({ items: z.array(personSummarySchema), total: z.number(), totalExact: z.boolean() });

/**
 * Presents a person: copies only whitelisted fields.
 * @param person - the record read under the caller's visibility
 */
export function presentPerson(person: PersonWithHousehold): z.infer<typeof personViewSchema> {
  return personViewSchema.parse(person);
}

/**
 * Presents a page of search results.
 * @param page - the page read from the directory
 */
export function presentPersonPage(page: PersonPage): z.infer<typeof personPageSchema> {
  return personPageSchema.parse(page);
}
