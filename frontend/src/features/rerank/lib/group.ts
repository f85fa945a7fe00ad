/**
 * Hands a user group to the re-ranking page. Small groups travel in the URL (`users=1,2,3`, so
 * the link can be shared); a lasso selection of thousands of users would make the URL too long,
 * so it is kept in sessionStorage and the URL carries its key (`group=<key>`).
 */
import { parseUsers } from './rerank';

/** Longest `users=` value put in the URL; above it the group goes through sessionStorage. */
export const MAX_USERS_PARAM = 1500;
const PREFIX = 'web4rec.group.';

/** Stores the users for this browser tab; returns the key for the URL. */
export function storeUserGroup(users: readonly (string | number)[]): string {
  const key = `${Date.now().toString(36)}${Math.floor(Math.random() * 36 ** 4).toString(36)}`;
  sessionStorage.setItem(PREFIX + key, JSON.stringify(users.map(String)));
  return key;
}

/** The stored group of a key; null when this tab does not have it (opened elsewhere, expired). */
export function readUserGroup(key: string | null): string[] | null {
  if (!key) return null;
  try {
    const raw = sessionStorage.getItem(PREFIX + key);
    if (!raw) return null;
    const parsed: unknown = JSON.parse(raw);
    return Array.isArray(parsed) ? [...new Set(parsed.map(String))] : null;
  } catch {
    return null;
  }
}

/** The group a re-ranking URL names: `users=` first, else the stored `group=`. */
export function usersFromSearch(search: URLSearchParams): { users: string[]; missingGroup: boolean } {
  const inline = parseUsers(search.get('users'));
  if (inline.length > 0) return { users: inline, missingGroup: false };
  const key = search.get('group');
  const stored = readUserGroup(key);
  return { users: stored ?? [], missingGroup: Boolean(key) && stored === null };
}

/** The re-ranking page's URL for an experiment and a user group. */
export function rerankGroupHref(dataset: string, experiment: string, users: readonly (string | number)[], k?: number): string {
  const params = new URLSearchParams();
  if (experiment) params.set('experiment', experiment);
  if (k) params.set('k', String(k));
  const inline = users.map(String).join(',');
  if (inline.length <= MAX_USERS_PARAM) params.set('users', inline);
  else params.set('group', storeUserGroup(users));
  return `/datasets/${encodeURIComponent(dataset)}/rerank?${params.toString()}`;
}
