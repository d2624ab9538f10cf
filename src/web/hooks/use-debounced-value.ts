import { useEffect, useState } from 'react';

/**
 * The value once it has stopped changing for `delayMs` (a search box asks once the typing pauses).
 * Give it a primitive (the text typed): a new object at each render would never settle.
 */
export function useDebouncedValue<T>(value: T, delayMs: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return settled;
}
