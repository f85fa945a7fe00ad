import { useMemo } from 'react';
import type { Data, Layout, PlotMouseEvent } from 'plotly.js';
import { BASE_LAYOUT, Plot } from '@/lib/plotly';
import { higherIsBetter } from '@/lib/metrics';
import { paretoFront } from '@/lib/pareto';
import { lambdaLabel } from '../lib/rerank';
import type { FrontierPoint } from '../types';

export interface FrontierProps {
  /** Every experiment of the dataset (the compare table rows), parent and sweep included. */
  points: readonly FrontierPoint[];
  parent: string;
  /** The derived experiments of the sweep, ordered by λ. */
  series: readonly FrontierPoint[];
  xMetric: string;
  yMetric: string;
  /** The derived experiment inspected below the chart. */
  selected?: string | null;
  /** Legend name of the sweep line ("diversity · cooc"). */
  seriesLabel?: string;
}

export interface FrontierFigure {
  data: Data[];
  layout: Partial<Layout>;
  /** Names of the Pareto-optimal experiments, by x. */
  front: string[];
}

const SWEEP_COLOR = '#4f46e5';
const PARENT_COLOR = '#f59e0b';

const val = (p: FrontierPoint, m: string): number => {
  const v = p.metrics[m];
  return v === null || v === undefined ? Number.NaN : v;
};

export function buildFrontierFigure({ points, parent, series, xMetric, yMetric, selected = null, seriesLabel = 'λ sweep' }: FrontierProps): FrontierFigure {
  const has = (p: FrontierPoint) => Number.isFinite(val(p, xMetric)) && Number.isFinite(val(p, yMetric));
  const seriesNames = new Set(series.map((s) => s.name));
  const parentPoint = points.find((p) => p.name === parent) ?? null;
  const sweep = series.filter(has);
  const others = points.filter((p) => p.name !== parent && !seriesNames.has(p.name) && has(p));

  // the front over everything drawn: other experiments, the parent and the sweep
  const all = [...others, ...(parentPoint && has(parentPoint) ? [parentPoint] : []), ...sweep];
  const xy = all.map((p) => ({ x: val(p, xMetric), y: val(p, yMetric) }));
  const frontIdx = paretoFront(xy, higherIsBetter(xMetric), higherIsBetter(yMetric));
  const hover = `${xMetric} = %{x:.4f}<br>${yMetric} = %{y:.4f}<extra></extra>`;

  const data: Data[] = [
    {
      type: 'scatter', mode: 'markers', name: `other experiments (${others.length})`,
      x: others.map((p) => val(p, xMetric)), y: others.map((p) => val(p, yMetric)), text: others.map((p) => p.name), customdata: others.map((p) => p.name),
      marker: { color: '#94a3b8', size: 8, opacity: 0.65 },
      hovertemplate: `<b>%{customdata}</b><br>${hover}`,
    },
    {
      type: 'scatter', mode: 'lines+markers', name: 'Pareto front', line: { color: '#ef4444', width: 2, dash: 'dot' },
      marker: { size: 16, color: 'rgba(0,0,0,0)', line: { color: '#ef4444', width: 2 } },
      x: frontIdx.map((i) => xy[i].x), y: frontIdx.map((i) => xy[i].y), text: frontIdx.map((i) => all[i].name),
      hoverinfo: 'skip',
    },
    {
      type: 'scatter', mode: 'text+lines+markers', name: `${seriesLabel} (${sweep.length} λ)`,
      x: sweep.map((p) => val(p, xMetric)), y: sweep.map((p) => val(p, yMetric)),
      text: sweep.map((p) => lambdaLabel(p.lambda)), customdata: sweep.map((p) => p.name),
      textposition: 'top right', textfont: { size: 10, color: '#3730a3' },
      line: { color: SWEEP_COLOR, width: 2 }, marker: { color: SWEEP_COLOR, size: 9, line: { color: '#fff', width: 1.5 } },
      hovertemplate: `<b>%{text}</b> · %{customdata}<br>${hover}`,
    },
  ];
  if (parentPoint && has(parentPoint)) {
    data.push({
      type: 'scatter', mode: 'text+markers', name: `parent: ${parent}`,
      x: [val(parentPoint, xMetric)], y: [val(parentPoint, yMetric)], text: [parent], customdata: [parent],
      textposition: 'bottom center', textfont: { size: 11, color: '#92400e' },
      marker: { symbol: 'star', size: 20, color: PARENT_COLOR, line: { color: '#78350f', width: 1.5 } },
      hovertemplate: `<b>%{customdata}</b> (parent, not re-ranked)<br>${hover}`,
    });
  }
  const sel = selected ? sweep.find((p) => p.name === selected) : undefined;
  if (sel) {
    data.push({
      type: 'scatter', mode: 'markers', name: `selected ${lambdaLabel(sel.lambda)}`, showlegend: false,
      x: [val(sel, xMetric)], y: [val(sel, yMetric)], customdata: [sel.name],
      marker: { size: 22, color: 'rgba(0,0,0,0)', line: { color: '#111827', width: 2.5 } },
      hoverinfo: 'skip',
    });
  }
  const arrow = (m: string) => (higherIsBetter(m) ? '→ better' : '← better');
  return {
    data,
    front: frontIdx.map((i) => all[i].name),
    layout: {
      ...BASE_LAYOUT,
      xaxis: { title: { text: `${xMetric} (${arrow(xMetric)})` }, gridcolor: '#eef0f4', zeroline: false },
      yaxis: { title: { text: `${yMetric} (${higherIsBetter(yMetric) ? '↑' : '↓'} better)` }, gridcolor: '#eef0f4', zeroline: false },
      hovermode: 'closest',
      margin: { l: 64, r: 24, t: 48, b: 56 },
    },
  };
}

export function FrontierChart(props: FrontierProps & { onSelect?: (name: string) => void; height?: number }) {
  const { points, parent, series, xMetric, yMetric, selected, seriesLabel, onSelect, height = 460 } = props;
  const figure = useMemo(
    () => buildFrontierFigure({ points, parent, series, xMetric, yMetric, selected, seriesLabel }),
    [points, parent, series, xMetric, yMetric, selected, seriesLabel],
  );
  const names = useMemo(() => new Set(series.map((s) => s.name)), [series]);
  const onClick = (e: Readonly<PlotMouseEvent>) => {
    const name = e.points[0]?.customdata;
    if (onSelect && typeof name === 'string' && names.has(name)) onSelect(name);
  };
  return <Plot data={figure.data} layout={figure.layout} style={{ width: '100%', height }} onClick={onClick} />;
}
