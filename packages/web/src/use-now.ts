/** The current time, refreshed on an interval, for "time left" labels. */
import { useEffect, useState } from 'react';

/**
 * Epoch milliseconds, updated every `intervalMs`.
 * @param intervalMs - refresh interval
 */
export function useNow(intervalMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
