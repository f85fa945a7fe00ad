import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { jsonResponse, tableAnswer } from '@/test/fixtures';
import { PlotStub, plotProps, type StubPlotProps } from '@/test/plotly-stub';
import {
  audience, drilldown, genderAttribute, itemAttributeNames, itemProjection, itemSelection, userAttributeNames, userProjection, userSelection,
} from '@/test/analysis-fixtures';
import { MAP_DIV_ID } from '@/features/analysis';
import { AnalysisPage } from './AnalysisPage';

vi.mock('@/lib/plotly', async (importOriginal) => ({ ...(await importOriginal<typeof import('@/lib/plotly')>()), Plot: PlotStub }));

interface Call { method: string; path: string; query: URLSearchParams; body: unknown }

/**
 * A fake server with the analysis routes of docs/analysis-api.md. `running`: how many projection
 * requests answer 202 before the map.
 */
function fakeServer({ running = 0 }: { running?: number } = {}) {
  const calls: Call[] = [];
  let projectionAsks = 0;
  const fetchMock = vi.fn(async (input: string, init?: RequestInit) => {
    const url = new URL(input, 'http://x');
    const path = decodeURIComponent(url.pathname.replace('/api/v1', ''));
    const method = init?.method ?? 'GET';
    calls.push({ method, path, query: url.searchParams, body: init?.body ? JSON.parse(String(init.body)) : undefined });
    const noRoute = () => jsonResponse({ error: 'not_found', message: `no API route ${method} /api/v1${path}; see /api/v1/openapi.json` }, 404);
    if (path === '/datasets/demo-ml/experiments/table') return jsonResponse(tableAnswer(['recall@10']));
    const entity = url.searchParams.get('entity');
    if (path === '/datasets/demo-ml/users/42/drilldown') return jsonResponse(drilldown);
    const m = /^\/datasets\/demo-ml\/experiments\/([^/]+)\/(.+)$/.exec(path);
    if (!m) return noRoute();
    switch (m[2]) {
      case 'projection':
        projectionAsks += 1;
        if (projectionAsks <= running) return jsonResponse({ status: 'running', progress: 0.4, stage: 'svd' }, 202);
        return jsonResponse(entity === 'item' ? itemProjection : userProjection);
      case 'attributes': return jsonResponse(entity === 'item' ? itemAttributeNames : userAttributeNames);
      case 'attribute':
        if (url.searchParams.get('name') === 'gender') return jsonResponse(genderAttribute);
        return jsonResponse({ error: 'bad_request', message: 'no such attribute' }, 400);
      case 'filter': return jsonResponse({ ids: [4, 8], n: 2, n_total: 40 });
      case 'selection/users': return jsonResponse(userSelection);
      case 'selection/items': return jsonResponse(itemSelection);
      case 'audience': return jsonResponse(audience);
      default: return noRoute();
    }
  });
  vi.stubGlobal('fetch', fetchMock);
  return calls;
}

const renderPage = (url: string) => {
  window.history.pushState(null, '', url);
  return render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <AnalysisPage dataset="demo-ml" />
    </QueryClientProvider>,
  );
};

const mapProps = (): StubPlotProps => {
  const p = plotProps.get(MAP_DIV_ID);
  if (!p) throw new Error('the map was not rendered');
  return p;
};
const mapEl = () => screen.getAllByTestId('plot').find((e) => e.dataset.divId === MAP_DIV_ID)!;

/** What Plotly's lasso reports: the points with the customdata (ids) the map gave them. */
const lasso = (ids: number[], traceName = 'users') => act(() => {
  mapProps().onSelected?.({ points: ids.map((id) => ({ customdata: id, data: { name: traceName } })) });
});

beforeEach(() => {
  window.history.pushState(null, '', '/');
  plotProps.clear();
  sessionStorage.clear();
});
afterEach(() => vi.unstubAllGlobals());

describe('AnalysisPage', () => {
  it('renders the map of a 200 with its source, variance and size', async () => {
    const calls = fakeServer();
    renderPage('/datasets/demo-ml/analysis?experiment=ItemKNN-50');
    await waitFor(() => expect(plotProps.has(MAP_DIV_ID)).toBe(true));
    const traces = mapProps().data;
    expect(traces).toHaveLength(1);
    expect(traces[0].type).toBe('scatter'); // 40 points: no WebGL needed
    expect((traces[0] as { customdata: number[] }).customdata).toEqual(userProjection.ids);
    expect(mapProps().layout.dragmode).toBe('lasso');
    expect(JSON.stringify(mapProps().layout.xaxis)).toContain('PC1 (41.0% of variance)');
    expect(screen.getByTestId('map-source-name').textContent).toBe('candidate scores (truncated SVD)');
    expect(screen.getByTestId('map-complete').textContent).toBe('all 40 users');
    const proj = calls.find((c) => c.path.endsWith('/projection'))!;
    expect(proj.path).toBe('/datasets/demo-ml/experiments/ItemKNN-50/projection');
    expect(Object.fromEntries(proj.query)).toEqual({ entity: 'user', method: 'pca' });
  });

  it('shows the job progress on 202 and polls until the map arrives', async () => {
    const calls = fakeServer({ running: 1 });
    renderPage('/datasets/demo-ml/analysis?experiment=ItemKNN-50');
    expect((await screen.findByTestId('projection-stage')).textContent).toBe('svd · 40%');
    expect(screen.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('40');
    await waitFor(() => expect(plotProps.has(MAP_DIV_ID)).toBe(true), { timeout: 4000 });
    expect(screen.queryByTestId('projection-progress')).toBeNull();
    expect(calls.filter((c) => c.path.endsWith('/projection'))).toHaveLength(2);
  });

  it('colours the map by a side column: one trace per category', async () => {
    fakeServer();
    renderPage('/datasets/demo-ml/analysis?experiment=ItemKNN-50&color=gender');
    await waitFor(() => expect(mapEl()?.dataset.names).toBe('M|F'));
    const traces = mapProps().data as { name: string; customdata: number[] }[];
    expect(traces.find((t) => t.name === 'F')!.customdata).toEqual([4, 8, 12, 16, 20, 24, 28, 32, 36, 40]);
  });

  it('a lasso selection fetches the selection and renders the panels', async () => {
    const calls = fakeServer();
    renderPage('/datasets/demo-ml/analysis?experiment=ItemKNN-50');
    await waitFor(() => expect(plotProps.has(MAP_DIV_ID)).toBe(true));
    lasso([3, 5, 7, 5]);
    expect(screen.getByTestId('selection-count').textContent).toBe('3 users selected');
    await screen.findByTestId('user-panels');
    const post = calls.find((c) => c.path.endsWith('/selection/users'))!;
    expect(post.method).toBe('POST');
    expect(post.body).toEqual({ user_ids: [3, 5, 7], k: 10 });
    // side columns as grouped bars selection vs all users
    const gender = within(screen.getByTestId('panel-side-gender')).getByTestId('plot');
    expect(gender.dataset.types).toBe('bar,bar');
    expect(gender.dataset.names).toBe('selection|all users');
    expect(within(screen.getByTestId('panel-genres-genres')).getByTestId('plot').dataset.names).toBe('train items|top-10 recommendations');
    expect(within(screen.getByTestId('panel-metrics')).getByTestId('plot').dataset.names).toBe('selection|all users');
    const rows = within(screen.getByTestId('top-items')).getAllByRole('row');
    expect(rows.slice(1).map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent?.trim()))).toEqual([
      ['50', '3', '100%', 'Comedy', '1995'],
      ['260', '2', '67%', 'ActionSci-Fi', '1977'],
    ]);
  });

  it('filters send the documented request body and grey out the rest of the map', async () => {
    const calls = fakeServer();
    renderPage('/datasets/demo-ml/analysis?experiment=ItemKNN-50');
    await waitFor(() => expect(plotProps.has(MAP_DIV_ID)).toBe(true));
    fireEvent.change(await screen.findByTestId('filter-add'), { target: { value: 'gender' } });
    fireEvent.click(await screen.findByTestId('filter-value-gender-F'));
    fireEvent.change(screen.getByTestId('filter-add'), { target: { value: 'age' } });
    fireEvent.change(screen.getByTestId('filter-min-age'), { target: { value: '18' } });
    fireEvent.change(screen.getByTestId('filter-max-age'), { target: { value: '35' } });
    fireEvent.change(screen.getByTestId('filter-metric'), { target: { value: 'recall@10' } });
    fireEvent.change(screen.getByTestId('filter-metric-min'), { target: { value: '0.5' } });
    fireEvent.click(screen.getByTestId('filter-apply'));
    expect((await screen.findByTestId('filter-count')).textContent).toBe('2 of 40 users kept');
    const post = calls.find((c) => c.path.endsWith('/filter'))!;
    expect(post.method).toBe('POST');
    expect(post.body).toEqual({ entity: 'user', where: { gender: ['F'], age: { min: 18, max: 35 } }, metric: { name: 'recall@10', min: 0.5 } });
    await waitFor(() => expect(mapEl().dataset.names).toBe('filtered out|users'));
    expect((mapProps().data[1] as { customdata: number[] }).customdata).toEqual([4, 8]);
    // points of the grey trace are not part of a selection
    act(() => {
      mapProps().onSelected?.({ points: [{ customdata: 3, data: { name: 'filtered out' } }, { customdata: 4, data: { name: 'users' } }] } );
    });
    expect(screen.getByTestId('selection-count').textContent).toBe('1 user selected');
  });

  it('"Re-rank this group" opens the re-ranking page with the selected users in the URL', async () => {
    fakeServer();
    renderPage('/datasets/demo-ml/analysis?experiment=ItemKNN-50');
    await waitFor(() => expect(plotProps.has(MAP_DIV_ID)).toBe(true));
    lasso([3, 5, 7]);
    fireEvent.click(screen.getByTestId('rerank-group'));
    expect(window.location.pathname).toBe('/datasets/demo-ml/rerank');
    const q = new URLSearchParams(window.location.search);
    expect(q.get('users')).toBe('3,5,7');
    expect(q.get('experiment')).toBe('ItemKNN-50');
    expect(q.get('k')).toBe('10');
  });

  it('"Re-rank this group" hands a large selection over in sessionStorage, keyed in the URL', async () => {
    fakeServer();
    renderPage('/datasets/demo-ml/analysis?experiment=ItemKNN-50');
    await waitFor(() => expect(plotProps.has(MAP_DIV_ID)).toBe(true));
    const many = Array.from({ length: 10_000 }, (_, i) => i + 1);
    lasso(many);
    fireEvent.click(screen.getByTestId('rerank-group'));
    const q = new URLSearchParams(window.location.search);
    expect(q.get('users')).toBeNull();
    expect(window.location.href.length).toBeLessThan(200);
    const stored = JSON.parse(sessionStorage.getItem(`web4rec.group.${q.get('group')}`) ?? '[]') as string[];
    expect(stored).toHaveLength(10_000);
    expect(stored.slice(0, 3)).toEqual(['1', '2', '3']);
  });

  it('drill-down: a typed id shows train, ground truth and each experiment\'s top-K with hits marked', async () => {
    const calls = fakeServer();
    renderPage('/datasets/demo-ml/analysis?experiment=ItemKNN-50');
    fireEvent.change(await screen.findByTestId('drill-input'), { target: { value: '42' } });
    fireEvent.click(screen.getByTestId('drill-show'));
    await screen.findByTestId('drilldown');
    expect(calls.find((c) => c.path.endsWith('/drilldown'))!.query.get('k')).toBe('10');
    const knn = within(screen.getByTestId('drill-exp-ItemKNN-50')).getAllByTestId('drill-item');
    expect(knn.map((r) => `${r.dataset.item}:${r.dataset.hit}`)).toEqual(['7:true', '8:false', '9:true']);
    expect(knn[0].textContent).toContain('✓ hit');
    expect(knn[1].textContent).not.toContain('hit');
    expect(screen.getByTestId('drill-exp-MostPopular').textContent).toContain('1 hit');
    expect(within(screen.getByTestId('drill-truth')).getAllByTestId('drill-item').map((r) => r.dataset.item)).toEqual(['7', '9']);
    expect(screen.getByTestId('drilldown').textContent).toContain('gender: F');
  });

  it('drill-down: clicking a point of the map picks the user', async () => {
    fakeServer();
    renderPage('/datasets/demo-ml/analysis?experiment=ItemKNN-50');
    await waitFor(() => expect(plotProps.has(MAP_DIV_ID)).toBe(true));
    act(() => { mapProps().onClick?.({ points: [{ customdata: 42, data: { name: 'users' } }] }); });
    expect(new URLSearchParams(window.location.search).get('user')).toBe('42');
    await screen.findByTestId('drilldown');
  });

  it('an item selection shows popularity, side columns and the audience at the chosen K', async () => {
    const calls = fakeServer();
    renderPage('/datasets/demo-ml/analysis?experiment=ItemKNN-50&entity=item&method=umap');
    await waitFor(() => expect(plotProps.has(MAP_DIV_ID)).toBe(true));
    expect(screen.getByTestId('map-sampled').textContent).toContain('sample: 6 of 60,000');
    expect(calls.find((c) => c.path.endsWith('/projection'))!.query.get('neighbors')).toBe('15');
    lasso([10, 12], 'items');
    await screen.findByTestId('item-panels');
    expect(calls.find((c) => c.path.endsWith('/selection/items'))!.body).toEqual({ item_ids: [10, 12], k: 10 });
    expect(screen.getByTestId('rec-share').textContent).toBe('5.2%');
    expect(screen.getByTestId('pop-selected').textContent).toBe('812.5 / 812.5');
    expect(screen.getByTestId('pop-all').textContent).toBe('269.9 / 123');
    const gender = await screen.findByTestId('audience-gender');
    expect(within(gender).getByTestId('plot').dataset.names).toBe('interacted in train (310)|recommended in top-10 (95)');
    expect(screen.queryByTestId('rerank-group')).toBeNull();
    // another K for the audience only
    fireEvent.click(within(screen.getByTestId('panel-audience')).getByRole('radio', { name: '5' }));
    await waitFor(() => expect(calls.filter((c) => c.path.endsWith('/audience')).map((c) => (c.body as { k: number }).k)).toEqual([10, 5]));
  });
});
