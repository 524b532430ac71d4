import { createDOMRenderer, FluentProvider, RendererProvider, teamsLightTheme } from '@fluentui/react-components';
import { render, screen, waitFor } from '@testing-library/react';
import type { ReactElement } from 'react';
import { expect, vi } from 'vitest';
import { setTokenSource } from '../shared/api/apiFetch';
import { MeContext } from '../shared/api/MeContext';
import type { Me } from '../shared/api/types';
import { I18nProvider } from '../shared/i18n/i18n';
import type { Locale } from '../shared/i18n/locale';
import { coordinator } from './fixtures';

/**
 * Fluent's styles as jsdom needs them: only the rules that set `display` or `visibility`, which decide what the
 * queries count as hidden (Fluent's atomic CSS has one declaration per rule). jsdom has no layout, so the other few
 * hundred rules change nothing a test can see, yet it matches every rule against every element for each style it
 * is asked for, and forgets them all at any DOM change: each *ByRole poll after a render paid for all of them again.
 */
export const testStyles = createDOMRenderer(document, {
  unstable_filterCSSRule: (rule) => /[{;]\s*(display|visibility)\s*:/.test(rule),
});

/** Renders a page as the app does: theme, language, the signed-in person, and a token for apiFetch. */
export function renderPage(ui: ReactElement, { me = coordinator, locale = 'nb' }: { me?: Me; locale?: Locale } = {}) {
  setTokenSource(() => Promise.resolve('test-token'));
  return render(
    <RendererProvider renderer={testStyles} targetDocument={document}>
      <FluentProvider theme={teamsLightTheme}>
        <I18nProvider locale={locale}>
          <MeContext.Provider value={me}>{ui}</MeContext.Provider>
        </I18nProvider>
      </FluentProvider>
    </RendererProvider>,
  );
}

/**
 * The page's heading once the page has opened. The heading is drawn first and takes focus a moment later (its effect,
 * to announce the page); a control a test focuses before then loses focus to it again, and the test's key goes to
 * the heading. On a loaded machine that moment comes after the test has found the heading.
 */
export async function pageOpened(name?: string): Promise<HTMLElement> {
  const heading = await screen.findByRole('heading', name === undefined ? { level: 1 } : { level: 1, name });
  await waitFor(() => expect(document.activeElement).toBe(heading));
  return heading;
}

export interface Call {
  method: string;
  url: string;
  headers: Headers;
  body: unknown;
  /** The signal the request was sent with: aborted when the page that asked went away or asked for something else. */
  signal: AbortSignal | null;
}

/** A response, or one made for the call (a promise for an answer that is still on its way). */
type Answer = Response | ((call: Call) => Response | Promise<Response>);

/**
 * Stands in for the service at the fetch seam: answers "METHOD /path?query" from the table, 404 otherwise, and
 * records every call with its headers and JSON body.
 */
export function fakeService(routes: Record<string, Answer>) {
  const calls: Call[] = [];
  const fetchMock = vi.fn((input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const method = (init.method ?? 'GET').toUpperCase();
    const call: Call = {
      method,
      url,
      headers: new Headers(init.headers),
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
      signal: init.signal ?? null,
    };
    calls.push(call);
    const answer = routes[`${method} ${url}`];
    const response = !answer ? problem(404, { title: 'Not Found' }) : typeof answer === 'function' ? answer(call) : answer.clone();
    return abortable(Promise.resolve(response), init.signal);
  });
  vi.stubGlobal('fetch', fetchMock);
  return { calls };
}

/** As fetch does: an aborted signal rejects with its reason (an `AbortError`), before or while the answer is on its way. */
function abortable(response: Promise<Response>, signal: AbortSignal | null | undefined): Promise<Response> {
  if (!signal) return response;
  if (signal.aborted) return Promise.reject(signal.reason as Error);
  return new Promise((resolve, reject) => {
    signal.addEventListener('abort', () => reject(signal.reason as Error), { once: true });
    response.then(resolve, reject);
  });
}

export function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json; charset=utf-8' } });
}

export function problem(status: number, body: Record<string, unknown>): Response {
  return new Response(JSON.stringify({ status, ...body }), { status, headers: { 'Content-Type': 'application/problem+json' } });
}
