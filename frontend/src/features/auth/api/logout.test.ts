import { afterEach, describe, expect, it, vi } from 'vitest';
import { session } from '@/lib/session';
import { signOut } from './logout';

afterEach(() => { vi.unstubAllGlobals(); session.signOut(); });

describe('sign-out', () => {
  it('revokes the session on the server, then forgets it', async () => {
    const fetchMock = vi.fn(async () => new Response(null, { status: 204 }));
    vi.stubGlobal('fetch', fetchMock);
    session.signIn('jwt-123', 't_team');
    await signOut();
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/v1/auth/logout');
    expect(init.method).toBe('POST');
    expect(new Headers(init.headers).get('Authorization')).toBe('Bearer jwt-123');
    expect(session.get().token).toBeNull();
  });

  it('forgets the session even when the server refuses or is unreachable', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => { throw new TypeError('network down'); }));
    session.signIn('jwt-123', null);
    await signOut();
    expect(session.get().token).toBeNull();
  });
});
