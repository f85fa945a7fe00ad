import type { AttributeKind, Entity, FilterRequest, WhereClause } from '../types';

/** One filter as edited: a category list for categorical/multi columns, a range for numeric ones. */
export interface FilterDraft {
  column: string;
  kind: AttributeKind;
  values: (string | number)[];
  min: string;
  max: string;
}

export interface MetricDraft {
  name: string;
  min: string;
}

const toNumber = (s: string): number | undefined => {
  if (s.trim() === '') return undefined;
  const n = Number(s);
  return Number.isFinite(n) ? n : undefined;
};

/** The request body of POST …/filter; null when nothing would be filtered. */
export function buildFilterRequest(entity: Entity, drafts: readonly FilterDraft[], metric: MetricDraft | null): FilterRequest | null {
  const where: Record<string, WhereClause> = {};
  for (const d of drafts) {
    if (d.kind === 'numeric') {
      const min = toNumber(d.min);
      const max = toNumber(d.max);
      if (min === undefined && max === undefined) continue;
      where[d.column] = { ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}) };
    } else if (d.values.length > 0) {
      where[d.column] = d.values as string[];
    }
  }
  const metricMin = metric && metric.name ? toNumber(metric.min) : undefined;
  const body: FilterRequest = { entity, where };
  if (entity === 'user' && metric && metricMin !== undefined) body.metric = { name: metric.name, min: metricMin };
  return Object.keys(where).length === 0 && !body.metric ? null : body;
}

/** The distinct values of a categorical or multi-valued attribute, most frequent first. */
export function distinctValues(values: readonly unknown[], max = 40): (string | number)[] {
  const counts = new Map<string | number, number>();
  for (const v of values) {
    for (const x of Array.isArray(v) ? v : [v]) {
      if (typeof x === 'string' || typeof x === 'number') counts.set(x, (counts.get(x) ?? 0) + 1);
    }
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || String(a[0]).localeCompare(String(b[0]))).slice(0, max).map(([v]) => v);
}
