import { useCallback, useEffect, useRef, useState, type DependencyList } from 'react';
import type { EndpointDefinition, ResponseOf } from '../../shared/api/endpoint';
import { call, type CallInput } from '../api/client';
import { useSession } from '../session/session-context';

export interface ApiQuery<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  /** Asks again (after a write that changed what the page shows). */
  reload(): void;
  /** Replaces the data in place (an answer from a write, a "load more" page). */
  setData(update: T | ((previous: T | undefined) => T)): void;
}

export interface ApiQueryOptions {
  /** false: do not ask yet (a required input is missing); the previous data is cleared. */
  enabled?: boolean;
}

/**
 * Reads one operation of the contract and keeps its latest answer.
 *
 * - Only the newest request counts: each run aborts the previous one and a sequence number drops
 *   any answer that still arrives late (typing in a search box must not show an older result).
 * - It runs again when the current office changes (the header's office switcher): the lists of
 *   one office must not stay on screen after moving to another.
 */
export function useApiQuery<E extends EndpointDefinition>(
  endpoint: E,
  input: Omit<CallInput<E>, 'signal'>,
  deps: DependencyList,
  options: ApiQueryOptions = {},
): ApiQuery<ResponseOf<E>> {
  const { session } = useSession();
  const officeId = session?.currentOfficeId ?? null;
  const enabled = options.enabled ?? true;
  const [data, setDataState] = useState<ResponseOf<E> | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(enabled);
  const [generation, setGeneration] = useState(0);
  const sequence = useRef(0);
  // The input of the render that triggered the run; the caller's deps say when it changed.
  const inputRef = useRef(input);
  inputRef.current = input;

  useEffect(() => {
    const mine = ++sequence.current;
    if (!enabled) {
      setDataState(undefined);
      setLoading(false);
      return;
    }
    const controller = new AbortController();
    setLoading(true);
    setError(null);
    const args = { ...inputRef.current, signal: controller.signal } as CallInput<E>;
    (call as (e: E, i: CallInput<E>) => Promise<ResponseOf<E>>)(endpoint, args).then(
      (answer) => {
        if (mine !== sequence.current) return;
        setDataState(answer);
        setLoading(false);
      },
      (err: unknown) => {
        if (mine !== sequence.current || controller.signal.aborted) return;
        setError(err);
        setLoading(false);
      },
    );
    return () => controller.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [endpoint, officeId, enabled, generation, ...deps]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  const setData = useCallback((update: ResponseOf<E> | ((previous: ResponseOf<E> | undefined) => ResponseOf<E>)) => {
    setDataState((previous) =>
      typeof update === 'function' ? (update as (p: ResponseOf<E> | undefined) => ResponseOf<E>)(previous) : update,
    );
  }, []);

  return { data, error, loading, reload, setData };
}
