import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, ApiError, seg } from '@/lib/api-client';
import type { DatasetStats } from '../types';
import { datasetKeys } from './keys';

/** Null when the server has no stats route yet (older server): the page shows an empty state. */
export async function getDatasetStats(name: string, signal?: AbortSignal): Promise<DatasetStats | null> {
  try {
    return await api<DatasetStats>(`/datasets/${seg(name)}/stats`, { signal });
  } catch (err) {
    if (err instanceof ApiError && err.isMissingRoute) return null;
    throw err;
  }
}

export const datasetStatsQueryOptions = (name: string) =>
  queryOptions({ queryKey: datasetKeys.stats(name), queryFn: ({ signal }) => getDatasetStats(name, signal), staleTime: 5 * 60_000 });

export const useDatasetStats = (name: string) => useQuery(datasetStatsQueryOptions(name));
