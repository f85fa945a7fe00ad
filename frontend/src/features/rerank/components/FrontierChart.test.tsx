import { describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import type { ScatterData } from 'plotly.js';
import { PlotStub } from '@/test/plotly-stub';
import { baseRows, otherDerived, PARENT, sweepRows } from '@/test/rerank-fixtures';
import { sweepSeries } from '../lib/rerank';
import { buildFrontierFigure, FrontierChart } from './FrontierChart';

vi.mock('@/lib/plotly', async (importOriginal) => ({ ...(await importOriginal<typeof import('@/lib/plotly')>()), Plot: PlotStub }));

const points = [...baseRows, ...otherDerived, ...sweepRows];
const series = sweepSeries(points, { parent: PARENT, objective: 'diversity', source: 'cooc', groupSize: null });
const trace = (data: readonly unknown[], prefix: string) => data.find((t) => String((t as ScatterData).name).startsWith(prefix)) as Partial<ScatterData>;

describe('buildFrontierFigure', () => {
  const fig = buildFrontierFigure({ points, parent: PARENT, series, xMetric: 'ndcg@10', yMetric: 'diversity@10:cooc', selected: series[5].name, seriesLabel: 'diversity · cooc' });

  it('draws one point per λ, in λ order, labelled', () => {
    const sweep = trace(fig.data, 'diversity · cooc');
    expect(sweep.name).toBe('diversity · cooc (11 λ)');
    expect(sweep.x).toHaveLength(11);
    expect(sweep.text).toEqual(['λ=0', 'λ=0.1', 'λ=0.2', 'λ=0.3', 'λ=0.4', 'λ=0.5', 'λ=0.6', 'λ=0.7', 'λ=0.8', 'λ=0.9', 'λ=1']);
    expect(sweep.mode).toContain('lines');
    expect(sweep.customdata?.[0]).toBe(`${PARENT}~diversity:cooc@0`);
  });

  it('marks the parent distinctly and greys every other experiment', () => {
    const parent = trace(fig.data, 'parent:');
    expect(parent.x).toEqual([0.168]);
    expect(parent.marker?.symbol).toBe('star');
    const others = trace(fig.data, 'other experiments');
    expect(others.name).toBe('other experiments (4)'); // MostPopular, Random, the novelty run, the group run
    expect(others.text).not.toContain(PARENT);
    expect(others.marker?.color).toBe('#94a3b8');
  });

  it('rings the selected λ', () => {
    const ring = trace(fig.data, 'selected');
    expect(ring.customdata).toEqual([series[5].name]);
  });

  it('puts the Pareto front over everything drawn', () => {
    // Random is the most diverse, λ=0 (= parent) the most accurate; the sweep points between are optimal
    expect(fig.front[0]).toBe('Random');
    expect(fig.front).toContain(`${PARENT}~diversity:cooc@0.5`);
    expect(fig.front).not.toContain('MostPopular');
    expect(trace(fig.data, 'Pareto front').x).toHaveLength(fig.front.length);
  });

  it('uses lower-is-better for miscalibration on y', () => {
    const mis = buildFrontierFigure({ points, parent: PARENT, series, xMetric: 'ndcg@10', yMetric: 'miscalibration@10:genres' });
    // miscalibration rises with λ here: only λ=0 / the parent (most accurate) and Random (best calibrated) are optimal
    expect(mis.front).toContain('Random');
    expect(mis.front).not.toContain(`${PARENT}~diversity:cooc@1`);
    expect(mis.layout.yaxis?.title).toEqual({ text: 'miscalibration@10:genres (↓ better)' });
  });

  it('draws no sweep points (but the parent) before a sweep ran', () => {
    const empty = buildFrontierFigure({ points: baseRows, parent: PARENT, series: [], xMetric: 'ndcg@10', yMetric: 'diversity@10:cooc' });
    expect(trace(empty.data, 'λ sweep').x).toHaveLength(0);
    expect(trace(empty.data, 'parent:').x).toHaveLength(1);
  });

  it('renders through the lazy Plot', () => {
    render(<FrontierChart points={points} parent={PARENT} series={series} xMetric="ndcg@10" yMetric="diversity@10:cooc" />);
    expect(screen.getByTestId('plot').dataset.names).toBe(`other experiments (4)|Pareto front|λ sweep (11 λ)|parent: ${PARENT}`);
  });
});
