import { useEffect, useState } from 'react';

export type Route =
  | { page: 'overview'; areaId?: string }
  | { page: 'unit'; unitId: string }
  | { page: 'yearwheel' }
  | { page: 'actionplan' }
  | { page: 'reports' }
  | { page: 'organisation' }
  | { page: 'config' }
  | { page: 'notFound' };

/**
 * `#/unit/byggesak?theme=dark` -> the unit page of `byggesak`; the hash's query is for overrides, not routes.
 * `#/overview/helse-og-omsorg` is the overview of one service area, as a channel tab pins it; `#/config` is the page
 * Teams shows when such a tab is added.
 */
export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '').split('?')[0] ?? '';
  const [first = '', second, ...rest] = path.split('/').filter((part) => part.length > 0);
  if (rest.length > 0) return { page: 'notFound' };
  switch (first) {
    case '':
    case 'overview':
      if (second === undefined) return { page: 'overview' };
      return decode(second, (areaId) => ({ page: 'overview', areaId }));
    case 'unit':
      return second ? decode(second, (unitId) => ({ page: 'unit', unitId })) : { page: 'notFound' };
    case 'yearwheel':
    case 'actionplan':
    case 'reports':
    case 'organisation':
    case 'config':
      return second === undefined ? { page: first } : { page: 'notFound' };
    default:
      return { page: 'notFound' };
  }
}

/** A malformed escape (`%E0%A4%A`) is an address of no page rather than an exception. */
function decode(part: string, route: (value: string) => Route): Route {
  try {
    return route(decodeURIComponent(part));
  } catch {
    return { page: 'notFound' };
  }
}

/**
 * The address of the page a deep link names by its `subEntityId`: a route's path without `#/` (`unit/byggesak`,
 * `reports`, `overview/helse-og-omsorg`), or `delivery`, the overview's delivery section. Null for anything else, so
 * a stale or foreign link opens the tab where it would have opened anyway.
 */
export function hashOfSubPage(subPageId: string): string | null {
  if (subPageId === 'delivery') return '#/overview';
  const hash = `#/${subPageId}`;
  const route = parseRoute(hash);
  return route.page === 'notFound' || route.page === 'config' || subPageId.includes('?') ? null : hash;
}

export function href(route: Exclude<Route, { page: 'notFound' }>): string {
  if (route.page === 'unit') return `#/unit/${encodeURIComponent(route.unitId)}`;
  if (route.page === 'overview' && route.areaId !== undefined) return `#/overview/${encodeURIComponent(route.areaId)}`;
  return `#/${route.page}`;
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const update = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return route;
}
