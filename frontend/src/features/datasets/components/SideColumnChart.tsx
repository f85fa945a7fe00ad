import { useMemo } from 'react';
import type { Data, Layout } from 'plotly.js';
import { BASE_LAYOUT, Plot } from '@/lib/plotly';
import type { ColumnDistribution } from '../types';

/** At most this many categories are drawn; the rest are summed into "other". */
export const MAX_CATEGORIES = 25;

export function buildSideColumnFigure(column: ColumnDistribution, color = '#4f46e5'): { data: Data[]; layout: Partial<Layout> } {
  const layout: Partial<Layout> = { ...BASE_LAYOUT, margin: { l: 48, r: 8, t: 8, b: 64 }, showlegend: false, bargap: 0.08, yaxis: { title: { text: 'count' }, gridcolor: '#eef0f4' } };
  if (column.kind === 'numeric') {
    const edges = column.bin_edges;
    const centers = column.counts.map((_, i) => (edges[i] + edges[i + 1]) / 2);
    const widths = column.counts.map((_, i) => edges[i + 1] - edges[i]);
    const labels = column.counts.map((_, i) => `[${edges[i]}, ${edges[i + 1]})`);
    return {
      data: [{ type: 'bar', x: centers, y: column.counts, width: widths, customdata: labels, marker: { color }, hovertemplate: '%{customdata}<br>%{y}<extra></extra>' }],
      layout: { ...layout, xaxis: { title: { text: column.name } } },
    };
  }
  const pairs = column.values.map((v, i) => [v, column.counts[i]] as const).sort((a, b) => b[1] - a[1]);
  const shown = pairs.slice(0, MAX_CATEGORIES);
  const rest = pairs.slice(MAX_CATEGORIES).reduce((s, p) => s + p[1], 0);
  const x = shown.map((p) => p[0]);
  const y = shown.map((p) => p[1]);
  if (rest > 0) { x.push(`other (${pairs.length - MAX_CATEGORIES})`); y.push(rest); }
  return {
    data: [{ type: 'bar', x, y, marker: { color }, hovertemplate: '%{x}<br>%{y}<extra></extra>' }],
    layout: { ...layout, xaxis: { type: 'category', tickangle: x.length > 8 ? -40 : 0, automargin: true } },
  };
}

export function SideColumnChart({ column, color, height = 240 }: { column: ColumnDistribution; color?: string; height?: number }) {
  const figure = useMemo(() => buildSideColumnFigure(column, color), [column, color]);
  return <Plot data={figure.data} layout={figure.layout} style={{ width: '100%', height }} />;
}
