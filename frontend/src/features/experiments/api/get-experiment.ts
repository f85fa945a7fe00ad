import { queryOptions, useQueries, useQuery } from '@tanstack/react-query';
import { api, seg } from '@/lib/api-client';
import type { Experiment } from '../types';
import { experimentKeys } from './keys';

export const getExperiment = (dataset: string, name: string, signal?: AbortSignal): Promise<Experiment> =>
  api<Experiment>(`/datasets/${seg(dataset)}/experiments/${seg(name)}`, { signal });

export const experimentQueryOptions = (dataset: string, name: string) =>
  queryOptions({
    queryKey: experimentKeys.detail(dataset, name),
    queryFn: ({ signal }) => getExperiment(dataset, name, signal),
    // keep polling while metrics are being computed
    refetchInterval: (q) => (q.state.data && (q.state.data.status === 'uploaded' || q.state.data.status === 'computing') ? 2000 : false),
  });

export const useExperiment = (dataset: string, name: string) => useQuery(experimentQueryOptions(dataset, name));

/** Several experiments at once (the model-vs-model selection). */
export function useExperimentsByName(dataset: string, names: readonly string[]) {
  return useQueries({
    queries: names.map((n) => experimentQueryOptions(dataset, n)),
    combine: (results) => ({
      data: results.flatMap((r) => (r.data ? [r.data] : [])),
      isPending: results.some((r) => r.isPending),
      errors: results.flatMap((r, i) => (r.error ? [{ name: names[i], error: r.error }] : [])),
    }),
  });
}
