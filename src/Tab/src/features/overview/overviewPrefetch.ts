import { createContext, useContext } from 'react';
import { tabApi } from '../../shared/api/tabApi';
import type { Overview } from '../../shared/api/types';

/**
 * The overview asked for as the tab starts, beside `/me`, rather than after it: the page needs `/me` to know which
 * area to show, but almost always shows the one in the address, so waiting for `/me` first only added its time.
 */
export interface OverviewPrefetch {
  /** The answer for `area`, once (a reload asks again); null when it was asked for another area or already taken. */
  take(area: string): Promise<Overview> | null;
}

export const OverviewPrefetchContext = createContext<OverviewPrefetch | null>(null);

export function useOverviewPrefetch(): OverviewPrefetch | null {
  return useContext(OverviewPrefetchContext);
}

export function prefetchOverview(area: string): OverviewPrefetch {
  let answer: Promise<Overview> | null = tabApi.overview(area || undefined);
  // Not taken (the person cannot see that area, or left the page): its failure is nobody's to show.
  answer.catch(() => undefined);
  return {
    take(wanted) {
      if (wanted !== area || !answer) return null;
      const taken = answer;
      answer = null;
      return taken;
    },
  };
}
