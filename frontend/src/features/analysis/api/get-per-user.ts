import { queryOptions, useQueries } from '@tanstack/react-query';
import { apiRaw, seg } from '@/lib/api-client';
import { parseCsv } from '@/lib/csv';
import type { PerUserTable } from '../types';
import { analysisKeys } from './keys';

export function perUserFromColumns(columns: Record<string, unknown[]>): PerUserTable {
  const userIds = (columns.user_id ?? []).map(String);
  const metrics: Record<string, number[]> = {};
  for (const [name, values] of Object.entries(columns)) {
    if (name === 'user_id') continue;
    metrics[name] = values.map((v) => (typeof v === 'number' ? v : v === null ? Number.NaN : Number(v)));
  }
  return { userIds, metrics };
}

export function perUserFromCsv(text: string): PerUserTable {
  const [header = [], ...rows] = parseCsv(text);
  const columns: Record<string, unknown[]> = {};
  header.forEach((h, j) => { columns[h] = rows.map((r) => (h === 'user_id' ? r[j] : r[j] === '' ? null : Number(r[j]))); });
  return perUserFromColumns(columns);
}

/** JSON per the API; a server that ignores format=json (Arrow by default) is asked for CSV. */
export async function getPerUser(dataset: string, experiment: string, signal?: AbortSignal): Promise<PerUserTable> {
  const path = `/datasets/${seg(dataset)}/experiments/${seg(experiment)}/per-user`;
  const res = await apiRaw(path, { query: { format: 'json' }, signal });
  if ((res.headers.get('content-type') ?? '').includes('json')) {
    const body = (await res.json()) as { columns: Record<string, unknown[]> };
    return perUserFromColumns(body.columns);
  }
  void res.body?.cancel();
  const csv = await apiRaw(path, { query: { format: 'csv' }, signal, headers: { Accept: 'text/csv' } });
  return perUserFromCsv(await csv.text());
}

export const perUserQueryOptions = (dataset: string, experiment: string) =>
  queryOptions({ queryKey: analysisKeys.perUser(dataset, experiment), queryFn: ({ signal }) => getPerUser(dataset, experiment, signal), staleTime: 5 * 60_000 });

export function usePerUser(dataset: string, experiments: readonly string[]) {
  return useQueries({
    queries: experiments.map((e) => perUserQueryOptions(dataset, e)),
    combine: (results) => ({
      data: results.flatMap((r, i) => (r.data ? [{ name: experiments[i], table: r.data }] : [])),
      isPending: results.some((r) => r.isPending),
      errors: results.flatMap((r, i) => (r.error ? [{ name: experiments[i], error: r.error }] : [])),
    }),
  });
}
