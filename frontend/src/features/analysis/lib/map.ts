/**
 * The projection map as a Plotly figure: one point per user or item, coloured by a side column
 * or metric, WebGL (scattergl) for large maps. Pure, so the figure is testable without Plotly.
 */
import type { Data, Layout } from 'plotly.js';
import { BASE_LAYOUT, PALETTE } from '@/lib/plotly';
import type { Attribute, EntityId, Projection, ProjectionSource } from '../types';

/** Above this many points the map is drawn with WebGL. */
export const WEBGL_THRESHOLD = 5000;
/** Categorical colourings show this many categories; the rest are one "other" trace. */
export const MAX_COLOR_CATEGORIES = 10;
export const FILTERED_OUT_TRACE = 'filtered out';

export const idKey = (id: EntityId): string => String(id);

export const SOURCE_LABELS: Record<ProjectionSource, string> = {
  model_embeddings: 'model embeddings',
  candidate_scores: 'candidate scores (truncated SVD)',
  train_interactions: 'train interactions (truncated SVD)',
};

type Value = Attribute['values'][number];

const valueText = (v: Value | undefined): string =>
  v === null || v === undefined ? 'n/a' : Array.isArray(v) ? (v.length ? v.join(', ') : 'n/a') : typeof v === 'number' ? String(Number(v.toPrecision(4))) : v;

/** The category a point is coloured by: multi-valued columns use their first value. */
const categoryOf = (v: Value | undefined): string =>
  v === null || v === undefined ? 'n/a' : Array.isArray(v) ? (v.length ? String(v[0]) : 'n/a') : String(v);

export interface MapFigureOptions {
  /** Ids an applied filter keeps (null: no filter): the others are drawn grey and cannot be selected. */
  keep?: ReadonlySet<string> | null;
  entity: 'user' | 'item';
}

export function axisTitles(p: Projection): [string, string] {
  const name = p.method === 'pca' ? 'PC' : 'UMAP ';
  const ev = p.method === 'pca' ? p.explained_variance ?? null : null;
  const t = (i: number) => `${name}${i + 1}${ev && typeof ev[i] === 'number' ? ` (${(ev[i] * 100).toFixed(1)}% of variance)` : ''}`;
  return [t(0), t(1)];
}

export function buildMapFigure(p: Projection, attribute: Attribute | null, { keep = null, entity }: MapFigureOptions): { data: Data[]; layout: Partial<Layout> } {
  const type = p.ids.length > WEBGL_THRESHOLD ? 'scattergl' : 'scatter';
  const size = p.ids.length > 20_000 ? 3 : p.ids.length > WEBGL_THRESHOLD ? 4 : 6;
  const values = new Map<string, Value>();
  if (attribute) attribute.ids.forEach((id, i) => values.set(idKey(id), attribute.values[i]));

  const kept: number[] = [];
  const out: number[] = [];
  p.ids.forEach((id, i) => ((keep === null || keep.has(idKey(id))) ? kept : out).push(i));

  const label = entity === 'user' ? 'user' : 'item';
  const trace = (idx: number[], name: string, marker: Record<string, unknown>, extra: Record<string, unknown> = {}): Data => ({
    type, mode: 'markers', name,
    x: idx.map((i) => p.x[i]), y: idx.map((i) => p.y[i]),
    customdata: idx.map((i) => p.ids[i]) as unknown as string[],
    text: idx.map((i) => `${label} ${p.ids[i]}${attribute ? `<br>${attribute.name}: ${valueText(values.get(idKey(p.ids[i])))}` : ''}`),
    hovertemplate: '%{text}<extra></extra>',
    marker: { size, opacity: 0.75, ...marker },
    ...extra,
  } as Data);

  const data: Data[] = [];
  if (out.length > 0) data.push(trace(out, FILTERED_OUT_TRACE, { color: '#d1d5db', opacity: 0.35 }, { hoverinfo: 'skip', hovertemplate: undefined, showlegend: true }));

  if (!attribute) {
    data.push(trace(kept, `${label}s`, { color: PALETTE[0] }, { showlegend: false }));
  } else if (attribute.kind === 'numeric') {
    const color = kept.map((i) => {
      const v = values.get(idKey(p.ids[i]));
      return typeof v === 'number' ? v : Number.NaN;
    });
    data.push(trace(kept, attribute.name, { color, colorscale: 'Viridis', showscale: true, colorbar: { title: { text: attribute.name }, thickness: 12 } }, { showlegend: false }));
  } else {
    const counts = new Map<string, number>();
    for (const i of kept) {
      const c = categoryOf(values.get(idKey(p.ids[i])));
      counts.set(c, (counts.get(c) ?? 0) + 1);
    }
    const top = [...counts.entries()].filter(([c]) => c !== 'n/a').sort((a, b) => b[1] - a[1]).slice(0, MAX_COLOR_CATEGORIES).map(([c]) => c);
    const groups = new Map<string, number[]>(top.map((c) => [c, []]));
    const rest: number[] = [];
    for (const i of kept) {
      const g = groups.get(categoryOf(values.get(idKey(p.ids[i]))));
      if (g) g.push(i); else rest.push(i);
    }
    top.forEach((c, j) => data.push(trace(groups.get(c)!, c, { color: PALETTE[j % PALETTE.length] })));
    if (rest.length > 0) data.push(trace(rest, 'other / n/a', { color: '#9ca3af' }));
  }

  const [xt, yt] = axisTitles(p);
  const axis = { zeroline: false, showticklabels: false, gridcolor: '#f1f2f6' };
  return {
    data,
    layout: {
      ...BASE_LAYOUT,
      margin: { l: 32, r: 16, t: 40, b: 32 },
      dragmode: 'lasso',
      hovermode: 'closest',
      uirevision: `${p.entity}|${p.method}|${p.neighbors}`,
      xaxis: { ...axis, title: { text: xt } },
      yaxis: { ...axis, title: { text: yt } },
      legend: { ...BASE_LAYOUT.legend, title: attribute && attribute.kind !== 'numeric' ? { text: attribute.kind === 'multi' ? `${attribute.name} (first value)` : attribute.name } : undefined },
    },
  };
}

/** A Plotly selection or click event's points → the ids, in order, without duplicates or filtered-out points. */
export function idsOfPoints(points: readonly { customdata?: unknown; data?: { name?: string } }[]): EntityId[] {
  const seen = new Set<string>();
  const ids: EntityId[] = [];
  for (const pt of points) {
    if (pt.data?.name === FILTERED_OUT_TRACE) continue;
    const id = pt.customdata;
    if (typeof id !== 'string' && typeof id !== 'number') continue;
    const key = idKey(id);
    if (!seen.has(key)) { seen.add(key); ids.push(id); }
  }
  return ids;
}
