/**
 * Minimal hash-based routing: `#/` is the search page, `#/person/<id>?purpose=<purpose>` a person's record,
 * `#/cases?purpose=<purpose>` the case list, `#/case/<id>?purpose=<purpose>` a case and its contacts,
 * `#/chains` the transmission chains, `#/grid` the grid-worker app (`#/grid/task/<id>` one task), `#/progress`
 * the progress view (`#/progress/<code>/<code>…` drilled down through child regions).
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
  | { readonly name: 'grid'; readonly taskId: number | null }
  | { readonly name: 'progress'; readonly trail: readonly string[] };

/** The top-level sections the navigation offers. */
export type Section = 'search' | 'cases' | 'chains' | 'grid' | 'progress';

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
  if (route.name === 'chains') return 'chains';
  if (route.name === 'grid' || route.name === 'progress') return route.name;
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

/** The hash of the transmission chains page. */
export const chainsHash = '#/chains';

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
