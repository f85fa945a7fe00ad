/**
 * Grouped bars "selection vs all": each group's counts become shares of its own total so groups of
 * very different sizes compare, with the counts kept for the hover.
 */
import type { Data, Layout } from 'plotly.js';
import { BASE_LAYOUT, PALETTE } from '@/lib/plotly';
import type { SideDistribution } from '../types';

export interface BarSeries {
  name: string;
  /** Raw counts per category (null: only shares are known). */
  counts: number[] | null;
  shares: number[];
}

export interface ShareBars {
  categories: string[];
  series: BarSeries[];
}

/** At most this many categories are drawn (largest in the first series); the rest are "other". */
export const MAX_BAR_CATEGORIES = 20;

export const sharesOf = (counts: readonly number[], total?: number): number[] => {
  const sum = total ?? counts.reduce((s, c) => s + c, 0);
  return counts.map((c) => (sum > 0 ? c / sum : 0));
};

export const binLabel = (lo: number, hi: number): string => `[${Number(lo.toPrecision(6))}, ${Number(hi.toPrecision(6))})`;

/** Keeps the largest categories (by the first series, then the second) and folds the rest into "other". */
export function topCategories(bars: ShareBars, max = MAX_BAR_CATEGORIES): ShareBars {
  if (bars.categories.length <= max) return bars;
  const weight = (i: number) => bars.series.reduce((s, ser, j) => s + ser.shares[i] * (j === 0 ? 1e3 : 1), 0);
  const order = bars.categories.map((_, i) => i).sort((a, b) => weight(b) - weight(a));
  const keep = order.slice(0, max);
  const rest = order.slice(max);
  const pick = (arr: readonly number[]) => [...keep.map((i) => arr[i]), rest.reduce((s, i) => s + arr[i], 0)];
  return {
    categories: [...keep.map((i) => bars.categories[i]), `other (${rest.length})`],
    series: bars.series.map((s) => ({ name: s.name, counts: s.counts ? pick(s.counts) : null, shares: pick(s.shares) })),
  };
}

/** A side column's selection-vs-all distribution as shares (numeric columns keep their bin order). */
export function sideShareBars(d: SideDistribution, names: [string, string] = ['selection', 'all']): ShareBars {
  const categories = d.kind === 'numeric' ? d.selected.map((_, i) => binLabel(d.edges[i], d.edges[i + 1])) : d.values;
  const bars: ShareBars = {
    categories,
    series: [
      { name: names[0], counts: d.selected, shares: sharesOf(d.selected) },
      { name: names[1], counts: d.all, shares: sharesOf(d.all) },
    ],
  };
  return d.kind === 'numeric' ? bars : topCategories(bars);
}

const pct = (v: number) => `${(v * 100).toFixed(1)}%`;

export function buildShareBarsFigure(bars: ShareBars, { yTitle = 'share', colors = [PALETTE[0], '#9ca3af'] }: { yTitle?: string; colors?: string[] } = {}): { data: Data[]; layout: Partial<Layout> } {
  const data: Data[] = bars.series.map((s, j) => ({
    type: 'bar', name: s.name, x: bars.categories, y: s.shares,
    marker: { color: colors[j % colors.length] },
    customdata: bars.categories.map((_, i) => [s.counts ? `${pct(s.shares[i])} · ${s.counts[i].toLocaleString('en-US')} ${s.counts[i] === 1 ? 'count' : 'counts'}` : pct(s.shares[i]), s.name]) as unknown as string[],
    hovertemplate: `<b>%{x}</b><br>%{customdata[1]}: %{customdata[0]}<extra></extra>`,
  }) as Data);
  return {
    data,
    layout: {
      ...BASE_LAYOUT, barmode: 'group', bargap: 0.18, margin: { l: 48, r: 8, t: 28, b: 64 },
      legend: { ...BASE_LAYOUT.legend, y: 1.18 },
      xaxis: { type: 'category', automargin: true, tickangle: bars.categories.length > 8 ? -40 : 0 },
      yaxis: { title: { text: yTitle }, tickformat: '.0%', gridcolor: '#eef0f4', rangemode: 'tozero' },
    },
  };
}
