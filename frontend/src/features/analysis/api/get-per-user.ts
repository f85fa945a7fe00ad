import { queryOptions, useQueries } from '@tanstack/react-query';
import { api, seg } from '@/lib/api-client';
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

/** GET …/per-user?format=json: one column per metric, nulls where a user has no value. */
export async function getPerUser(dataset: string, experiment: string, signal?: AbortSignal): Promise<PerUserTable> {
  const body = await api<{ columns: Record<string, unknown[]> }>(`/datasets/${seg(dataset)}/experiments/${seg(experiment)}/per-user`, { query: { format: 'json' }, signal });
  return perUserFromColumns(body.columns);
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
