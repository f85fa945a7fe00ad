import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, seg } from '@/lib/api-client';
import type { DatasetStats } from '../types';
import { datasetKeys } from './keys';

export const getDatasetStats = (name: string, signal?: AbortSignal): Promise<DatasetStats> =>
  api<DatasetStats>(`/datasets/${seg(name)}/stats`, { signal });

export const datasetStatsQueryOptions = (name: string) =>
  queryOptions({ queryKey: datasetKeys.stats(name), queryFn: ({ signal }) => getDatasetStats(name, signal), staleTime: 5 * 60_000 });

export const useDatasetStats = (name: string) => useQuery(datasetStatsQueryOptions(name));
