import { toCsv } from '@/lib/csv';
import type { TableRow } from '../types';

/** The compare table as CSV: experiment columns, hyper-parameters, then the given metric columns. */
export function tableToCsv(rows: readonly TableRow[], hyperParameterNames: readonly string[], metricNames: readonly string[]): string {
  const header = ['name', 'status', 'created_at', 'parent', 'objective', 'sim', 'lambda', ...hyperParameterNames, ...metricNames];
  const body = rows.map((r) => [
    r.name, r.status, r.created_at, r.parent, r.objective, r.sim, r.lambda,
    ...hyperParameterNames.map((h) => r.hyper_parameters[h]),
    ...metricNames.map((m) => r.metrics[m]),
  ]);
  return toCsv(header, body);
}
