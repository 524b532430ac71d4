import { ApiError } from './ApiError';

/** Gives the bearer token for the next request: Teams SSO inside Teams, the development token outside. */
export type TokenSource = () => Promise<string>;

let tokenSource: TokenSource | null = null;
const unauthorizedListeners = new Set<() => void>();

export function setTokenSource(source: TokenSource | null): void {
  tokenSource = source;
}

/** Called on every 401, so that the app can ask the user to sign in again. Returns the unsubscribe. */
export function onUnauthorized(listener: () => void): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

export interface ApiInit extends Omit<RequestInit, 'body' | 'signal'> {
  /** Sent as the JSON body. */
  json?: unknown;
  /** Sent as the body as it is: an uploaded file. */
  file?: Blob;
  /** Aborts the request: it then rejects with the signal's reason (an `AbortError`), never with an `ApiError`. */
  signal?: AbortSignal | undefined;
  /** For the one route that needs no token: the development sign-in. */
  anonymous?: boolean;
}

/** Calls the tab API with the caller's token; a non-2xx answer becomes an `ApiError`. 204 gives `undefined`. */
export async function apiFetch<T>(path: string, init: ApiInit = {}): Promise<T> {
  const response = await send(path, init, 'application/json');
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

/** Fetches a file with the token (a plain link cannot carry one) and names it as the service does. */
export async function apiDownload(path: string): Promise<{ blob: Blob; fileName: string }> {
  const response = await send(path, {}, '*/*');
  const fallback = decodeURIComponent(path.split('/').pop() ?? 'download');
  return { blob: await response.blob(), fileName: fileNameOf(response.headers.get('Content-Disposition')) ?? fallback };
}

async function send(path: string, init: ApiInit, accept: string): Promise<Response> {
  const { json, file, anonymous, headers: given, signal, ...rest } = init;
  const headers = new Headers(given);
  if (!headers.has('Accept')) headers.set('Accept', `${accept}, application/problem+json`);
  if (!anonymous) headers.set('Authorization', `Bearer ${await token()}`);
  // Getting the token can take a while inside Teams; a page that left meanwhile sends nothing.
  signal?.throwIfAborted();
  const request: RequestInit = { ...rest, headers, signal: signal ?? null };
  if (json !== undefined) {
    headers.set('Content-Type', 'application/json');
    request.body = JSON.stringify(json);
  } else if (file !== undefined) {
    headers.set('Content-Type', 'application/octet-stream');
    request.body = file;
  }

  let response: Response;
  try {
    response = await fetch(path, request);
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'Network error', error instanceof Error ? error.message : undefined);
  }
  if (response.ok) return response;

  if (response.status === 401) unauthorizedListeners.forEach((listener) => listener());
  throw await toApiError(response);
}

async function token(): Promise<string> {
  if (!tokenSource) throw new ApiError(401, 'Not signed in');
  try {
    return await tokenSource();
  } catch (error) {
    // Teams rejects with a string or an Error when SSO is not set up or consent is missing.
    throw new ApiError(401, 'No token', error instanceof Error ? error.message : String(error));
  }
}

async function toApiError(response: Response): Promise<ApiError> {
  const type = response.headers.get('Content-Type') ?? '';
  if (type.includes('json')) {
    try {
      const problem: unknown = await response.json();
      if (problem !== null && typeof problem === 'object') return ApiError.fromProblem(response.status, problem);
    } catch {
      // Not JSON after all: fall through to the status line.
    }
  }
  return new ApiError(response.status, response.statusText || `HTTP ${response.status}`);
}

function fileNameOf(disposition: string | null): string | null {
  if (!disposition) return null;
  const extended = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(disposition);
  if (extended?.[1]) return decodeURIComponent(extended[1].trim());
  const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(disposition);
  return plain?.[1]?.trim() ?? null;
}
