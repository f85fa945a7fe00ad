import { describe, expect, it } from 'vitest';
import type { Data } from 'plotly.js';
import { buildFrontierFigure } from '@/features/rerank/components/FrontierChart';
import { buildShareBarsFigure } from '../lib/bars';
import { buildBreakdownFigure } from './BreakdownChart';
import { buildParetoFigure } from './ParetoScatterChart';
import { buildDistributionFigure } from './PerUserDistributionChart';
import { buildMetricsFigure } from './UserSelectionPanels';

// A name Plotly would run if it were part of a template: a placeholder and markup.
const NAME = '<b>x</b>%{y}';

const templates = (data: readonly Data[]) => data.map((t) => String((t as { hovertemplate?: string }).hovertemplate ?? ''));
const customdata = (data: readonly Data[]) => JSON.stringify(data.map((t) => (t as { customdata?: unknown }).customdata ?? null));

function expectNameOnlyAsData(data: readonly Data[]) {
  for (const template of templates(data)) expect(template).not.toContain(NAME);
  expect(customdata(data)).toContain(JSON.stringify(NAME).slice(1, -1));
}

describe('user strings in hover labels', () => {
  it('go through customdata in the Pareto scatter', () => {
    const points = [{ name: NAME, metrics: { 'ndcg@10': 0.2, 'coverage@10': 0.5 } }, { name: 'b', metrics: { 'ndcg@10': 0.1, 'coverage@10': 0.4 } }];
    expectNameOnlyAsData(buildParetoFigure({ points: points as never, xMetric: 'ndcg@10', yMetric: 'coverage@10', selected: [NAME] }).data);
    expectNameOnlyAsData(buildParetoFigure({ points: points as never, xMetric: 'ndcg@10', yMetric: 'coverage@10', selected: [] }).data);
  });

  it('go through customdata in the breakdown, for the experiment and the column', () => {
    const breakdown = { groups: [{ group: 'a', mean: 0.2, ci_low: 0.1, ci_high: 0.3, n: 10 }] };
    const data = buildBreakdownFigure({ breakdowns: [{ name: NAME, breakdown: breakdown as never }], metric: 'ndcg@10', by: `${NAME}col` }).data;
    expectNameOnlyAsData(data);
    for (const template of templates(data)) expect(template).not.toContain('col');
  });

  it('go through customdata in share bars and selection bars', () => {
    expectNameOnlyAsData(buildShareBarsFigure({ categories: ['a'], series: [{ name: NAME, shares: [1], counts: [3] }] } as never).data);
    const selection = buildMetricsFigure([{ experiment: NAME, metric: 'ndcg@10', selected: 0.1, all: 0.2 }] as never, 'ndcg@10').data;
    for (const template of templates(selection)) expect(template).not.toContain(NAME);
  });

  it('stay out of the re-rank frontier templates', () => {
    const points = [
      { name: NAME, status: 'ready', metrics: { 'ndcg@10': 0.2, 'diversity@10:cooc': 0.5 } },
      { name: 'other', status: 'ready', metrics: { 'ndcg@10': 0.1, 'diversity@10:cooc': 0.6 } },
    ];
    const fig = buildFrontierFigure({ points: points as never, parent: NAME, series: [], xMetric: 'ndcg@10', yMetric: 'diversity@10:cooc' });
    expectNameOnlyAsData(fig.data);
  });

  it('stay out of the per-user histogram template', () => {
    const data = buildDistributionFigure({ series: [{ name: NAME, values: [0.1, 0.2] }] as never, metric: 'ndcg@10', mode: 'histogram' }).data;
    for (const template of templates(data)) expect(template).not.toContain(NAME);
  });
});
