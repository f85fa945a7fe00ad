/**
 * The compare table computed in the browser from GET /experiments, for servers that do not
 * have GET /experiments/table yet. Same answer shape and paging semantics as the server.
 */
import { compareMetrics } from '@/lib/metrics';
import type { Experiment, ExperimentsTable, TableQuery, TableRow } from '../types';

function sortValue(e: Experiment, column: string): string | number | null {
  if (column === 'name') return e.name;
  if (column === 'created_at') return e.created_at;
  if (column === 'status') return e.status;
  const v = e.metrics[column];
  return typeof v === 'number' && !Number.isNaN(v) ? v : null;
}

export function tableFromExperiments(experiments: readonly Experiment[], query: TableQuery): ExperimentsTable {
  const metricNames = new Set<string>();
  const hyperNames = new Set<string>();
  for (const e of experiments) {
    Object.keys(e.metrics ?? {}).forEach((m) => metricNames.add(m));
    Object.keys(e.hyper_parameters ?? {}).forEach((h) => hyperNames.add(h));
  }
  const q = query.q?.toLowerCase();
  let rows = q ? experiments.filter((e) => e.name.toLowerCase().includes(q)) : [...experiments];
  const column = query.sortColumn ?? 'created_at';
  const dir = query.sortDir ?? (query.sortColumn ? 'asc' : 'desc');
  const sign = dir === 'asc' ? 1 : -1;
  rows.sort((a, b) => {
    const va = sortValue(a, column);
    const vb = sortValue(b, column);
    if (va === null && vb === null) return a.name.localeCompare(b.name);
    if (va === null) return 1; // missing values last in both directions
    if (vb === null) return -1;
    const c = typeof va === 'number' && typeof vb === 'number' ? va - vb : String(va).localeCompare(String(vb));
    return c * sign || a.name.localeCompare(b.name);
  });
  const total = rows.length;
  rows = rows.slice(query.offset, query.offset + query.limit);
  return {
    total,
    offset: query.offset,
    limit: query.limit,
    metric_names: [...metricNames].sort(compareMetrics),
    hyper_parameter_names: [...hyperNames].sort(),
    rows: rows.map((e): TableRow => ({
      name: e.name,
      status: e.status,
      error: e.error,
      created_at: e.created_at,
      hyper_parameters: e.hyper_parameters ?? {},
      metrics: Object.fromEntries(query.columns.map((c) => [c, e.metrics?.[c] ?? null])),
      parent: e.parent ?? null,
      objective: e.objective ?? null,
      sim: e.sim ?? null,
      lambda: e.lambda ?? null,
    })),
  };
}
