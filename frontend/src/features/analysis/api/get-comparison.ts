import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, seg } from '@/lib/api-client';
import type { CompareResult } from '../types';
import { analysisKeys } from './keys';

export const getComparison = (dataset: string, experiments: readonly string[], metrics: readonly string[], signal?: AbortSignal): Promise<CompareResult> =>
  api<CompareResult>(`/datasets/${seg(dataset)}/compare`, { query: { experiments: experiments.join(','), metrics: metrics.join(',') }, signal });

export const comparisonQueryOptions = (dataset: string, experiments: readonly string[], metrics: readonly string[]) =>
  queryOptions({ queryKey: analysisKeys.compare(dataset, experiments, metrics), queryFn: ({ signal }) => getComparison(dataset, experiments, metrics, signal), staleTime: 5 * 60_000 });

export const useComparison = (dataset: string, experiments: readonly string[], metrics: readonly string[]) =>
  useQuery({ ...comparisonQueryOptions(dataset, experiments, metrics), enabled: experiments.length >= 2 && metrics.length > 0 });
