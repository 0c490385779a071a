/**
 * Minimal hash-based routing: `#/` is the search page, `#/person/<id>?purpose=<purpose>` a person's record.
 */
import { useEffect, useState } from 'react';
import { isPurpose } from '@epigrid/core';
import type { Purpose } from '@epigrid/core';

/** Where the app is. */
export type Route = { readonly name: 'home' } | { readonly name: 'person'; readonly id: number; readonly purpose: Purpose | null };

/**
 * Parses a location hash into a route; anything unknown is the home page.
 * @param hash - `location.hash`
 */
export function parseHash(hash: string): Route {
  const match = /^#\/person\/(\d+)(?:\?(.*))?$/.exec(hash);
  if (match === null) return { name: 'home' };
  const purpose = new URLSearchParams(match[2] ?? '').get('purpose');
  return { name: 'person', id: Number(match[1]), purpose: purpose !== null && isPurpose(purpose) ? purpose : null };
}

/**
 * The hash of a person's page.
 * @param id - person id
 * @param purpose - declared purpose, if already chosen
 */
export function personHash(id: number, purpose: Purpose | null): string {
  return purpose === null ? `#/person/${id}` : `#/person/${id}?purpose=${purpose}`;
}

/** The hash of the search page. */
export const homeHash = '#/';

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
