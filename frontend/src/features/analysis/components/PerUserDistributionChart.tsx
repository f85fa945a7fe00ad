import { useMemo } from 'react';
import type { Data, Layout } from 'plotly.js';
import { BASE_LAYOUT, PALETTE, Plot } from '@/lib/plotly';
import { finite, mean } from '../lib/stats';

export interface PerUserSeries {
  name: string;
  values: readonly number[];
}

export interface PerUserDistributionProps {
  series: readonly PerUserSeries[];
  metric: string;
  mode: 'histogram' | 'box';
}

export function buildDistributionFigure({ series, metric, mode }: PerUserDistributionProps): { data: Data[]; layout: Partial<Layout> } {
  if (mode === 'box') {
    return {
      data: series.map((s, j): Data => ({
        type: 'box', name: s.name, y: finite(s.values), boxmean: true, boxpoints: false,
        marker: { color: PALETTE[j % PALETTE.length] }, hoverinfo: 'y+name',
      })),
      layout: { ...BASE_LAYOUT, showlegend: false, yaxis: { title: { text: `${metric} per user` }, gridcolor: '#eef0f4', zeroline: false } },
    };
  }
  const data: Data[] = series.map((s, j): Data => ({
    type: 'histogram', name: `${s.name} (mean ${mean(s.values).toFixed(4)})`, x: finite(s.values), histnorm: 'percent', nbinsx: 30, opacity: 0.6,
    marker: { color: PALETTE[j % PALETTE.length] }, hovertemplate: `%{fullData.name}<br>${metric} %{x}<br>%{y:.1f}% of users<extra></extra>`,
  }));
  return {
    data,
    layout: {
      ...BASE_LAYOUT, barmode: 'overlay',
      xaxis: { title: { text: `${metric} per user` }, gridcolor: '#eef0f4' },
      yaxis: { title: { text: '% of users' }, gridcolor: '#eef0f4' },
      shapes: series.map((s, j) => ({ type: 'line', x0: mean(s.values), x1: mean(s.values), y0: 0, y1: 1, yref: 'paper', line: { color: PALETTE[j % PALETTE.length], dash: 'dash', width: 1.5 } })),
    },
  };
}

export function PerUserDistributionChart(props: PerUserDistributionProps) {
  const { series, metric, mode } = props;
  const figure = useMemo(() => buildDistributionFigure({ series, metric, mode }), [series, metric, mode]);
  return <Plot data={figure.data} layout={figure.layout} style={{ width: '100%', height: 380 }} />;
}
