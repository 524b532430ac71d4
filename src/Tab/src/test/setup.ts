import { cleanup, configure } from '@testing-library/react';
import { afterEach, vi } from 'vitest';
import { setTokenSource } from '../shared/api/apiFetch';

// One budget for every findBy* and waitFor, set here rather than per query. The library's 1 s is a browser's budget;
// here what is awaited is a page in jsdom: the fake service's answers, then React drawing a whole Fluent page again,
// and every *ByRole poll after a change matches each of Fluent's ~500 style rules against every element once more
// (jsdom drops its computed-style cache on any DOM change). On the unit page one such poll takes about half a second
// on an idle machine, and a keyboard move's announcement (move, read the unit again, draw it) a quarter; on a two-core
// machine shared with other builds both take several times that. Something that never comes still fails, with the
// query's own message, well within the 20 s test timeout.
configure({ asyncUtilTimeout: 10_000 });

// jsdom has no layout: Fluent's MessageBar watches its own size to decide how to wrap.
class NoResizeObserver {
  observe() {}
  unobserve() {}
  disconnect() {}
}
// jsdom has none, whatever the DOM types say.
if (!('ResizeObserver' in globalThis)) globalThis.ResizeObserver = NoResizeObserver;

// jsdom does no layout either: every offsetParent is null and the body measures 0 × 0, which Fluent's focus
// manager (tabster) reads as "nothing is visible". A dialog would then find nothing to focus, and tabster would
// hide the dialog itself from screen readers a moment later. Give it the minimum of a laid-out page.
Object.defineProperty(HTMLElement.prototype, 'offsetParent', {
  configurable: true,
  get(this: HTMLElement) {
    return this.isConnected ? this.parentElement : null;
  },
});
HTMLBodyElement.prototype.getBoundingClientRect = () => new DOMRect(0, 0, 1280, 800);

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  sessionStorage.clear();
  setTokenSource(null);
  window.location.hash = '';
});
