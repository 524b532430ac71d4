import { createContext, useContext } from 'react';
import type { Me } from './types';

export const MeContext = createContext<Me | null>(null);

/** The signed-in person: who they are, what they may see and whether they may edit the action plan. */
export function useMe(): Me {
  const me = useContext(MeContext);
  if (!me) throw new Error('useMe needs a MeContext above it');
  return me;
}
