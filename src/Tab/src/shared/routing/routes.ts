import { useEffect, useState } from 'react';

export type Route =
  | { page: 'overview' }
  | { page: 'unit'; unitId: string }
  | { page: 'yearwheel' }
  | { page: 'actionplan' }
  | { page: 'reports' }
  | { page: 'notFound' };

/** `#/unit/byggesak?theme=dark` -> the unit page of `byggesak`; the hash's query is for overrides, not routes. */
export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '').split('?')[0] ?? '';
  const [first = '', second, ...rest] = path.split('/').filter((part) => part.length > 0);
  if (rest.length > 0) return { page: 'notFound' };
  switch (first) {
    case '':
    case 'overview':
      return second === undefined ? { page: 'overview' } : { page: 'notFound' };
    case 'unit':
      return second ? { page: 'unit', unitId: decodeURIComponent(second) } : { page: 'notFound' };
    case 'yearwheel':
    case 'actionplan':
    case 'reports':
      return second === undefined ? { page: first } : { page: 'notFound' };
    default:
      return { page: 'notFound' };
  }
}

export function href(route: Exclude<Route, { page: 'notFound' }>): string {
  return route.page === 'unit' ? `#/unit/${encodeURIComponent(route.unitId)}` : `#/${route.page}`;
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
