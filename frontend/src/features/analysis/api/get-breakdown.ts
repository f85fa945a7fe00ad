import { queryOptions, useQueries } from '@tanstack/react-query';
import { api, seg } from '@/lib/api-client';
import type { Breakdown } from '../types';
import { analysisKeys } from './keys';

export const getBreakdown = (dataset: string, experiment: string, metric: string, by: string, signal?: AbortSignal): Promise<Breakdown> =>
  api<Breakdown>(`/datasets/${seg(dataset)}/experiments/${seg(experiment)}/breakdown`, { query: { metric, by }, signal });

export const breakdownQueryOptions = (dataset: string, experiment: string, metric: string, by: string) =>
  queryOptions({ queryKey: analysisKeys.breakdown(dataset, experiment, metric, by), queryFn: ({ signal }) => getBreakdown(dataset, experiment, metric, by, signal), staleTime: 5 * 60_000 });

export function useBreakdowns(dataset: string, experiments: readonly string[], metric: string, by: string) {
  return useQueries({
    queries: experiments.map((e) => ({ ...breakdownQueryOptions(dataset, e, metric, by), enabled: Boolean(metric && by) })),
    combine: (results) => ({
      data: results.flatMap((r, i) => (r.data ? [{ name: experiments[i], breakdown: r.data }] : [])),
      isPending: results.some((r) => r.isPending),
      error: results.find((r) => r.error)?.error ?? null,
    }),
  });
}
