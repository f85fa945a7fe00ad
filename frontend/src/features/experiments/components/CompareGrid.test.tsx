import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { metricsAtK } from '@/lib/metrics';
import { jsonResponse, METRIC_NAMES, tableAnswer } from '@/test/fixtures';
import CompareGrid from './CompareGrid';

afterEach(() => vi.unstubAllGlobals());

describe('CompareGrid', () => {
  it('fetches a block with the visible metric columns and renders rows, groups and re-ranked rows', async () => {
    const urls: string[] = [];
    vi.stubGlobal('fetch', vi.fn(async (url: string) => {
      urls.push(url);
      const columns = new URL(url, 'http://x').searchParams.get('columns')?.split(',') ?? [];
      return jsonResponse(tableAnswer(columns));
    }));
    const { accuracy, beyond } = metricsAtK(METRIC_NAMES, 10);
    const onLoaded = vi.fn();
    render(
      <QueryClientProvider client={new QueryClient()}>
        <div style={{ height: 600, width: 1200 }}>
          <CompareGrid dataset="demo-ml" k={10} columns={['ndcg@10', 'coverage@10']} hyperParameterNames={['model']} accuracy={accuracy} beyond={beyond}
            hidden={new Set()} pinned={new Set()} selected={new Set()} onToggleSelected={() => {}} onViewChange={() => {}} onLoaded={onLoaded} onError={() => {}} height={600} />
        </div>
      </QueryClientProvider>,
    );
    await waitFor(() => expect(onLoaded).toHaveBeenCalled(), { timeout: 5000 });
    expect(urls[0]).toContain('/api/v1/datasets/demo-ml/experiments/table?offset=0&limit=100&columns=ndcg%4010%2Ccoverage%4010');
    expect(onLoaded.mock.calls[0][0].total).toBe(4);
    await waitFor(() => expect(screen.getByText('MostPopular')).toBeTruthy(), { timeout: 5000 });
    expect(screen.getByText('Accuracy @10')).toBeTruthy();
    expect(screen.getByText('Beyond accuracy @10')).toBeTruthy();
    expect(screen.getByText('0.1960')).toBeTruthy(); // MostPopular's ndcg@10, 4 decimals
    expect(screen.getByText(/↳ ItemKNN-50 · diversity λ=0.3/)).toBeTruthy();
  });
});
