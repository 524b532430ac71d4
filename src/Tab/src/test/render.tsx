import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { vi } from 'vitest';
import { setTokenSource } from '../shared/api/apiFetch';
import { MeContext } from '../shared/api/MeContext';
import type { Me } from '../shared/api/types';
import { I18nProvider } from '../shared/i18n/i18n';
import type { Locale } from '../shared/i18n/locale';
import { coordinator } from './fixtures';

/** Renders a page as the app does: theme, language, the signed-in person, and a token for apiFetch. */
export function renderPage(ui: ReactElement, { me = coordinator, locale = 'nb' }: { me?: Me; locale?: Locale } = {}) {
  setTokenSource(() => Promise.resolve('test-token'));
  return render(
    <FluentProvider theme={teamsLightTheme}>
      <I18nProvider locale={locale}>
        <MeContext.Provider value={me}>{ui}</MeContext.Provider>
      </I18nProvider>
    </FluentProvider>,
  );
}

export interface Call {
  method: string;
  url: string;
  headers: Headers;
  body: unknown;
}

type Answer = Response | ((call: Call) => Response);

/**
 * Stands in for the service at the fetch seam: answers "METHOD /path?query" from the table, 404 otherwise, and
 * records every call with its headers and JSON body.
 */
export function fakeService(routes: Record<string, Answer>) {
  const calls: Call[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const method = (init.method ?? 'GET').toUpperCase();
    const call: Call = { method, url, headers: new Headers(init.headers), body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined };
    calls.push(call);
    const answer = routes[`${method} ${url}`];
    if (!answer) return problem(404, { title: 'Not Found' });
    return typeof answer === 'function' ? answer(call) : answer.clone();
  });
  vi.stubGlobal('fetch', fetchMock);
  return { calls };
}

export function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json; charset=utf-8' } });
}

export function problem(status: number, body: Record<string, unknown>): Response {
  return new Response(JSON.stringify({ status, ...body }), { status, headers: { 'Content-Type': 'application/problem+json' } });
}
