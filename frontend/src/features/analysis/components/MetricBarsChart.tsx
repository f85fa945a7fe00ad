import { useMemo } from 'react';
import type { Annotation as Annotation_, Data, Layout, LayoutAxis, XAxisName, YAxisName } from 'plotly.js';
import { BASE_LAYOUT, PALETTE, Plot } from '@/lib/plotly';
import { formatMetric, higherIsBetter } from '@/lib/metrics';
import { fittedRange } from '../lib/stats';
import type { ExperimentPoint } from '../types';

export interface MetricBarsProps {
  experiments: readonly ExperimentPoint[];
  metrics: readonly string[];
  /** y-axes fitted to the data (default) or starting at zero. */
  fromZero?: boolean;
  columns?: number;
}

/** At most this many metric panels (Plotly's typed axis names stop at 99; readability much earlier). */
export const MAX_PANELS = 24;

const axisSuffix = (i: number): string => (i === 0 ? '' : String(i + 1));

/** One panel per metric (each with its own y-axis), one bar per experiment, legend shared. */
export function buildMetricBarsFigure({ experiments, metrics, fromZero = false, columns = 4 }: MetricBarsProps): { data: Data[]; layout: Partial<Layout>; rows: number } {
  const shown = metrics.slice(0, MAX_PANELS);
  const cols = Math.max(1, Math.min(columns, shown.length));
  const rows = Math.max(1, Math.ceil(shown.length / cols));
  const data: Data[] = [];
  const axes: Record<string, Partial<LayoutAxis>> = {};
  const annotations: Partial<Annotation_>[] = [];
  shown.forEach((metric, i) => {
    const s = axisSuffix(i);
    const xa = `x${s}` as XAxisName;
    const ya = `y${s}` as YAxisName;
    const values = experiments.map((e) => e.metrics[metric] ?? Number.NaN);
    const range = fromZero ? null : fittedRange(values, 0.2);
    axes[`xaxis${s}`] = { showticklabels: false, showgrid: false, zeroline: false, fixedrange: false };
    axes[`yaxis${s}`] = { gridcolor: '#eef0f4', zeroline: false, tickfont: { size: 10 }, ...(range ? { range, autorange: false } : { rangemode: 'tozero' }) };
    annotations.push({ text: `<b>${metric}</b> ${higherIsBetter(metric) ? '↑' : '↓'}`, xref: `${xa} domain` as XAxisName, yref: `${ya} domain` as YAxisName, x: 0.5, y: 1.02, xanchor: 'center', yanchor: 'bottom', showarrow: false, font: { size: 11 } });
    experiments.forEach((e, j) => {
      const v = e.metrics[metric];
      data.push({
        type: 'bar', name: e.name, legendgroup: e.name, showlegend: i === 0,
        x: [e.name], y: [v ?? null], xaxis: xa, yaxis: ya,
        marker: { color: PALETTE[j % PALETTE.length] },
        text: [formatMetric(v ?? null, 3)], textposition: 'outside', textfont: { size: 9 }, cliponaxis: false,
        hovertemplate: `<b>%{x}</b><br>${metric} = %{y:.4f}<extra></extra>`,
      });
    });
  });
  const layout = Object.assign<Partial<Layout>, Record<string, Partial<LayoutAxis>>>({
    ...BASE_LAYOUT,
    grid: { rows, columns: cols, pattern: 'independent', xgap: 0.12, ygap: 0.32 },
    annotations,
    barmode: 'group',
    bargap: 0.15,
    margin: { l: 48, r: 16, t: 56, b: 16 },
    legend: { orientation: 'h', x: 0, y: 1 + 0.35 / rows, yanchor: 'bottom' },
  }, axes);
  return { data, layout, rows };
}

export function MetricBarsChart(props: MetricBarsProps) {
  const { experiments, metrics, fromZero, columns } = props;
  const figure = useMemo(() => buildMetricBarsFigure({ experiments, metrics, fromZero, columns }), [experiments, metrics, fromZero, columns]);
  return <Plot data={figure.data} layout={figure.layout} style={{ width: '100%', height: 80 + figure.rows * 200 }} />;
}
