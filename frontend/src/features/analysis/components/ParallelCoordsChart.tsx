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

/** A hyper-parameter axis: numeric when every present value is a number, else categorical ticks. */
export function hyperDimension(name: string, values: readonly unknown[]): Dimension | null {
  const present = values.filter((v) => v !== undefined && v !== null);
  if (present.length === 0) return null;
  if (present.every((v) => typeof v === 'number')) {
    return { label: name, values: values.map((v) => (typeof v === 'number' ? v : Number.NaN)) };
  }
  const cats = [...new Set(present.map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v))))].sort();
  if (cats.length > 30) return null; // free text (e.g. notes): not an axis
  const index = new Map(cats.map((c, i) => [c, i]));
  return {
    label: name,
    values: values.map((v) => (v === undefined || v === null ? Number.NaN : index.get(typeof v === 'object' ? JSON.stringify(v) : String(v)) ?? Number.NaN)),
    tickvals: cats.map((_, i) => i),
    ticktext: cats,
    range: [-0.5, Math.max(cats.length - 0.5, 0.5)],
  };
}

export function buildParallelCoordsFigure({ points, hyperParameterNames, metrics, colorMetric }: ParallelCoordsProps): { data: Data[]; layout: Partial<Layout>; dimensions: Dimension[] } {
  const dims: Dimension[] = [];
  for (const h of hyperParameterNames) {
    const d = hyperDimension(h, points.map((p) => p.hyper_parameters[h]));
    if (d) dims.push(d);
  }
  for (const m of metrics) dims.push({ label: metricLabel(m), values: points.map((p) => p.metrics[m] ?? Number.NaN) });
  const trace: ParcoordsTrace = {
    type: 'parcoords',
    dimensions: dims,
    line: { color: points.map((p) => p.metrics[colorMetric] ?? Number.NaN), colorscale: 'Viridis', showscale: true, colorbar: { title: { text: colorMetric }, thickness: 12 } },
    labelangle: -20,
    labelfont: { size: 11 },
    tickfont: { size: 10 },
  };
  const data: Data[] = [trace];
  return { data, dimensions: dims, layout: { ...BASE_LAYOUT, margin: { l: 64, r: 64, t: 72, b: 24 } } };
}

export function ParallelCoordsChart(props: ParallelCoordsProps) {
  const { points, hyperParameterNames, metrics, colorMetric } = props;
  const figure = useMemo(() => buildParallelCoordsFigure({ points, hyperParameterNames, metrics, colorMetric }), [points, hyperParameterNames, metrics, colorMetric]);
  return <Plot data={figure.data} layout={figure.layout} style={{ width: '100%', height: 420 }} />;
}
