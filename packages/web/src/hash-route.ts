/**
 * Minimal hash-based routing: `#/` is the search page, `#/person/<id>?purpose=<purpose>` a person's record,
 * `#/cases?purpose=<purpose>` the case list, `#/case/<id>?purpose=<purpose>` a case and its contacts,
 * `#/chains` the transmission chains, `#/risk-areas` the public risk-area list (and, for importers, other
 * jurisdictions' lists), `#/review` appeals and overrides,
 * `#/reviews` the identity review queue, `#/imports` import batches and their rejected rows, `#/pass` the holder's own pass, `#/verify` the pass verifier (no
 * sign-in), `#/place-code/<id>` a venue's printable place code, `#/grid` the grid-worker app
 * (`#/grid/task/<id>` one task), `#/progress` the progress view (`#/progress/<code>/<code>…` drilled down
 * through child regions).
 */
import { useEffect, useState } from 'react';
import { isPurpose } from '@epigrid/core';
import type { Purpose } from '@epigrid/core';

/** Where the app is. */
export type Route =
  | { readonly name: 'home' }
  | { readonly name: 'person'; readonly id: number; readonly purpose: Purpose | null }
  | { readonly name: 'cases'; readonly purpose: Purpose | null }
  | { readonly name: 'case'; readonly id: number; readonly purpose: Purpose | null }
  | { readonly name: 'chains' }
  | { readonly name: 'risk-areas' }
  | { readonly name: 'review' }
  | { readonly name: 'reviews' }
  | { readonly name: 'imports' }
  | { readonly name: 'pass' }
  | { readonly name: 'verify' }
  | { readonly name: 'placeCode'; readonly id: number | null }
  | { readonly name: 'grid'; readonly taskId: number | null }
  | { readonly name: 'progress'; readonly trail: readonly string[] };

/** The top-level sections the navigation offers. */
export type Section = 'search' | 'cases' | 'chains' | 'risk-areas' | 'review' | 'reviews' | 'imports' | 'placeCodes' | 'grid' | 'progress';

function purposeOf(query: string | undefined): Purpose | null {
  const purpose = new URLSearchParams(query ?? '').get('purpose');
  return purpose !== null && isPurpose(purpose) ? purpose : null;
}

/**
 * Parses a location hash into a route; anything unknown is the home page.
 * @param hash - `location.hash`
 */
export function parseHash(hash: string): Route {
  const person = /^#\/person\/(\d+)(?:\?(.*))?$/.exec(hash);
  if (person !== null) return { name: 'person', id: Number(person[1]), purpose: purposeOf(person[2]) };
  const cases = /^#\/cases(?:\?(.*))?$/.exec(hash);
  if (cases !== null) return { name: 'cases', purpose: purposeOf(cases[1]) };
  const one = /^#\/case\/(\d+)(?:\?(.*))?$/.exec(hash);
  if (one !== null) return { name: 'case', id: Number(one[1]), purpose: purposeOf(one[2]) };
  if (/^#\/chains\/?$/.test(hash)) return { name: 'chains' };
  if (/^#\/risk-areas\/?$/.test(hash)) return { name: 'risk-areas' };
  if (/^#\/review\/?$/.test(hash)) return { name: 'review' };
  if (/^#\/pass\/?$/.test(hash)) return { name: 'pass' };
  if (/^#\/verify\/?$/.test(hash)) return { name: 'verify' };
  const placeCode = /^#\/place-code(?:\/(\d+))?\/?$/.exec(hash);
  if (placeCode !== null) return { name: 'placeCode', id: placeCode[1] === undefined ? null : Number(placeCode[1]) };
  if (/^#\/reviews\/?$/.test(hash)) return { name: 'reviews' };
  if (/^#\/imports\/?$/.test(hash)) return { name: 'imports' };
  const grid = /^#\/grid(?:\/task\/(\d+))?\/?$/.exec(hash);
  if (grid !== null) return { name: 'grid', taskId: grid[1] === undefined ? null : Number(grid[1]) };
  const progress = /^#\/progress((?:\/[\w-]+)*)\/?$/.exec(hash);
  if (progress !== null) return { name: 'progress', trail: (progress[1] ?? '').split('/').filter((code) => code !== '') };
  return { name: 'home' };
}

/**
 * The navigation section a route belongs to (a person's page belongs to the search).
 * @param route - current route
 */
export function sectionOf(route: Route): Section {
  if (route.name === 'cases' || route.name === 'case') return 'cases';
  if (route.name === 'chains' || route.name === 'risk-areas' || route.name === 'review' || route.name === 'reviews') return route.name;
  if (route.name === 'imports') return 'imports';
  if (route.name === 'grid' || route.name === 'progress') return route.name;
  if (route.name === 'placeCode') return 'placeCodes';
  return 'search';
}

function withPurpose(path: string, purpose: Purpose | null): string {
  return purpose === null ? path : `${path}?purpose=${purpose}`;
}

/**
 * The hash of a person's page.
 * @param id - person id
 * @param purpose - declared purpose, if already chosen
 */
export function personHash(id: number, purpose: Purpose | null): string {
  return withPurpose(`#/person/${id}`, purpose);
}

/**
 * The hash of the case list.
 * @param purpose - declared purpose, if already chosen
 */
export function casesHash(purpose: Purpose | null): string {
  return withPurpose('#/cases', purpose);
}

/**
 * The hash of a case page.
 * @param id - case report row id
 * @param purpose - declared purpose, if already chosen
 */
export function caseHash(id: number, purpose: Purpose | null): string {
  return withPurpose(`#/case/${id}`, purpose);
}

/** The hash of the search page. */
export const homeHash = '#/';

/** The hash of the public risk-area list. */
export const riskAreasHash = '#/risk-areas';

/** The hash of the reviewers' page (appeals, overrides). */
export const reviewHash = '#/review';

/** The hash of the transmission chains page. */
export const chainsHash = '#/chains';

/** The hash of the holder's own pass. */
export const passHash = '#/pass';

/** The hash of the pass verifier. */
export const verifyHash = '#/verify';

/**
 * The hash of a venue's printable place code.
 * @param id - venue id, or null for the page that asks for one
 */
export function placeCodeHash(id: number | null): string {
  return id === null ? '#/place-code' : `#/place-code/${id}`;
}

/** The hash of the identity review queue. */
export const reviewsHash = '#/reviews';

/** The hash of the imports page (import batches and their rejected rows). */
export const importsHash = '#/imports';

/** The hash of the grid-worker app's task list. */
export const gridHash = '#/grid';

/**
 * The hash of one task in the grid-worker app.
 * @param id - task id
 */
export function gridTaskHash(id: number): string {
  return `#/grid/task/${id}`;
}

/**
 * The hash of the progress view drilled down through child regions.
 * @param trail - region codes from the user's region down; empty = the user's region
 */
export function progressHash(trail: readonly string[]): string {
  return ['#/progress', ...trail.map(encodeURIComponent)].join('/');
}

/**
 * Navigates to a hash.
 * @param hash - target hash, e.g. from {@link personHash}
 */
export function navigate(hash: string): void {
  if (window.location.hash !== hash) window.location.hash = hash;
}

/** The current route, updated on every hash change. */
export function useHashRoute(): Route {
  const [route, setRoute] = useState<Route>(() => parseHash(window.location.hash));
  useEffect(() => {
    const update = (): void => setRoute(parseHash(window.location.hash));
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return route;
}
