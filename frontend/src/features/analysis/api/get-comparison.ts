import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, ApiError, seg } from '@/lib/api-client';
import type { CompareResult } from '../types';
import { analysisKeys } from './keys';

/** Null when the server has no compare route yet (the significance tests arrive with the metrics update). */
export async function getComparison(dataset: string, experiments: readonly string[], metrics: readonly string[], signal?: AbortSignal): Promise<CompareResult | null> {
  try {
    return await api<CompareResult>(`/datasets/${seg(dataset)}/compare`, { query: { experiments: experiments.join(','), metrics: metrics.join(',') }, signal });
  } catch (err) {
    if (err instanceof ApiError && err.isMissingRoute) return null;
    throw err;
  }
}

export const comparisonQueryOptions = (dataset: string, experiments: readonly string[], metrics: readonly string[]) =>
  queryOptions({ queryKey: analysisKeys.compare(dataset, experiments, metrics), queryFn: ({ signal }) => getComparison(dataset, experiments, metrics, signal), staleTime: 5 * 60_000 });

export const useComparison = (dataset: string, experiments: readonly string[], metrics: readonly string[]) =>
  useQuery({ ...comparisonQueryOptions(dataset, experiments, metrics), enabled: experiments.length >= 2 && metrics.length > 0 });
