import type { DevSignIn } from './types';

// sessionStorage, not localStorage: a development identity should not outlive the browser tab.
const key = 'leanteamsapp.devSignIn';

export function readDevSession(): DevSignIn | null {
  try {
    const raw = sessionStorage.getItem(key);
    if (!raw) return null;
    const value = JSON.parse(raw) as Partial<DevSignIn>;
    return typeof value.token === 'string' && typeof value.name === 'string' ? { token: value.token, name: value.name } : null;
  } catch {
    return null;
  }
}

export function saveDevSession(session: DevSignIn): void {
  sessionStorage.setItem(key, JSON.stringify(session));
}

export function clearDevSession(): void {
  sessionStorage.removeItem(key);
}
