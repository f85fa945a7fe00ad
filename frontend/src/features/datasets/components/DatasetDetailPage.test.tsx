import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { jsonResponse } from '@/test/fixtures';
import { DatasetDetailPage } from './DatasetDetailPage';

vi.mock('./PopularityCurveChart', () => ({ PopularityCurveChart: () => null }));
vi.mock('./SideColumnChart', () => ({ SideColumnChart: () => null }));

afterEach(() => vi.unstubAllGlobals());

const dataset = {
  id: 'ds-1', name: 'ml', created_at: 0, version: 1, n_users: 4, n_items: 7, n_train: 6, n_ground_truth: 4,
  n_users_with_ground_truth: 3, id_type: 'int', has_rating: true, has_timestamp: false, user_columns: [], item_columns: [],
};

describe('DatasetDetailPage delete', () => {
  it('deletes only after the name is typed, then goes to the dataset list', async () => {
    const calls: { url: string; method: string }[] = [];
    vi.stubGlobal('fetch', vi.fn(async (url: string, init?: RequestInit) => {
      const method = init?.method ?? 'GET';
      calls.push({ url: String(url), method });
      if (method === 'DELETE') return new Response(null, { status: 204 });
      if (String(url).endsWith('/stats')) return jsonResponse({ error: 'not_found', message: 'later' }, 404);
      return jsonResponse(dataset);
    }));
    render(
      <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
        <DatasetDetailPage name="ml" />
      </QueryClientProvider>,
    );
    fireEvent.click(await screen.findByTestId('delete-open'));
    const confirm = screen.getByTestId('delete-confirm') as HTMLButtonElement;
    expect(confirm.disabled).toBe(true);
    fireEvent.change(screen.getByTestId('delete-confirm-input'), { target: { value: 'm' } });
    expect(confirm.disabled).toBe(true);
    fireEvent.change(screen.getByTestId('delete-confirm-input'), { target: { value: 'ml' } });
    expect(confirm.disabled).toBe(false);
    fireEvent.click(confirm);

    await waitFor(() => expect(window.location.pathname).toBe('/datasets'));
    const deletes = calls.filter((c) => c.method === 'DELETE');
    expect(deletes).toHaveLength(1);
    expect(deletes[0].url).toContain('/api/v1/datasets/ml');
  });
});
