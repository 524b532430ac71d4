import { href, parseRoute, type Route } from '../../shared/routing/routes';
import type { TabSettings } from '../../shared/teams/host';

/** What a channel or chat tab can show; a unit page needs its unit before it can be saved. */
export type TabChoice =
  | { page: 'overview'; areaId: string | null }
  | { page: 'unit'; unitId: string | null }
  | { page: 'yearwheel' }
  | { page: 'actionplan' }
  | { page: 'reports' };

export type TabPage = TabChoice['page'];
export const tabPages: readonly TabPage[] = ['overview', 'unit', 'yearwheel', 'actionplan', 'reports'];

type PageRoute = Exclude<Route, { page: 'notFound' | 'config' }>;

/** The page the tab opens, or null while the choice is incomplete. */
export function routeOf(choice: TabChoice): PageRoute | null {
  switch (choice.page) {
    case 'overview':
      return choice.areaId ? { page: 'overview', areaId: choice.areaId } : { page: 'overview' };
    case 'unit':
      return choice.unitId ? { page: 'unit', unitId: choice.unitId } : null;
    default:
      return { page: choice.page };
  }
}

/**
 * The tab's `entityId` is its route without `#/` (`unit/byggesak`), so that reopening the tab's settings finds the
 * saved choice again; anything else (another app's id, an old format) is no choice.
 */
export function entityIdOf(route: PageRoute): string {
  return href(route).slice(2);
}

export function choiceOf(entityId: string | undefined): TabChoice | null {
  if (!entityId) return null;
  const route = parseRoute(`#/${entityId}`);
  switch (route.page) {
    case 'overview':
      return { page: 'overview', areaId: route.areaId ?? null };
    case 'unit':
      return { page: 'unit', unitId: route.unitId };
    case 'yearwheel':
    case 'actionplan':
    case 'reports':
      return { page: route.page };
    default:
      return null;
  }
}

/**
 * What Teams saves for the choice, or null when nothing can be saved yet. `tabUrl` is the tab's own address without
 * the hash (`https://lean.example.no/tab/`); Teams shows `contentUrl` only from a host in the manifest's
 * validDomains, which the tab's own host is.
 */
export function settingsOf(choice: TabChoice | null, tabUrl: string, displayName: string): TabSettings | null {
  const route = choice && routeOf(choice);
  if (!route) return null;
  const url = `${tabUrl}${href(route)}`;
  return { entityId: entityIdOf(route), contentUrl: url, websiteUrl: url, suggestedDisplayName: displayName };
}

/** The address of the page Teams opened, without its hash: the tab is served under one path, `/tab/`. */
export function currentTabUrl(location: Pick<Location, 'origin' | 'pathname'> = window.location): string {
  return `${location.origin}${location.pathname}`;
}
