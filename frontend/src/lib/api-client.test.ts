import { afterEach, describe, expect, it, vi } from 'vitest';
import { api, ApiError, buildUrl } from './api-client';
import { session } from './session';
import { jsonResponse } from '@/test/fixtures';

afterEach(() => { vi.unstubAllGlobals(); session.signOut(); });

describe('api client', () => {
  it('builds URLs and drops empty parameters', () => {
    expect(buildUrl('/datasets/x/experiments/table', { offset: 0, limit: 100, q: '', sort: 'ndcg@10:desc' }))
      .toBe('/api/v1/datasets/x/experiments/table?offset=0&limit=100&sort=ndcg%4010%3Adesc');
  });

  it('sends the session and team headers', async () => {
    const fetchMock = vi.fn(async () => jsonResponse({ ok: true }));
    vi.stubGlobal('fetch', fetchMock);
    session.signIn('jwt-123', 't_team');
    await api('/me');
    const headers = new Headers((fetchMock.mock.calls[0] as unknown as [string, RequestInit])[1].headers);
    expect(headers.get('Authorization')).toBe('Bearer jwt-123');
    expect(headers.get('X-Web4Rec-Team')).toBe('t_team');
  });

  it('turns the server error body into ApiError', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => jsonResponse({ error: 'not_found', message: 'no API route GET /api/v1/x; see /api/v1/openapi.json' }, 404)));
    const err = await api('/x').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).status).toBe(404);
    expect((err as ApiError).code).toBe('not_found');
  });

  it('keeps the example of a 400', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => jsonResponse({ error: 'bad_request', message: 'password too short', example: '{"password":"correct horse"}' }, 400)));
    const err = (await api('/auth/signup', { method: 'POST', body: {} }).catch((e: unknown) => e)) as ApiError;
    expect(err.message).toBe('password too short');
    expect(err.example).toContain('correct horse');
    expect(err.code).toBe('bad_request');
  });
});
