import { useCallback, useEffect, useState } from 'react';
import { ApiError } from './ApiError';

export type Loadable<T> =
  | { state: 'loading' }
  | { state: 'failed'; error: ApiError }
  | { state: 'loaded'; data: T };

/** Loads once per change of `key`; `reload` loads again. An answer to an older key is dropped. */
export function useApi<T>(load: () => Promise<T>, key: string): [Loadable<T>, () => void, (data: T) => void] {
  const [result, setResult] = useState<Loadable<T>>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let current = true;
    setResult({ state: 'loading' });
    load().then(
      (data) => current && setResult({ state: 'loaded', data }),
      (error: unknown) => current && setResult({ state: 'failed', error: asApiError(error) }),
    );
    return () => {
      current = false;
    };
    // `load` is a new closure each render; `key` says when it asks for something else.
  }, [key, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const replace = useCallback((data: T) => setResult({ state: 'loaded', data }), []);
  return [result, reload, replace];
}

export function asApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  return new ApiError(0, 'Error', error instanceof Error ? error.message : String(error));
}
