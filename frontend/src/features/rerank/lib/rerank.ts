/**
 * Pure helpers of the re-ranking page: objectives and their similarity sources, the
 * beyond-accuracy metric an objective moves, which derived experiments form a sweep, rank shifts.
 */
import type { AfterItem, FrontierPoint, MetricDelta, Objective } from '../types';
import { higherIsBetter } from '@/lib/metrics';

export interface ObjectiveInfo {
  value: Objective;
  label: string;
  /** What else the objective needs: a similarity source, a multi-valued item column, or nothing. */
  needs: 'sim' | 'column' | null;
  description: string;
}

export const OBJECTIVES: readonly ObjectiveInfo[] = [
  { value: 'diversity', label: 'diversity', needs: 'sim', description: 'MMR: trade relevance for items unlike the ones already chosen' },
  { value: 'novelty', label: 'novelty', needs: null, description: 'favour less popular items (self-information of popularity)' },
  { value: 'unexpectedness', label: 'unexpectedness', needs: 'sim', description: "favour items unlike the user's history" },
  { value: 'calibration', label: 'calibration', needs: 'column', description: "match the genre mix of the user's history (Steck 2018)" },
  { value: 'dpp', label: 'DPP', needs: 'sim', description: 'determinantal point process: a diverse set by greedy MAP inference' },
];

export const objectiveInfo = (o: string): ObjectiveInfo => OBJECTIVES.find((x) => x.value === o) ?? OBJECTIVES[0];

export const isObjective = (o: string | null): o is Objective => OBJECTIVES.some((x) => x.value === o);

export const RERANK_KS = [5, 10, 20] as const;

/** λ = 0, 0.1, …, 1 (exact decimals: i / 10). */
export const SWEEP_LAMBDAS: readonly number[] = Array.from({ length: 11 }, (_, i) => i / 10);

export interface ColumnLike {
  name: string;
  kind: string;
}

export interface SourceOption {
  value: string;
  label: string;
}

/** cooc, genre.<col> for each multi-valued item column, emb when the experiment has item embeddings. */
export function similarityOptions(itemColumns: readonly ColumnLike[], hasItemEmbeddings: boolean): SourceOption[] {
  return [
    { value: 'cooc', label: 'co-occurrence (cooc)' },
    ...itemColumns.filter((c) => c.kind === 'multi').map((c) => ({ value: `genre.${c.name}`, label: `${c.name} overlap (genre.${c.name})` })),
    ...(hasItemEmbeddings ? [{ value: 'emb', label: 'item embeddings (emb)' }] : []),
  ];
}

export const calibrationColumns = (itemColumns: readonly ColumnLike[]): string[] =>
  itemColumns.filter((c) => c.kind === 'multi').map((c) => c.name);

/** The similarity source or column of a spec: what names the series ("cooc", "genre.genres", "genres"). */
export function sourceOf(objective: Objective, sim: string | null, column: string | null): string | null {
  const needs = objectiveInfo(objective).needs;
  return needs === 'sim' ? sim : needs === 'column' ? column : null;
}

/** The beyond-accuracy metric an objective moves, at K. */
export function beyondMetricFor(objective: Objective, k: number, source: string | null): string {
  switch (objective) {
    case 'novelty': return `novelty@${k}`;
    case 'unexpectedness': return `unexpectedness@${k}:${source ?? 'cooc'}`;
    case 'calibration': return `miscalibration@${k}:${source ?? 'genres'}`;
    default: return `diversity@${k}:${source ?? 'cooc'}`;
  }
}

export interface SeriesFilter {
  parent: string;
  objective: Objective;
  source: string | null;
  /** Size of the re-ranked group; null = all users. */
  groupSize: number | null;
  /** Names of the current job: always part of the series. */
  include?: readonly string[];
}

function isGroupRun(p: FrontierPoint): boolean {
  return (p.users !== null && p.users !== undefined) || p.name.includes('~group-');
}

/**
 * The derived experiments of one parent, objective and source (and group, or all users): one per
 * λ (the newest when several), ordered by λ. Matches the row's `sim`, or the default name
 * `{parent}~{objective}:{source}@{λ}` when the server leaves `sim` empty (calibration).
 */
export function sweepSeries(points: readonly FrontierPoint[], f: SeriesFilter): FrontierPoint[] {
  const include = new Set(f.include ?? []);
  const byLambda = new Map<number, FrontierPoint>();
  for (const p of points) {
    if (p.lambda === null || p.lambda === undefined) continue;
    let match = include.has(p.name);
    if (!match && p.parent === f.parent && p.objective === f.objective) {
      const sourceOk = f.source === null || p.sim === f.source || ((p.sim === null || p.sim === undefined) && p.name.includes(`~${f.objective}:${f.source}@`));
      const groupOk = f.groupSize === null ? !isGroupRun(p) : isGroupRun(p) && (p.users === undefined || p.users === null || p.users === f.groupSize);
      match = sourceOk && groupOk;
    }
    if (!match) continue;
    const prev = byLambda.get(p.lambda);
    const newer = !prev || include.has(p.name) || (!include.has(prev.name) && (p.created_at ?? '') > (prev.created_at ?? ''));
    if (newer) byLambda.set(p.lambda, p);
  }
  return [...byLambda.values()].sort((a, b) => (a.lambda ?? 0) - (b.lambda ?? 0));
}

export const lambdaLabel = (l: number | null | undefined): string => (l === null || l === undefined ? 'λ=?' : `λ=${Number(l.toFixed(2))}`);

/** The point whose λ is closest to `lambda`. */
export function closestByLambda<T extends { lambda?: number | null }>(points: readonly T[], lambda: number): T | null {
  let best: T | null = null;
  for (const p of points) {
    if (p.lambda === null || p.lambda === undefined) continue;
    if (!best || Math.abs(p.lambda - lambda) < Math.abs((best.lambda ?? 0) - lambda)) best = p;
  }
  return best;
}

export type Tone = 'better' | 'worse' | 'same';

/** up/down of a delta, from the server's `direction` or the sign of the delta. */
export function directionOf(d: MetricDelta): 'up' | 'down' | 'same' {
  if (d.direction) return d.direction;
  const v = d.delta ?? (d.derived ?? Number.NaN) - (d.parent ?? Number.NaN);
  if (!Number.isFinite(v) || v === 0) return 'same';
  return v > 0 ? 'up' : 'down';
}

/** Better or worse for the metric: up is better unless lower is better (gini, miscalibration, …). */
export function toneOf(d: MetricDelta): Tone {
  const dir = directionOf(d);
  if (dir === 'same') return 'same';
  return (dir === 'up') === higherIsBetter(d.metric) ? 'better' : 'worse';
}

export interface Shift {
  label: string;
  kind: 'up' | 'down' | 'same' | 'new';
  title: string;
}

/**
 * The rank shift of an item of the re-ranked list: ↑3 (moved up 3), ↓2, = (same rank), or new
 * (it was not in the original top-K: its original rank is beyond K or unknown).
 */
export function shiftOf(item: AfterItem, k: number): Shift {
  const orig = item.original_rank;
  // the server may say so itself (`new`); else: no original rank within the top-K
  const isNew = typeof item.new === 'boolean' ? item.new : orig === null || orig === undefined || orig > k;
  if (isNew || orig === null || orig === undefined) {
    return { label: 'new', kind: 'new', title: orig ? `was #${orig} among the candidates` : 'not in the original list' };
  }
  const s = typeof item.shift === 'number' ? item.shift : orig - item.rank;
  if (s === 0) return { label: '=', kind: 'same', title: 'same rank' };
  return s > 0 ? { label: `↑${s}`, kind: 'up', title: `up from #${orig}` } : { label: `↓${-s}`, kind: 'down', title: `down from #${orig}` };
}

/** Keys of an item row beyond the fixed ones: the item side columns (genres, year, …). */
export function sideColumns(rows: readonly Record<string, unknown>[], fixed: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const r of rows) {
    for (const key of Object.keys(r)) {
      if (!fixed.includes(key) && !seen.has(key)) { seen.add(key); out.push(key); }
    }
  }
  return out;
}

/** A side value as text: lists and `|`-separated values as "a, b". */
export function sideValues(v: unknown): string[] {
  if (v === null || v === undefined || v === '') return [];
  if (Array.isArray(v)) return v.map(String);
  if (typeof v === 'string' && v.includes('|')) return v.split('|').filter(Boolean);
  if (typeof v === 'number') return [Number.isInteger(v) ? String(v) : v.toFixed(3)];
  return [String(v)];
}

/** The side columns with a list or a `|`-separated value in some row: drawn as tags throughout. */
export function multiValued(rows: readonly Record<string, unknown>[], columns: readonly string[]): Set<string> {
  return new Set(columns.filter((c) => rows.some((r) => Array.isArray(r[c]) || (typeof r[c] === 'string' && (r[c] as string).includes('|')))));
}

export const parseUsers = (param: string | null): string[] =>
  param ? [...new Set(param.split(',').map((s) => s.trim()).filter(Boolean))] : [];
