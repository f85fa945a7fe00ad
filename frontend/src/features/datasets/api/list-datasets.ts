import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { Dataset } from '../types';
import { datasetKeys } from './keys';

export const listDatasets = async (signal?: AbortSignal): Promise<Dataset[]> =>
  (await api<{ datasets: Dataset[] }>('/datasets', { signal })).datasets;

export const datasetsQueryOptions = () =>
  queryOptions({ queryKey: datasetKeys.list(), queryFn: ({ signal }) => listDatasets(signal) });

export const useDatasets = () => useQuery(datasetsQueryOptions());
