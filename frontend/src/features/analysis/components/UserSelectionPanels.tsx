import { useMemo, useState } from 'react';
import type { Data, Layout } from 'plotly.js';
import { Card, Select } from '@/components/ui';
import { BASE_LAYOUT, PALETTE, Plot } from '@/lib/plotly';
import { formatCount } from '@/lib/format';
import { formatMetric } from '@/lib/metrics';
import { sideShareBars, topCategories, type ShareBars } from '../lib/bars';
import type { UserSelection } from '../types';
import { ShareBarsChart } from './ShareBarsChart';
import { SideValue, sideColumnsOf } from './SideValue';

/** Mean of one metric per experiment, selection vs all users, as grouped bars. */
export function buildMetricsFigure(rows: UserSelection['metrics'], metric: string): { data: Data[]; layout: Partial<Layout> } {
  const mine = rows.filter((r) => r.metric === metric);
  const x = mine.map((r) => r.experiment);
  const bar = (name: string, y: (number | null)[], color: string): Data => ({
    type: 'bar', name, x, y, marker: { color }, customdata: x.map(() => name),
    hovertemplate: `<b>%{x}</b><br>%{customdata}: %{y:.4f}<extra></extra>`,
  });
  return {
    data: [bar('selection', mine.map((r) => r.selected), PALETTE[0]), bar('all users', mine.map((r) => r.all), '#9ca3af')],
    layout: {
      ...BASE_LAYOUT, barmode: 'group', margin: { l: 56, r: 8, t: 28, b: 72 }, legend: { ...BASE_LAYOUT.legend, y: 1.18 },
      xaxis: { type: 'category', automargin: true, tickangle: x.length > 6 ? -30 : 0 }, yaxis: { title: { text: metric }, gridcolor: '#eef0f4', rangemode: 'tozero' },
    },
  };
}

function MetricsChart({ rows }: { rows: UserSelection['metrics'] }) {
  const metrics = useMemo(() => [...new Set(rows.map((r) => r.metric))], [rows]);
  const [pick, setPick] = useState('');
  const metric = metrics.includes(pick) ? pick : (metrics.find((m) => m.startsWith('recall@')) ?? metrics[0] ?? '');
  const figure = useMemo(() => buildMetricsFigure(rows, metric), [rows, metric]);
  return (
    <Card title={<>Metrics of the selection<span className="card-hint">mean over the selected users vs all users, every experiment</span></>} testId="panel-metrics"
      actions={metrics.length > 1 && <Select label="metric" value={metric} options={metrics.map((m) => ({ value: m, label: m }))} onChange={setPick} testId="panel-metrics-pick" />}>
      {rows.length === 0 ? <p className="muted small panel-empty">No metrics computed for these users.</p>
        : <Plot data={figure.data} layout={figure.layout} style={{ width: '100%', height: 260 }} />}
    </Card>
  );
}

/** The charts of a user selection: side columns, metrics, most recommended items, genres train vs recommended. */
export function UserSelectionPanels({ selection, experiment }: { selection: UserSelection; experiment: string }) {
  const genreBars = useMemo(() => selection.genres.map((g): [string, ShareBars] => [g.column, topCategories({
    categories: g.values,
    series: [{ name: 'train items', counts: null, shares: g.train }, { name: `top-${selection.k} recommendations`, counts: null, shares: g.recommended }],
  })]), [selection]);
  const itemCols = useMemo(() => sideColumnsOf(selection.top_items), [selection.top_items]);
  const maxCount = Math.max(1, ...selection.top_items.map((t) => t.count));
  return (
    <div className="selection-panels" data-testid="user-panels">
      <div className="panel-grid">
        {selection.side.map((d) => (
          <Card key={d.column} title={<>{d.column}<span className="card-hint">selection vs all users, share of each</span></>} testId={`panel-side-${d.column}`}>
            <ShareBarsChart bars={sideShareBars(d, ['selection', 'all users'])} />
          </Card>
        ))}
        {genreBars.map(([column, bars]) => (
          <Card key={column} title={<>{column}: train vs recommended<span className="card-hint">share of the selection's train items vs their top-{selection.k} of {experiment}</span></>} testId={`panel-genres-${column}`}>
            <ShareBarsChart bars={bars} colors={['#10b981', PALETTE[0]]} />
          </Card>
        ))}
      </div>
      <MetricsChart rows={selection.metrics} />
      <Card title={<>Most recommended to the selection<span className="card-hint">the 20 items most often in their top-{selection.k} of {experiment}</span></>} testId="panel-top-items">
        {selection.top_items.length === 0 ? <p className="muted small panel-empty">No recommendations for these users.</p> : (
          <table className="data-table compact" data-testid="top-items">
            <thead><tr><th>item</th><th className="num">users</th><th>share of the selection</th>{itemCols.map((c) => <th key={c}>{c}</th>)}</tr></thead>
            <tbody>
              {selection.top_items.map((t) => (
                <tr key={String(t.item)}>
                  <td className="mono">{String(t.item)}</td>
                  <td className="num">{formatCount(t.count)}</td>
                  <td><span className="share-bar" title={formatMetric(t.share, 3)}><span style={{ width: `${(t.count / maxCount) * 100}%` }} /></span> {(t.share * 100).toFixed(0)}%</td>
                  {itemCols.map((c) => <td key={c} className="side-cell"><SideValue value={t.side[c]} /></td>)}
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Card>
    </div>
  );
}
