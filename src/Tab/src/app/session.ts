import { setTokenSource } from '../shared/api/apiFetch';
import { clearDevSession, readDevSession, saveDevSession } from '../shared/api/devSession';
import type { DevSignIn } from '../shared/api/types';
import type { Host } from '../shared/teams/host';

export type Auth = { state: 'signedIn'; dev: boolean } | { state: 'signedOut'; expired: boolean };

/** Inside Teams the SSO token; outside, the development token kept for this browser tab, if any. */
export function startSession(host: Host): Auth {
  if (host.inTeams && host.getToken) {
    setTokenSource(host.getToken);
    return { state: 'signedIn', dev: false };
  }
  const dev = readDevSession();
  if (!dev) {
    setTokenSource(null);
    return { state: 'signedOut', expired: false };
  }
  return beginDevSession(dev);
}

export function beginDevSession(session: DevSignIn): Auth {
  saveDevSession(session);
  setTokenSource(() => Promise.resolve(session.token));
  return { state: 'signedIn', dev: true };
}

export function endDevSession(expired: boolean): Auth {
  clearDevSession();
  setTokenSource(null);
  return { state: 'signedOut', expired };
}
