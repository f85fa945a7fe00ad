import { afterEach, describe, expect, it, vi } from 'vitest';
import { getPerUser } from './get-per-user';
import { jsonResponse } from '@/test/fixtures';

afterEach(() => vi.unstubAllGlobals());

describe('per-user metrics', () => {
  it('reads the JSON answer', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => jsonResponse({ columns: { user_id: ['1', '2'], 'ndcg@10': [0.1, 0.3] } })));
    expect(await getPerUser('d', 'e')).toEqual({ userIds: ['1', '2'], metrics: { 'ndcg@10': [0.1, 0.3] } });
  });

  it('turns a missing value (null) into NaN', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => jsonResponse({ columns: { user_id: [1, 2], 'ndcg@10': [0.5, null], 'recall@10': [1, 0.25] } })));
    const t = await getPerUser('d', 'e');
    expect(t.userIds).toEqual(['1', '2']);
    expect(t.metrics['recall@10']).toEqual([1, 0.25]);
    expect(t.metrics['ndcg@10'][1]).toBeNaN();
  });
});
