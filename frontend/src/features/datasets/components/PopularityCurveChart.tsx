import { useMemo } from 'react';
import type { Data, Layout } from 'plotly.js';
import { BASE_LAYOUT, Plot } from '@/lib/plotly';

export interface PopularityCurveProps {
  rank: number[];
  count: number[];
  nItems: number;
  /** Share of items in the head (the fewest most-popular items that reach 80% of interactions). */
  headShare: number;
  height?: number;
}

export function buildPopularityFigure({ rank, count, nItems, headShare }: PopularityCurveProps): { data: Data[]; layout: Partial<Layout> } {
  const headRank = Math.max(1, Math.round(headShare * nItems));
  const head = rank.map((r, i) => (r <= headRank ? count[i] : null));
  const tail = rank.map((r, i) => (r >= headRank ? count[i] : null));
  const maxCount = Math.max(1, ...count);
  return {
    data: [
      { type: 'scatter', mode: 'lines', name: `head (${(headShare * 100).toFixed(1)}% of items)`, x: rank, y: head, fill: 'tozeroy', line: { color: '#4f46e5', width: 2 }, fillcolor: 'rgba(79,70,229,0.15)', hovertemplate: 'rank %{x}<br>%{y} users<extra>head</extra>' },
      { type: 'scatter', mode: 'lines', name: 'long tail', x: rank, y: tail, fill: 'tozeroy', line: { color: '#f59e0b', width: 2 }, fillcolor: 'rgba(245,158,11,0.15)', hovertemplate: 'rank %{x}<br>%{y} users<extra>tail</extra>' },
    ],
    layout: {
      ...BASE_LAYOUT,
      xaxis: { title: { text: 'item popularity rank (log)' }, type: 'log', gridcolor: '#eef0f4' },
      yaxis: { title: { text: 'distinct train users (log)' }, type: 'log', gridcolor: '#eef0f4' },
      shapes: [{ type: 'line', x0: headRank, x1: headRank, y0: 0, y1: 1, yref: 'paper', line: { dash: 'dot', color: '#6b7280', width: 1 } }],
      annotations: [{ x: Math.log10(headRank), y: Math.log10(maxCount), xref: 'x', yref: 'y', text: `80% of interactions ← ${headRank.toLocaleString('en-US')} items`, showarrow: false, xanchor: 'left', yanchor: 'top', font: { size: 11, color: '#6b7280' } }],
    },
  };
}

export function PopularityCurveChart(props: PopularityCurveProps) {
  const { rank, count, nItems, headShare } = props;
  const figure = useMemo(() => buildPopularityFigure({ rank, count, nItems, headShare }), [rank, count, nItems, headShare]);
  return <Plot data={figure.data} layout={figure.layout} style={{ width: '100%', height: props.height ?? 340 }} />;
}
