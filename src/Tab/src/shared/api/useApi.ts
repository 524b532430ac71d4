import { useCallback, useEffect, useEffectEvent, useState } from 'react';
import { ApiError } from './ApiError';

export type Loadable<T> =
  | { state: 'loading' }
  | { state: 'failed'; error: ApiError }
  | { state: 'loaded'; data: T };

const loading: Loadable<never> = { state: 'loading' };

/**
 * Loads once per change of `key`; `reload` loads again. `load` gets a signal that is aborted when the page unmounts or
 * `key` changes: the request is cancelled, and its answer or failure is dropped, so it neither sets state nor shows an error.
 */
export function useApi<T>(load: (signal: AbortSignal) => Promise<T>, key: string): [Loadable<T>, () => void, (data: T) => void] {
  const [attempt, setAttempt] = useState(0);
  const request = `${attempt}:${key}`;
  // Each answer is kept with the request it answers, so a new key or a reload reads as loading until its own answer.
  const [result, setResult] = useState<{ request: string; loadable: Loadable<T> } | null>(null);
  // `load` is a new closure each render; `key` says when it asks for something else.
  const start = useEffectEvent((signal: AbortSignal) => load(signal));

  useEffect(() => {
    const controller = new AbortController();
    start(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setResult({ request, loadable: { state: 'loaded', data } });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setResult({ request, loadable: { state: 'failed', error: asApiError(error) } });
      },
    );
    return () => controller.abort();
  }, [request]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const replace = useCallback((data: T) => setResult({ request, loadable: { state: 'loaded', data } }), [request]);
  return [result?.request === request ? result.loadable : loading, reload, replace];
}

export function asApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  return new ApiError(0, 'Error', error instanceof Error ? error.message : String(error));
}
