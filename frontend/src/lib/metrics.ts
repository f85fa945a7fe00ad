/**
 * Metric names as METRICS.md defines them: `<name>@<K>` or `<name>@<K>:<source>`
 * (ndcg@10, diversity@10:cooc, miscalibration@10:genres).
 */
export interface MetricName {
  full: string;
  base: string;
  k: number;
  source: string | null;
}

const METRIC_RE = /^([a-z_]+)@(\d+)(?::(.+))?$/;

export function parseMetric(full: string): MetricName | null {
  const m = METRIC_RE.exec(full);
  if (!m) return null;
  return { full, base: m[1], k: Number(m[2]), source: m[3] ?? null };
}

export const ACCURACY_METRICS = ['precision', 'recall', 'hit_rate', 'ndcg', 'map', 'mrr'] as const;

/** Display order of beyond-accuracy metrics; unknown ones follow alphabetically. */
const BEYOND_ORDER = [
  'novelty', 'novelty_norm', 'avg_popularity', 'tail_share', 'coverage', 'gini', 'entropy',
  'personalization', 'diversity', 'unexpectedness', 'serendipity', 'miscalibration',
];

/** Metrics where a smaller value is better (exposure concentration, popularity bias, miscalibration). */
const LOWER_IS_BETTER = new Set(['gini', 'avg_popularity', 'miscalibration']);

/** Metrics of the whole list set: no per-user values, so no distributions, breakdowns or tests. */
const GLOBAL_METRICS = new Set(['coverage', 'gini', 'entropy', 'personalization']);

export function isPerUser(full: string): boolean {
  const m = parseMetric(full);
  return !(m && GLOBAL_METRICS.has(m.base));
}

export function isAccuracy(base: string): boolean {
  return (ACCURACY_METRICS as readonly string[]).includes(base);
}

export function higherIsBetter(full: string): boolean {
  const m = parseMetric(full);
  return !(m && LOWER_IS_BETTER.has(m.base));
}

function orderOf(base: string): number {
  const a = (ACCURACY_METRICS as readonly string[]).indexOf(base);
  if (a >= 0) return a;
  const b = BEYOND_ORDER.indexOf(base);
  return b >= 0 ? 100 + b : 1000;
}

export function compareMetrics(a: string, b: string): number {
  const ma = parseMetric(a);
  const mb = parseMetric(b);
  if (!ma || !mb) return a.localeCompare(b);
  return orderOf(ma.base) - orderOf(mb.base) || ma.base.localeCompare(mb.base) || ma.k - mb.k
    || (ma.source ?? '').localeCompare(mb.source ?? '');
}

/** The K values present among metric names, ascending. */
export function ksOf(names: readonly string[]): number[] {
  const ks = new Set<number>();
  for (const n of names) {
    const m = parseMetric(n);
    if (m) ks.add(m.k);
  }
  return [...ks].sort((a, b) => a - b);
}

export interface MetricsAtK {
  accuracy: string[];
  beyond: string[];
}

/** Splits the metric names at one K into accuracy and beyond-accuracy, in display order. */
export function metricsAtK(names: readonly string[], k: number): MetricsAtK {
  const atK = names.filter((n) => parseMetric(n)?.k === k).sort(compareMetrics);
  return {
    accuracy: atK.filter((n) => isAccuracy(parseMetric(n)?.base ?? '')),
    beyond: atK.filter((n) => !isAccuracy(parseMetric(n)?.base ?? '')),
  };
}

/** The K to show first: 10 when present, else the smallest. */
export function defaultK(ks: readonly number[]): number | null {
  if (ks.length === 0) return null;
  return ks.includes(10) ? 10 : ks[0];
}

/** A short header label: 'ndcg', 'diversity (cooc)'. */
export function metricLabel(full: string): string {
  const m = parseMetric(full);
  if (!m) return full;
  return m.source ? `${m.base} (${m.source})` : m.base;
}

export function formatMetric(value: number | null | undefined, digits = 4): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  if (value !== 0 && Math.abs(value) < 10 ** -digits) return value.toExponential(2);
  if (Math.abs(value) >= 1000) return value.toLocaleString('en-US', { maximumFractionDigits: 1 });
  return value.toFixed(digits);
}
