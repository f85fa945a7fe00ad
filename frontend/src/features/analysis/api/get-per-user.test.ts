import { afterEach, describe, expect, it, vi } from 'vitest';
import { getPerUser, perUserFromCsv } from './get-per-user';
import { jsonResponse } from '@/test/fixtures';

afterEach(() => vi.unstubAllGlobals());

describe('per-user metrics', () => {
  it('reads the JSON answer', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => jsonResponse({ columns: { user_id: ['1', '2'], 'ndcg@10': [0.1, 0.3] } })));
    expect(await getPerUser('d', 'e')).toEqual({ userIds: ['1', '2'], metrics: { 'ndcg@10': [0.1, 0.3] } });
  });

  it('asks for CSV when the server answers Arrow (no JSON support yet)', async () => {
    const fetchMock = vi.fn(async (url: string) => (url.includes('format=json')
      ? new Response(new Uint8Array([1, 2, 3]), { headers: { 'Content-Type': 'application/vnd.apache.arrow.stream' } })
      : new Response('user_id,ndcg@10,recall@10\n1,0.5,1.0\n2,,0.25\n', { headers: { 'Content-Type': 'text/csv' } })));
    vi.stubGlobal('fetch', fetchMock);
    const t = await getPerUser('d', 'e');
    expect(fetchMock).toHaveBeenCalledTimes(2);
    expect(t.userIds).toEqual(['1', '2']);
    expect(t.metrics['recall@10']).toEqual([1, 0.25]);
    expect(t.metrics['ndcg@10'][1]).toBeNaN();
  });

  it('parses quoted CSV fields', () => {
    expect(perUserFromCsv('user_id,m\n"a,b",1\n').userIds).toEqual(['a,b']);
  });
});
