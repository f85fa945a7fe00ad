import { useMemo } from 'react';
import type { Data, Layout } from 'plotly.js';
import { BASE_LAYOUT, PALETTE, Plot } from '@/lib/plotly';
import { higherIsBetter } from '@/lib/metrics';
import { paretoFront } from '@/lib/pareto';
import type { ExperimentPoint } from '../types';

export interface ParetoScatterProps {
  points: readonly ExperimentPoint[];
  xMetric: string;
  yMetric: string;
  /** Names drawn highlighted and labelled (the model-vs-model selection). */
  selected: readonly string[];
}

export function buildParetoFigure({ points, xMetric, yMetric, selected }: ParetoScatterProps): { data: Data[]; layout: Partial<Layout>; front: string[] } {
  const valid = points.filter((p) => Number.isFinite(p.metrics[xMetric] ?? Number.NaN) && Number.isFinite(p.metrics[yMetric] ?? Number.NaN));
  const xy = valid.map((p) => ({ x: p.metrics[xMetric] ?? Number.NaN, y: p.metrics[yMetric] ?? Number.NaN }));
  const frontIdx = paretoFront(xy, higherIsBetter(xMetric), higherIsBetter(yMetric));
  const selectedSet = new Set(selected);
  const others = valid.filter((p) => !selectedSet.has(p.name));
  const data: Data[] = [
    {
      type: 'scattergl', mode: 'markers', name: `all experiments (${valid.length})`,
      x: others.map((p) => p.metrics[xMetric] ?? null), y: others.map((p) => p.metrics[yMetric] ?? null), text: others.map((p) => p.name), customdata: others.map((p) => p.name),
      marker: { color: '#94a3b8', size: 7, opacity: 0.6 },
      hovertemplate: `<b>%{customdata}</b><br>${xMetric} = %{x:.4f}<br>${yMetric} = %{y:.4f}<extra></extra>`,
    },
    {
      type: 'scatter', mode: 'lines+markers', name: 'Pareto front', line: { color: '#ef4444', width: 2, dash: 'dot', shape: 'linear' },
      marker: { size: 13, color: 'rgba(0,0,0,0)', line: { color: '#ef4444', width: 2 } },
      x: frontIdx.map((i) => xy[i].x), y: frontIdx.map((i) => xy[i].y), text: frontIdx.map((i) => valid[i].name), customdata: frontIdx.map((i) => valid[i].name),
      hovertemplate: '<b>%{customdata}</b> (Pareto-optimal)<extra></extra>',
    },
  ];
  selected.forEach((name, j) => {
    const p = valid.find((v) => v.name === name);
    if (!p) return;
    data.push({
      type: 'scatter', mode: 'text+markers', name, x: [p.metrics[xMetric] ?? null], y: [p.metrics[yMetric] ?? null],
      text: [name], customdata: [name], textposition: 'top center', textfont: { size: 11 },
      marker: { size: 11, color: PALETTE[j % PALETTE.length], line: { color: '#fff', width: 1.5 } },
      hovertemplate: `<b>%{customdata}</b><br>${xMetric} = %{x:.4f}<br>${yMetric} = %{y:.4f}<extra></extra>`,
    });
  });
  const arrow = (m: string) => (higherIsBetter(m) ? '→ better' : '← better');
  return {
    data,
    front: frontIdx.map((i) => valid[i].name),
    layout: {
      ...BASE_LAYOUT,
      xaxis: { title: { text: `${xMetric} (${arrow(xMetric)})` }, gridcolor: '#eef0f4', zeroline: false },
      yaxis: { title: { text: `${yMetric} (${higherIsBetter(yMetric) ? '↑' : '↓'} better)` }, gridcolor: '#eef0f4', zeroline: false },
      hovermode: 'closest',
      margin: { l: 64, r: 16, t: 40, b: 56 },
    },
  };
}

export function ParetoScatterChart(props: ParetoScatterProps) {
  const { points, xMetric, yMetric, selected } = props;
  const figure = useMemo(() => buildParetoFigure({ points, xMetric, yMetric, selected }), [points, xMetric, yMetric, selected]);
  return <Plot data={figure.data} layout={figure.layout} style={{ width: '100%', height: 420 }} />;
}
