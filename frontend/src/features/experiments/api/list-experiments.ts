import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, seg } from '@/lib/api-client';
import type { Experiment } from '../types';
import { experimentKeys } from './keys';

export const listExperiments = async (dataset: string, signal?: AbortSignal): Promise<Experiment[]> =>
  (await api<{ experiments: Experiment[] }>(`/datasets/${seg(dataset)}/experiments`, { signal })).experiments;

export const experimentsQueryOptions = (dataset: string) =>
  queryOptions({ queryKey: experimentKeys.list(dataset), queryFn: ({ signal }) => listExperiments(dataset, signal), staleTime: 10_000 });

export const useExperiments = (dataset: string) => useQuery(experimentsQueryOptions(dataset));
