import { useMemo } from 'react';
import type { Data, Layout } from 'plotly.js';
import { BASE_LAYOUT, PALETTE, Plot } from '@/lib/plotly';
import type { Breakdown } from '../types';

export interface BreakdownChartProps {
  breakdowns: readonly { name: string; breakdown: Breakdown }[];
  metric: string;
  by: string;
}

/** Mean per user segment with its 95% CI, one bar group per segment, one colour per experiment. */
export function buildBreakdownFigure({ breakdowns, metric, by }: BreakdownChartProps): { data: Data[]; layout: Partial<Layout> } {
  const order: string[] = [];
  for (const b of breakdowns) for (const g of b.breakdown.groups) if (!order.includes(g.group)) order.push(g.group);
  const data: Data[] = breakdowns.map(({ name, breakdown }, j): Data => {
    const byGroup = new Map(breakdown.groups.map((g) => [g.group, g]));
    const groups = order.map((o) => byGroup.get(o));
    return {
      type: 'bar', name, x: order, y: groups.map((g) => g?.mean ?? null),
      error_y: { type: 'data', symmetric: false, array: groups.map((g) => (g ? g.ci_high - g.mean : 0)), arrayminus: groups.map((g) => (g ? g.mean - g.ci_low : 0)), thickness: 1.2, width: 3, color: '#374151' },
      // The experiment and column names are user strings: they reach the hover only as data.
      customdata: groups.map((g) => [g?.n ?? 0, g?.ci_low ?? null, g?.ci_high ?? null, name, by]),
      marker: { color: PALETTE[j % PALETTE.length] },
      hovertemplate: `<b>%{customdata[3]}</b><br>%{customdata[4]} = %{x}<br>${metric} = %{y:.4f}<br>95% CI [%{customdata[1]:.4f}, %{customdata[2]:.4f}]<br>n = %{customdata[0]} users<extra></extra>`,
    };
  });
  return {
    data,
    layout: {
      ...BASE_LAYOUT, barmode: 'group', bargap: 0.25,
      xaxis: { title: { text: by }, type: 'category', automargin: true },
      yaxis: { title: { text: `mean ${metric}` }, gridcolor: '#eef0f4', rangemode: 'tozero' },
    },
  };
}

export function BreakdownChart(props: BreakdownChartProps) {
  const { breakdowns, metric, by } = props;
  const figure = useMemo(() => buildBreakdownFigure({ breakdowns, metric, by }), [breakdowns, metric, by]);
  return <Plot data={figure.data} layout={figure.layout} style={{ width: '100%', height: 380 }} />;
}
