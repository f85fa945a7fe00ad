import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse } from '@/test/fixtures';
import { getRerankSupport, RERANK_ROUTE } from './get-rerank-support';

afterEach(() => vi.unstubAllGlobals());

describe('getRerankSupport', () => {
  it('reads the OpenAPI document first: no probe request when it lists the route', async () => {
    const fetchMock = vi.fn(async () => jsonResponse({ paths: { [RERANK_ROUTE]: {} } }));
    vi.stubGlobal('fetch', fetchMock);
    expect(await getRerankSupport('d', 'e')).toBe(true);
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('falls back to the report route: "no API route" means unsupported, another 4xx supported', async () => {
    vi.stubGlobal('fetch', vi.fn(async (url: string) => (url.endsWith('openapi.json') ? jsonResponse({ paths: {} })
      : jsonResponse({ error: 'not_found', message: 'no API route GET /api/v1/datasets/d/experiments/e/rerank-report' }, 404))));
    expect(await getRerankSupport('d', 'e')).toBe(false);
    vi.stubGlobal('fetch', vi.fn(async (url: string) => (url.endsWith('openapi.json') ? jsonResponse({ error: 'x', message: 'gone' }, 404)
      : jsonResponse({ error: 'bad_request', message: "'e' is not a re-rank" }, 400))));
    expect(await getRerankSupport('d', 'e')).toBe(true);
  });
});
