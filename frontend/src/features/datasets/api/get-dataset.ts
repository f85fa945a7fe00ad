import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, seg } from '@/lib/api-client';
import type { Dataset } from '../types';
import { datasetKeys } from './keys';

export const getDataset = (name: string, signal?: AbortSignal): Promise<Dataset> =>
  api<Dataset>(`/datasets/${seg(name)}`, { signal });

export const datasetQueryOptions = (name: string) =>
  queryOptions({ queryKey: datasetKeys.detail(name), queryFn: ({ signal }) => getDataset(name, signal) });

export const useDataset = (name: string) => useQuery(datasetQueryOptions(name));
