import { act, renderHook, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { UnitPage } from '../../features/unit/UnitPage';
import { byggesak } from '../../test/fixtures';
import { fakeService, json, renderPage } from '../../test/render';
import { ApiError } from './ApiError';
import { apiFetch, setTokenSource } from './apiFetch';
import { useApi } from './useApi';

/** A promise settled by the test, standing for an answer still on its way. */
function later<T>() {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** A page whose unit the test changes, as the router does when the user picks another one. */
function ChosenUnit({ first, then }: { first: string; then: string }) {
  const [unitId, setUnitId] = useState(first);
  return (
    <>
      <button onClick={() => setUnitId(then)}>{then}</button>
      <UnitPage unitId={unitId} />
    </>
  );
}

describe('requests cancelled on navigation', () => {
  it('useApi_KeyChanges_AbortsTheFirstRequestAndDropsItsLateAnswer', async () => {
    const answers = { a: later<string>(), b: later<string>() };
    const signals: Record<string, AbortSignal> = {};
    const { result, rerender } = renderHook(({ key }: { key: 'a' | 'b' }) =>
      useApi((signal) => {
        signals[key] = signal;
        return answers[key].promise;
      }, key),
    { initialProps: { key: 'a' } });

    rerender({ key: 'b' });
    await act(async () => {
      answers.b.resolve('answer to b');
      answers.a.resolve('late answer to a');
      await Promise.all([answers.a.promise, answers.b.promise]);
    });

    expect(signals.a?.aborted).toBe(true);
    expect(signals.b?.aborted).toBe(false);
    expect(result.current[0]).toEqual({ state: 'loaded', data: 'answer to b' });
  });

  it('useApi_KeyChanges_TheFirstRequestsFailureIsNeverShown', async () => {
    const answers = { a: later<string>(), b: later<string>() };
    let renders = 0;
    const { result, rerender } = renderHook(
      ({ key }: { key: 'a' | 'b' }) => {
        renders += 1;
        return useApi(() => answers[key].promise, key);
      },
      { initialProps: { key: 'a' } },
    );

    rerender({ key: 'b' });
    const rendersBefore = renders;
    await act(async () => {
      answers.a.reject(new ApiError(500, 'Server error'));
      await answers.a.promise.catch(() => undefined);
    });

    expect(result.current[0]).toEqual({ state: 'loading' });
    expect(renders).toBe(rendersBefore);
  });

  it('useApi_Unmounted_AbortsItsRequestAndSetsNoState', async () => {
    const answer = later<string>();
    let signal: AbortSignal | undefined;
    let renders = 0;
    const { unmount } = renderHook(() => {
      renders += 1;
      return useApi((s) => {
        signal = s;
        return answer.promise;
      }, 'only');
    });
    const rendersBefore = renders;

    unmount();
    await act(async () => {
      answer.resolve('too late');
      await answer.promise;
    });

    expect(signal?.aborted).toBe(true);
    expect(renders).toBe(rendersBefore);
  });

  it('apiFetch_AbortedWhileTheAnswerIsOnItsWay_RejectsAsAbortNotAsAnApiError', async () => {
    setTokenSource(() => Promise.resolve('t'));
    const answer = later<Response>();
    fakeService({ 'GET /api/tab/me': () => answer.promise });
    const controller = new AbortController();

    const request = apiFetch('/api/tab/me', { signal: controller.signal }).catch((error: unknown) => error);
    await Promise.resolve();
    controller.abort();
    answer.resolve(json({ name: 'too late' }));

    const error = await request;
    expect(error).not.toBeInstanceOf(ApiError);
    expect((error as DOMException).name).toBe('AbortError');
  });

  it('apiFetch_AbortedWhileGettingTheToken_SendsNothing', async () => {
    const token = later<string>();
    setTokenSource(() => token.promise);
    const service = fakeService({ 'GET /api/tab/me': json({}) });
    const controller = new AbortController();

    const request = apiFetch('/api/tab/me', { signal: controller.signal }).catch((error: unknown) => error);
    controller.abort();
    token.resolve('t');

    expect(((await request) as DOMException).name).toBe('AbortError');
    expect(service.calls).toHaveLength(0);
  });

  it('unitPage_AnotherUnitChosenBeforeTheFirstAnswers_AbortsItAndShowsOnlyTheSecond', async () => {
    const first = later<Response>();
    const service = fakeService({
      'GET /api/tab/units/byggesak': () => first.promise,
      'GET /api/tab/units/servicetorget': json({ ...byggesak, id: 'servicetorget', name: 'Servicetorget' }),
    });
    renderPage(<ChosenUnit first="byggesak" then="servicetorget" />);
    await act(() => Promise.resolve());

    await userEvent.click(screen.getByRole('button', { name: 'servicetorget' }));
    await screen.findByRole('heading', { level: 1, name: 'Servicetorget' });
    await act(async () => {
      first.resolve(json(byggesak));
      await first.promise;
    });

    // The unit's own reads; the coordinator's page also asks for the unit's form (for its edit button).
    expect(service.calls.filter((call) => call.url.startsWith('/api/tab/units/')).map((call) => [call.url, call.signal?.aborted])).toEqual([
      ['/api/tab/units/byggesak', true],
      ['/api/tab/units/servicetorget', false],
    ]);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Servicetorget');
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
