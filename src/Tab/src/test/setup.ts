import { cleanup } from '@testing-library/react';
import { afterEach, vi } from 'vitest';
import { setTokenSource } from '../shared/api/apiFetch';

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
