import { describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import { PlotStub } from '@/test/plotly-stub';
import { buildPopularityFigure, PopularityCurveChart } from './PopularityCurveChart';
import { buildSideColumnFigure, MAX_CATEGORIES, SideColumnChart } from './SideColumnChart';

vi.mock('@/lib/plotly', async (importOriginal) => ({ ...(await importOriginal<typeof import('@/lib/plotly')>()), Plot: PlotStub }));

describe('PopularityCurveChart', () => {
  const rank = [1, 2, 4, 8, 16, 100, 1000, 3706];
  const count = [512, 498, 400, 300, 200, 50, 5, 1];

  it('splits the long-tail curve into head and tail on log axes', () => {
    const fig = buildPopularityFigure({ rank, count, nItems: 3706, headShare: 0.2 });
    expect(fig.layout.xaxis?.type).toBe('log');
    const head = fig.data[0];
    expect('y' in head && head.y).toEqual([512, 498, 400, 300, 200, 50, null, null]); // head = ranks ≤ 741
    render(<PopularityCurveChart rank={rank} count={count} nItems={3706} headShare={0.2} />);
    expect(screen.getByTestId('plot').dataset.names).toContain('head (20.0% of items)');
  });
});

describe('SideColumnChart', () => {
  it('draws numeric columns as a histogram over the bin edges', () => {
    const fig = buildSideColumnFigure({ name: 'age', kind: 'numeric', bin_edges: [18, 25, 35, 50], counts: [10, 20, 5] });
    const t = fig.data[0];
    expect('x' in t && t.x).toEqual([21.5, 30, 42.5]);
    expect('width' in t && t.width).toEqual([7, 10, 15]);
  });

  it('sorts categories by count and folds the rest into "other"', () => {
    const values = Array.from({ length: MAX_CATEGORIES + 5 }, (_, i) => `g${i}`);
    const fig = buildSideColumnFigure({ name: 'genres', kind: 'multi', values, counts: values.map((_, i) => i + 1) });
    const t = fig.data[0];
    const x = 'x' in t ? (t.x as string[]) : [];
    expect(x).toHaveLength(MAX_CATEGORIES + 1);
    expect(x[0]).toBe(`g${MAX_CATEGORIES + 4}`);
    expect(x[MAX_CATEGORIES]).toBe('other (5)');
    render(<SideColumnChart column={{ name: 'gender', kind: 'categorical', values: ['F', 'M'], counts: [10, 12] }} />);
    expect(screen.getByTestId('plot').dataset.types).toBe('bar');
  });
});
