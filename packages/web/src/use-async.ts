/** A small hook for loading data from the API with loading and error states. */
import { useEffect, useState } from 'react';
import type { DependencyList } from 'react';
import { ApiError } from './api-client.js';

/** The state of an asynchronous load. */
export interface AsyncState<T> {
  readonly data: T | null;
  readonly error: ApiError | null;
  readonly loading: boolean;
}

function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  return new ApiError(0, 'internal', error instanceof Error ? error.message : String(error));
}

/**
 * Runs `load` whenever `deps` change and tracks its result; stale results are dropped.
 * @param load - returns the promise to await, or null to load nothing
 * @param deps - when to reload
 */
export function useAsync<T>(load: () => Promise<T> | null, deps: DependencyList): AsyncState<T> {
  const [state, setState] = useState<AsyncState<T>>({ data: null, error: null, loading: false });
  useEffect(() => {
    const promise = load();
    if (promise === null) {
      setState({ data: null, error: null, loading: false });
      return undefined;
    }
    let current = true;
    setState((previous) => ({ data: previous.data, error: null, loading: true }));
    promise.then(
      (data) => {
        if (current) setState({ data, error: null, loading: false });
      },
      (error: unknown) => {
        if (current) setState({ data: null, error: toApiError(error), loading: false });
      },
    );
    return () => {
      current = false;
    };
    // The caller lists the dependencies of `load` in `deps`.
  }, deps);
  return state;
}
