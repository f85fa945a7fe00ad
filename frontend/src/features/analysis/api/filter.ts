import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, seg } from '@/lib/api-client';
import type { FilterRequest, FilterResult } from '../types';
import { analysisKeys } from './keys';

export const postFilter = (dataset: string, experiment: string, body: FilterRequest, signal?: AbortSignal) =>
  api<FilterResult>(`/datasets/${seg(dataset)}/experiments/${seg(experiment)}/filter`, { method: 'POST', body, signal });

export const filterQueryOptions = (dataset: string, experiment: string, body: FilterRequest) =>
  queryOptions({ queryKey: analysisKeys.filter(dataset, experiment, JSON.stringify(body)), queryFn: ({ signal }) => postFilter(dataset, experiment, body, signal), staleTime: 5 * 60_000 });

/** The ids an applied filter keeps; nothing is asked while no filter is applied (null). */
export const useFilter = (dataset: string, experiment: string, body: FilterRequest | null) =>
  useQuery({ ...filterQueryOptions(dataset, experiment, body ?? { entity: 'user', where: {} }), enabled: Boolean(experiment && body) });
