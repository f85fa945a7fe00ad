import { describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import { experiments } from '@/test/fixtures';
import { PlotStub } from '@/test/plotly-stub';
import { buildMetricBarsFigure, MetricBarsChart } from './MetricBarsChart';
import { buildParetoFigure, ParetoScatterChart } from './ParetoScatterChart';
import { buildParallelCoordsFigure, hyperDimension, ParallelCoordsChart } from './ParallelCoordsChart';
import { buildDistributionFigure, PerUserDistributionChart } from './PerUserDistributionChart';
import { BreakdownChart, buildBreakdownFigure } from './BreakdownChart';

vi.mock('@/lib/plotly', async (importOriginal) => ({ ...(await importOriginal<typeof import('@/lib/plotly')>()), Plot: PlotStub }));

const ready = experiments.filter((e) => e.status === 'ready');
const plot = () => screen.getByTestId('plot');

describe('MetricBarsChart', () => {
  const metrics = ['ndcg@10', 'recall@10', 'coverage@10'];

  it('draws one panel per metric and one bar per experiment, legend once per experiment', () => {
    render(<MetricBarsChart experiments={ready} metrics={metrics} />);
    expect(plot().dataset.traces).toBe(String(metrics.length * ready.length));
    const { data } = buildMetricBarsFigure({ experiments: ready, metrics });
    expect(data.filter((t) => 'showlegend' in t && t.showlegend).map((t) => ('name' in t ? t.name : ''))).toEqual(['MostPopular', 'Random', 'ItemKNN-50']);
    expect(data.filter((t) => 'yaxis' in t && t.yaxis === 'y3')).toHaveLength(3);
  });

  it('fits each y-axis to its data, or starts at zero on request', () => {
    const fitted = buildMetricBarsFigure({ experiments: ready, metrics: ['novelty@10'] }).layout;
    expect(fitted.yaxis?.range?.[0]).toBeGreaterThan(0); // 2.1 .. 9.8, not pinned to 0
    expect(fitted.yaxis?.range?.[1]).toBeGreaterThan(9.8);
    const zero = buildMetricBarsFigure({ experiments: ready, metrics: ['novelty@10'], fromZero: true }).layout;
    expect(zero.yaxis?.range).toBeUndefined();
    expect(zero.yaxis?.rangemode).toBe('tozero');
  });
});

describe('ParetoScatterChart', () => {
  it('marks the Pareto front and highlights the selected experiments', () => {
    const fig = buildParetoFigure({ points: experiments, xMetric: 'ndcg@10', yMetric: 'coverage@10', selected: ['Random'] });
    expect(fig.front).toEqual(['Random', 'ItemKNN-50', 'MostPopular']);
    expect(fig.data.map((t) => ('name' in t ? t.name : ''))).toEqual(['all experiments (3)', 'Pareto front', 'Random']);
    render(<ParetoScatterChart points={experiments} xMetric="ndcg@10" yMetric="coverage@10" selected={['Random', 'MostPopular']} />);
    expect(plot().dataset.traces).toBe('4');
  });

  it('uses lower-is-better for gini', () => {
    const fig = buildParetoFigure({ points: experiments, xMetric: 'ndcg@10', yMetric: 'gini@10', selected: [] });
    expect(fig.front).toEqual(['Random', 'ItemKNN-50', 'MostPopular']);
    const worse = buildParetoFigure({ points: [...experiments.slice(0, 3), { name: 'X', hyper_parameters: {}, metrics: { 'ndcg@10': 0.1, 'gini@10': 0.95 } }], xMetric: 'ndcg@10', yMetric: 'gini@10', selected: [] });
    expect(worse.front).not.toContain('X');
  });
});

describe('ParallelCoordsChart', () => {
  it('makes numeric and categorical hyper-parameter axes, then metric axes', () => {
    const fig = buildParallelCoordsFigure({ points: ready, hyperParameterNames: ['model', 'neighbours'], metrics: ['ndcg@10', 'coverage@10'], colorMetric: 'ndcg@10' });
    expect(fig.dimensions.map((d) => d.label)).toEqual(['model', 'neighbours', 'ndcg', 'coverage']);
    expect(fig.dimensions[0].ticktext).toEqual(['item-knn', 'most-popular', 'random']);
    expect(fig.dimensions[1].ticktext).toEqual(['—', '50']); // MostPopular has no neighbours: drawn at '—', not dropped
    expect(fig.dimensions[1].values).toEqual([0, 0, 1]);
    render(<ParallelCoordsChart points={ready} hyperParameterNames={['model']} metrics={['ndcg@10']} colorMetric="ndcg@10" />);
    expect(plot().dataset.types).toBe('parcoords');
  });

  it('skips hyper-parameters without values', () => {
    expect(hyperDimension('x', [undefined, null])).toBeNull();
  });
});

describe('PerUserDistributionChart', () => {
  const series = [{ name: 'A', values: [0, 0.5, 1, Number.NaN] }, { name: 'B', values: [0.2, 0.4] }];

  it('draws box plots without NaN values', () => {
    const fig = buildDistributionFigure({ series, metric: 'ndcg@10', mode: 'box' });
    expect(fig.data.map((t) => t.type)).toEqual(['box', 'box']);
    expect(('y' in fig.data[0] && fig.data[0].y) || []).toEqual([0, 0.5, 1]);
  });

  it('draws overlaid histograms with the mean in the legend', () => {
    render(<PerUserDistributionChart series={series} metric="ndcg@10" mode="histogram" />);
    expect(plot().dataset.types).toBe('histogram,histogram');
    expect(plot().dataset.names).toBe('A (mean 0.5000)|B (mean 0.3000)');
  });
});

describe('BreakdownChart', () => {
  const breakdowns = [
    { name: 'A', breakdown: { metric: 'ndcg@10', by: 'gender', groups: [{ group: 'F', n: 120, mean: 0.21, ci_low: 0.19, ci_high: 0.23 }, { group: 'M', n: 100, mean: 0.2, ci_low: 0.18, ci_high: 0.22 }] } },
    { name: 'B', breakdown: { metric: 'ndcg@10', by: 'gender', groups: [{ group: 'M', n: 100, mean: 0.1, ci_low: 0.05, ci_high: 0.2 }] } },
  ];

  it('aligns groups across experiments with asymmetric CI error bars', () => {
    const fig = buildBreakdownFigure({ breakdowns, metric: 'ndcg@10', by: 'gender' });
    const b = fig.data[1];
    expect('x' in b && b.x).toEqual(['F', 'M']);
    expect('y' in b && b.y).toEqual([null, 0.1]);
    const err = 'error_y' in b ? b.error_y : undefined;
    expect(err && 'array' in err ? err.array?.[1] : null).toBeCloseTo(0.1);
    expect(err && 'arrayminus' in err ? err.arrayminus?.[1] : null).toBeCloseTo(0.05);
    render(<BreakdownChart breakdowns={breakdowns} metric="ndcg@10" by="gender" />);
    expect(plot().dataset.traces).toBe('2');
  });
});
