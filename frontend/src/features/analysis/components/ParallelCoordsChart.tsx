import { useMemo } from 'react';
import type { Data, Layout } from 'plotly.js';
import { BASE_LAYOUT, Plot } from '@/lib/plotly';
import { metricLabel } from '@/lib/metrics';
import type { ExperimentPoint } from '../types';

export interface ParallelCoordsProps {
  points: readonly ExperimentPoint[];
  hyperParameterNames: readonly string[];
  metrics: readonly string[];
  colorMetric: string;
}

interface Dimension {
  label: string;
  values: number[];
  tickvals?: number[];
  ticktext?: string[];
  range?: [number, number];
}

interface ParcoordsTrace {
  type: 'parcoords';
  dimensions: Dimension[];
  line: { color: number[]; colorscale: string; showscale: boolean; colorbar: { title: { text: string }; thickness: number } };
  labelangle: number;
  labelfont: { size: number };
  tickfont: { size: number };
}

const MISSING = '—';
const keyOf = (v: unknown): string => (typeof v === 'object' ? JSON.stringify(v) : String(v));

/**
 * A numeric axis; Plotly drops a whole line when one of its values is NaN, so a missing value is
 * drawn just under the axis minimum instead (the tooltip-free axis says so in its label).
 */
export function numericDimension(label: string, values: readonly (number | null | undefined)[]): Dimension | null {
  const present = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  if (present.length === 0) return null;
  if (present.length === values.length) return { label, values: [...present] };
  const lo = Math.min(...present);
  const hi = Math.max(...present);
  const below = lo - (hi - lo || Math.abs(lo) || 1) * 0.1;
  return { label: `${label} (${MISSING} = none)`, values: values.map((v) => (typeof v === 'number' && Number.isFinite(v) ? v : below)), range: [below, hi] };
}

/** A hyper-parameter axis: numeric when every value is a number, else categorical ticks ('—' = not set). */
export function hyperDimension(name: string, values: readonly unknown[]): Dimension | null {
  const present = values.filter((v) => v !== undefined && v !== null);
  if (present.length === 0) return null;
  const numeric = present.every((v) => typeof v === 'number');
  if (numeric && present.length === values.length) return { label: name, values: values.map((v) => v as number) };
  const cats = [...new Set(present.map(keyOf))];
  if (numeric) cats.sort((a, b) => Number(a) - Number(b)); else cats.sort();
  if (cats.length > 30) {
    // many distinct values: numeric with a floor for missing ones, or not an axis (free text)
    return numeric ? numericDimension(name, values.map((v) => (typeof v === 'number' ? v : null))) : null;
  }
  const hasMissing = present.length < values.length;
  const ticks = hasMissing ? [MISSING, ...cats] : cats;
  const index = new Map(ticks.map((c, i) => [c, i]));
  return {
    label: name,
    values: values.map((v) => index.get(v === undefined || v === null ? MISSING : keyOf(v)) ?? 0),
    tickvals: ticks.map((_, i) => i),
    ticktext: ticks,
    range: [-0.3, Math.max(ticks.length - 0.7, 0.7)],
  };
}

export function buildParallelCoordsFigure({ points, hyperParameterNames, metrics, colorMetric }: ParallelCoordsProps): { data: Data[]; layout: Partial<Layout>; dimensions: Dimension[] } {
  const dims: Dimension[] = [];
  for (const h of hyperParameterNames) {
    const d = hyperDimension(h, points.map((p) => p.hyper_parameters[h]));
    if (d) dims.push(d);
  }
  for (const m of metrics) {
    const d = numericDimension(metricLabel(m), points.map((p) => p.metrics[m]));
    if (d) dims.push(d);
  }
  const trace: ParcoordsTrace = {
    type: 'parcoords',
    dimensions: dims,
    line: { color: points.map((p) => p.metrics[colorMetric] ?? Number.NaN), colorscale: 'Viridis', showscale: true, colorbar: { title: { text: colorMetric }, thickness: 12 } },
    labelangle: -20,
    labelfont: { size: 11 },
    tickfont: { size: 10 },
  };
  const data: Data[] = [trace];
  return { data, dimensions: dims, layout: { ...BASE_LAYOUT, margin: { l: 96, r: 72, t: 72, b: 24 } } };
}

export function ParallelCoordsChart(props: ParallelCoordsProps) {
  const { points, hyperParameterNames, metrics, colorMetric } = props;
  const figure = useMemo(() => buildParallelCoordsFigure({ points, hyperParameterNames, metrics, colorMetric }), [points, hyperParameterNames, metrics, colorMetric]);
  return <Plot data={figure.data} layout={figure.layout} style={{ width: '100%', height: 420 }} />;
}
