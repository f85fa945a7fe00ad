import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { jsonResponse } from '@/test/fixtures';
import { PlotStub } from '@/test/plotly-stub';
import { baseRows, otherDerived, PARENT, report, sweepRows, userDiff } from '@/test/rerank-fixtures';
import { storeUserGroup } from '@/features/rerank';
import { RerankPage } from './RerankPage';

vi.mock('@/lib/plotly', async (importOriginal) => ({ ...(await importOriginal<typeof import('@/lib/plotly')>()), Plot: PlotStub }));

const dataset = {
  id: 'ds_1', name: 'demo-ml', created_at: '2026-01-01T00:00:00Z', version: 1, n_users: 1000, n_items: 2000, n_train: 1, n_ground_truth: 1,
  n_users_with_ground_truth: 1, id_type: 'int', user_columns: [], item_columns: [{ name: 'genres', kind: 'multi' }, { name: 'year', kind: 'numeric' }],
};
const METRICS = ['ndcg@10', 'recall@10', 'diversity@10:cooc', 'diversity@10:genre.genres', 'novelty@10', 'miscalibration@10:genres'];

interface Call { method: string; path: string; body: unknown }

/** A fake server with the re-ranking routes; `withSweep` adds a stored sweep to the table. */
function fakeServer({ withSweep }: { withSweep: boolean }) {
  const calls: Call[] = [];
  const fetchMock = vi.fn(async (input: string, init?: RequestInit) => {
    const url = new URL(input, 'http://x');
    const path = decodeURIComponent(url.pathname.replace('/api/v1', ''));
    const method = init?.method ?? 'GET';
    calls.push({ method, path, body: init?.body ? JSON.parse(String(init.body)) : undefined });
    const noRoute = () => jsonResponse({ error: 'not_found', message: `no API route ${method} /api/v1${path}; see /api/v1/openapi.json` }, 404);
    if (path === '/datasets/demo-ml') return jsonResponse(dataset);
    if (path === '/datasets/demo-ml/experiments/table') {
      const rows = [...baseRows, ...(withSweep ? [...otherDerived, ...sweepRows] : [])];
      return jsonResponse({ total: rows.length, offset: 0, limit: 1000, metric_names: METRICS, hyper_parameter_names: [], rows });
    }
    const m = /^\/datasets\/demo-ml\/experiments\/([^/]+)(?:\/(.+))?$/.exec(path);
    if (m) {
      const [, name, sub] = m;
      if (!sub && method === 'GET') return jsonResponse({ name, status: 'ready', error: null, metrics: {}, hyper_parameters: {}, item_embedding_dims: null });
      if (sub === 'rerank-report') return name === PARENT ? jsonResponse({ error: 'not_found', message: `'${PARENT}' is not a re-ranked experiment` }, 404) : jsonResponse(report);
      if (sub === 'user-diff') return jsonResponse(userDiff);
      if (sub === 'sweep') return jsonResponse({ experiments: sweepRows.map((r) => ({ name: `${r.name}-new`, status: 'uploaded', lambda: r.lambda })) }, 202);
      if (sub === 'rerank') return jsonResponse({ error: 'conflict', message: `experiment '${PARENT}~diversity:cooc@0.5' exists` }, 409);
    }
    return noRoute();
  });
  vi.stubGlobal('fetch', fetchMock);
  return calls;
}

const renderPage = (url: string) => {
  window.history.pushState(null, '', url);
  return render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <RerankPage dataset="demo-ml" />
    </QueryClientProvider>,
  );
};

beforeEach(() => window.history.pushState(null, '', '/'));
afterEach(() => vi.unstubAllGlobals());

describe('RerankPage', () => {
  it('offers ready, non-derived experiments and the dataset\'s similarity sources', async () => {
    fakeServer({ withSweep: true });
    renderPage(`/datasets/demo-ml/rerank?experiment=${PARENT}`);
    const select = await screen.findByTestId('rerank-experiment');
    expect([...select.querySelectorAll('option')].map((o) => o.value)).toEqual(['MostPopular', 'Random', PARENT]);
    expect([...screen.getByTestId('rerank-sim').querySelectorAll('option')].map((o) => o.value)).toEqual(['cooc', 'genre.genres']);
  });

  it('with a user group: shows the banner and only that group\'s runs', async () => {
    fakeServer({ withSweep: true });
    renderPage(`/datasets/demo-ml/rerank?experiment=${PARENT}&users=1,2,3&user=42`);
    expect(screen.getByTestId('group-banner')?.textContent).toContain('re-ranking a group of 3 users');
    await screen.findByTestId('frontier');
    // the group has no sweep of its own: only the all-users one exists in the fixtures
    expect(screen.getByTestId('lambda-strip').textContent).toContain('No re-ranked results');
  });

  it('with a large group handed over in sessionStorage: shows its size and posts its users', async () => {
    const calls = fakeServer({ withSweep: false });
    const users = Array.from({ length: 2000 }, (_, i) => i + 1);
    const key = storeUserGroup(users);
    renderPage(`/datasets/demo-ml/rerank?experiment=${PARENT}&group=${key}`);
    expect(screen.getByTestId('group-banner').textContent).toContain('re-ranking a group of 2,000 users');
    const sweep = await screen.findByTestId('rerank-sweep');
    await waitFor(() => expect((sweep as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(sweep);
    await screen.findByTestId('job-progress');
    const body = calls.find((c) => c.method === 'POST')!.body as { users: string[] };
    expect(body.users).toHaveLength(2000);
    expect(body.users.slice(0, 2)).toEqual(['1', '2']);
  });

  it('says so when the group of the URL is not in this tab, and re-ranks all users', async () => {
    fakeServer({ withSweep: false });
    renderPage(`/datasets/demo-ml/rerank?experiment=${PARENT}&group=gone`);
    expect(screen.getByTestId('group-missing').textContent).toContain('not in this browser tab');
    expect(screen.queryByTestId('group-banner')).toBeNull();
  });

  it('shows deltas, item panels and a user diff for all users', async () => {
    fakeServer({ withSweep: true });
    renderPage(`/datasets/demo-ml/rerank?experiment=${PARENT}&user=42`);
    await waitFor(() => expect(screen.getAllByTestId('lambda-chip')).toHaveLength(11));
    expect(screen.getAllByTestId('lambda-chip').find((c) => c.className.includes('active'))?.textContent).toBe('λ=0.5');
    expect(screen.getByTestId('plot').dataset.names).toContain('diversity · cooc (11 λ)');
    expect((await screen.findAllByTestId('delta-card')).length).toBeGreaterThan(3);
    expect(screen.getByTestId('panel-new').textContent).toContain('1421');
    expect((await screen.findByTestId('diff-after')).textContent).toContain('new');
  });

  it('posts a sweep and shows the job progress', async () => {
    const calls = fakeServer({ withSweep: false });
    renderPage(`/datasets/demo-ml/rerank?experiment=${PARENT}&objective=calibration`);
    const sweep = await screen.findByTestId('rerank-sweep');
    await waitFor(() => expect((sweep as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(sweep);
    await screen.findByTestId('job-progress');
    const post = calls.find((c) => c.method === 'POST')!;
    expect(post.path).toBe(`/datasets/demo-ml/experiments/${PARENT}/sweep`);
    expect(post.body).toEqual({ objective: 'calibration', k: 10, column: 'genres', users: null, lambdas: [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1] });
    await waitFor(() => expect(screen.getByTestId('job-count').textContent).toBe('11 of 11 ready'));
  });

  it('shows the server message when a run is refused', async () => {
    fakeServer({ withSweep: false });
    renderPage(`/datasets/demo-ml/rerank?experiment=${PARENT}`);
    const run = await screen.findByTestId('rerank-run');
    await waitFor(() => expect((run as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(run);
    expect(await screen.findByText(`experiment '${PARENT}~diversity:cooc@0.5' exists`)).toBeTruthy();
  });
});
