/**
 * The one HTTP client of the UI: adds auth and team headers, turns the server's JSON errors
 * ({"error","message","example"}) into ApiError. No UI side effects here: callers (and the
 * QueryClient's global handlers) decide what a 401 means for the screen.
 */
import { session } from './session';

export const API_BASE = '/api/v1';

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly example: string | null;

  constructor(status: number, code: string, message: string, example: string | null) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.example = example;
  }
}

export type QueryValue = string | number | boolean | null | undefined;

export function buildUrl(path: string, query?: Record<string, QueryValue>): string {
  const params = new URLSearchParams();
  if (query) {
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
    }
  }
  const qs = params.toString();
  return `${API_BASE}${path}${qs ? `?${qs}` : ''}`;
}

/** Encodes one path segment (dataset and experiment names may contain '.', '-', '@' ...). */
export const seg = (value: string): string => encodeURIComponent(value);

interface RequestOptions {
  method?: 'GET' | 'POST' | 'DELETE' | 'PUT';
  query?: Record<string, QueryValue>;
  body?: unknown;
  signal?: AbortSignal;
  headers?: Record<string, string>;
}

function headersFor(options: RequestOptions): Headers {
  const headers = new Headers(options.headers);
  const { token, teamId } = session.get();
  if (token) headers.set('Authorization', `Bearer ${token}`);
  if (teamId) headers.set('X-Web4Rec-Team', teamId);
  if (options.body !== undefined) headers.set('Content-Type', 'application/json');
  if (!headers.has('Accept')) headers.set('Accept', 'application/json');
  return headers;
}

async function toApiError(response: Response): Promise<ApiError> {
  let code = `http_${response.status}`;
  let message = response.statusText || `HTTP ${response.status}`;
  let example: string | null = null;
  try {
    const body: unknown = await response.json();
    if (body && typeof body === 'object') {
      const b = body as Record<string, unknown>;
      if (typeof b.error === 'string') code = b.error;
      if (typeof b.message === 'string') message = b.message;
      if (typeof b.example === 'string') example = b.example;
    }
  } catch {
    // not JSON (a proxy error page): keep the status text
  }
  return new ApiError(response.status, code, message, example);
}

/** Sends a request and returns the raw Response (2xx only); errors become ApiError. */
export async function apiRaw(path: string, options: RequestOptions = {}): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method: options.method ?? 'GET',
      headers: headersFor(options),
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError(0, 'network', 'The Web4Rec server cannot be reached. Is it running (./web4rec up)?', null);
  }
  if (!response.ok) throw await toApiError(response);
  return response;
}

/** JSON request; `T` is the documented answer shape of the endpoint. */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const response = await apiRaw(path, options);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}
