import { describe, expect, it, vi } from 'vitest';
import { fakeService, json, problem } from '../../test/render';
import { ApiError } from './ApiError';
import { apiDownload, apiFetch, onUnauthorized, setTokenSource } from './apiFetch';
import { tabApi } from './tabApi';

describe('apiFetch', () => {
  it('apiFetch_SignedIn_SendsTheBearerTokenAndJsonBody', async () => {
    setTokenSource(() => Promise.resolve('token-123'));
    const service = fakeService({ 'POST /api/tab/actionplan': json({ id: 'r9' }, 201) });

    const row = await apiFetch<{ id: string }>('/api/tab/actionplan', { method: 'POST', json: { challenge: 'C' } });

    expect(row).toEqual({ id: 'r9' });
    const call = service.calls[0]!;
    expect(call.headers.get('Authorization')).toBe('Bearer token-123');
    expect(call.headers.get('Content-Type')).toBe('application/json');
    expect(call.body).toEqual({ challenge: 'C' });
  });

  it('apiFetch_ValidationProblem_ThrowsApiErrorWithFieldErrorsByCamelCaseName', async () => {
    setTokenSource(() => Promise.resolve('t'));
    fakeService({
      'POST /api/tab/actionplan': problem(400, {
        title: 'One or more validation errors occurred.',
        detail: 'Check the fields.',
        errors: { Challenge: ['The challenge is required.'], '$.deadline': ['Not a date.', 'Must be in the future.'] },
      }),
    });

    const error = await apiFetch('/api/tab/actionplan', { method: 'POST', json: {} }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiError);
    const apiError = error as ApiError;
    expect(apiError.status).toBe(400);
    expect(apiError.title).toBe('One or more validation errors occurred.');
    expect(apiError.detail).toBe('Check the fields.');
    expect(apiError.fieldError('challenge')).toBe('The challenge is required.');
    expect(apiError.fieldErrors['deadline']).toEqual(['Not a date.', 'Must be in the future.']);
    expect(apiError.isConflict).toBe(false);
  });

  it('apiFetch_NestedFieldErrors_KeepsEachFieldsPathAndItsShortName', async () => {
    setTokenSource(() => Promise.resolve('t'));
    fakeService({
      'PUT /api/tab/organisation/units/byggesak': problem(400, {
        title: 'Check the highlighted fields',
        errors: { 'boardMeeting.time': ['Write the time as HH:MM.'], 'goals[1].supports': ['No such goal.'], name: ['Fill in.'] },
      }),
    });

    const error = (await apiFetch('/api/tab/organisation/units/byggesak', { method: 'PUT', json: {} }).catch((e: unknown) => e)) as ApiError;

    expect(error.fieldErrorAt('boardMeeting.time')).toBe('Write the time as HH:MM.');
    expect(error.fieldErrorAt('goals[1].supports')).toBe('No such goal.');
    expect(error.fieldErrorAt('goals[0].supports')).toBeUndefined();
    expect(error.fieldErrorAt('name')).toBe('Fill in.');
    // The callers that know a field by its last name still find it.
    expect(error.fieldError('time')).toBe('Write the time as HH:MM.');
  });

  it('apiFetch_PreconditionFailed_IsAConflict', async () => {
    setTokenSource(() => Promise.resolve('t'));
    fakeService({ 'PUT /api/tab/actionplan/r1': problem(412, { title: 'The row was changed meanwhile.' }) });

    const error = (await apiFetch('/api/tab/actionplan/r1', { method: 'PUT', json: {} }).catch((e: unknown) => e)) as ApiError;

    expect(error.status).toBe(412);
    expect(error.isConflict).toBe(true);
    expect(error.title).toBe('The row was changed meanwhile.');
  });

  it('apiFetch_ErrorWithoutProblemBody_UsesTheStatusLine', async () => {
    setTokenSource(() => Promise.resolve('t'));
    fakeService({ 'GET /api/tab/me': new Response('<html>oops</html>', { status: 502, statusText: 'Bad Gateway', headers: { 'Content-Type': 'text/html' } }) });

    const error = (await apiFetch('/api/tab/me').catch((e: unknown) => e)) as ApiError;

    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(502);
    expect(error.title).toBe('Bad Gateway');
  });

  it('apiFetch_NoContent_ReturnsUndefined', async () => {
    setTokenSource(() => Promise.resolve('t'));
    fakeService({ 'DELETE /api/tab/actionplan/r1': new Response(null, { status: 204 }) });

    await expect(apiFetch('/api/tab/actionplan/r1', { method: 'DELETE' })).resolves.toBeUndefined();
  });

  it('apiFetch_Unauthorized_TellsTheListeners', async () => {
    setTokenSource(() => Promise.resolve('expired'));
    fakeService({ 'GET /api/tab/me': problem(401, { title: 'Unauthorized' }) });
    const listener = vi.fn();
    const unsubscribe = onUnauthorized(listener);

    await expect(apiFetch('/api/tab/me')).rejects.toMatchObject({ status: 401 });
    unsubscribe();

    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('apiFetch_NoTokenSource_FailsWithoutCallingTheService', async () => {
    const service = fakeService({ 'GET /api/tab/me': json({}) });

    await expect(apiFetch('/api/tab/me')).rejects.toMatchObject({ status: 401 });

    expect(service.calls).toHaveLength(0);
  });

  it('apiFetch_TeamsRefusesAToken_FailsAs401WithTheReason', async () => {
    // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- Teams rejects with a bare string; this is that.
    setTokenSource(() => Promise.reject('resourceRequiresConsent'));
    fakeService({});

    await expect(apiFetch('/api/tab/me')).rejects.toMatchObject({ status: 401, detail: 'resourceRequiresConsent' });
  });

  it('apiFetch_NetworkDown_FailsWithStatusZero', async () => {
    setTokenSource(() => Promise.resolve('t'));
    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('Failed to fetch')));

    await expect(apiFetch('/api/tab/me')).rejects.toMatchObject({ status: 0, detail: 'Failed to fetch' });
  });

  it('devSignIn_IsSentWithoutAToken', async () => {
    const service = fakeService({ 'POST /api/tab/dev-signin': json({ token: 'dev', name: 'Jonas Vik' }) });

    await expect(tabApi.devSignIn('lean.koordinator@fjordvik.kommune.no')).resolves.toEqual({ token: 'dev', name: 'Jonas Vik' });

    expect(service.calls[0]!.headers.has('Authorization')).toBe(false);
    expect(service.calls[0]!.body).toEqual({ email: 'lean.koordinator@fjordvik.kommune.no', tenantId: null });
  });

  it('apiDownload_NamesTheFileAsTheServiceDoes', async () => {
    setTokenSource(() => Promise.resolve('t'));
    const service = fakeService({
      'GET /api/tab/reports/2026-Q3.csv': new Response('\uFEFFa;b\n', {
        headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': "attachment; filename=lean.csv; filename*=UTF-8''lean-2026-Q3%C3%A5.csv" },
      }),
    });

    const file = await apiDownload('/api/tab/reports/2026-Q3.csv');

    expect(file.fileName).toBe('lean-2026-Q3å.csv');
    expect(file.blob.size).toBeGreaterThan(0);
    expect(service.calls[0]!.headers.get('Authorization')).toBe('Bearer t');
  });
});
