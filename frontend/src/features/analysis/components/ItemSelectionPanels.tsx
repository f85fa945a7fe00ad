import { useMemo, type ReactNode } from 'react';
import { Card, Spinner, Stat, ErrorState } from '@/components/ui';
import { formatCount } from '@/lib/format';
import { PALETTE } from '@/lib/plotly';
import { binLabel, sharesOf, sideShareBars, topCategories, type ShareBars } from '../lib/bars';
import type { Audience, ItemSelection } from '../types';
import { ShareBarsChart } from './ShareBarsChart';

/**
 * Audience: per user side column, the users who interacted with the selected items in train vs the
 * users the experiment recommends them to; each group's counts as shares of that group's users.
 */
export function audienceBars(audience: Audience): [string, ShareBars][] {
  const columns = [...new Set(audience.rows.map((r) => r.column))];
  return columns.map((column) => {
    const rows = audience.rows.filter((r) => r.column === column);
    const values = [...new Set(rows.map((r) => r.value))];
    const counts = (group: 'interacted' | 'recommended') => values.map((v) => rows.find((r) => r.group === group && r.value === v)?.count ?? 0);
    const interacted = counts('interacted');
    const recommended = counts('recommended');
    const bars: ShareBars = {
      categories: values,
      series: [
        { name: `interacted in train (${formatCount(audience.n_interacted)})`, counts: interacted, shares: sharesOf(interacted, audience.n_interacted) },
        { name: `recommended in top-${audience.k} (${formatCount(audience.n_recommended)})`, counts: recommended, shares: sharesOf(recommended, audience.n_recommended) },
      ],
    };
    // numeric columns arrive binned ("[18, 25)"): keep their order
    return [column, values.every((v) => v.startsWith('[')) ? bars : topCategories(bars)];
  });
}

export function popularityBars(p: ItemSelection['popularity']): ShareBars {
  return {
    categories: p.selected_counts.map((_, i) => binLabel(p.edges[i], p.edges[i + 1])),
    series: [
      { name: 'selection', counts: p.selected_counts, shares: sharesOf(p.selected_counts) },
      { name: 'all items', counts: p.all_counts, shares: sharesOf(p.all_counts) },
    ],
  };
}

const num = (v: number) => (Number.isInteger(v) ? formatCount(v) : v.toFixed(1));

/** The charts of an item selection: side columns, popularity, share of the recommendations, audience. */
export function ItemSelectionPanels({ selection, audience, audienceControls }: {
  selection: ItemSelection;
  audience: { data?: Audience; isPending: boolean; error: unknown };
  audienceControls?: ReactNode;
}) {
  const pop = useMemo(() => popularityBars(selection.popularity), [selection.popularity]);
  const aud = useMemo(() => (audience.data ? audienceBars(audience.data) : []), [audience.data]);
  const p = selection.popularity;
  return (
    <div className="selection-panels" data-testid="item-panels">
      <div className="stats-row">
        <Stat label="popularity, selection (mean / median)" value={<span data-testid="pop-selected">{num(p.selected.mean)} / {num(p.selected.median)}</span>} />
        <Stat label="popularity, all items (mean / median)" value={<span data-testid="pop-all">{num(p.all.mean)} / {num(p.all.median)}</span>} />
        <Stat label="share of all top-K slots" value={<span data-testid="rec-share">{(selection.recommended.selected_share * 100).toFixed(1)}%</span>} />
      </div>
      <div className="panel-grid">
        <Card title={<>Popularity<span className="card-hint">train interactions per item, log bins, selection vs all items</span></>} testId="panel-popularity">
          <ShareBarsChart bars={pop} />
        </Card>
        {selection.side.map((d) => (
          <Card key={d.column} title={<>{d.column}<span className="card-hint">selection vs all items, share of each</span></>} testId={`panel-side-${d.column}`}>
            <ShareBarsChart bars={sideShareBars(d, ['selection', 'all items'])} />
          </Card>
        ))}
      </div>
      <Card title={<>Audience<span className="card-hint">who interacted with these items vs who gets them recommended</span></>} actions={audienceControls} testId="panel-audience">
        {audience.isPending ? <Spinner label="Loading the audience…" />
          : audience.error ? <ErrorState error={audience.error} />
          : aud.length === 0 ? <p className="muted small panel-empty">No user side columns to compare.</p> : (
            <div className="panel-grid">
              {aud.map(([column, bars]) => (
                <div key={column} data-testid={`audience-${column}`}>
                  <div className="panel-subtitle">{column}</div>
                  <ShareBarsChart bars={bars} colors={['#10b981', PALETTE[0]]} yTitle="share of the group's users" />
                </div>
              ))}
            </div>
          )}
      </Card>
    </div>
  );
}
