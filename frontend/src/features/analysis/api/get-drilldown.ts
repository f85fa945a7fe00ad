import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, seg } from '@/lib/api-client';
import type { Drilldown } from '../types';
import { analysisKeys } from './keys';

/** `experiments` empty: the server's default (every ready experiment, at most 10). */
export const getDrilldown = (dataset: string, user: string, experiments: readonly string[], k: number, signal?: AbortSignal) =>
  api<Drilldown>(`/datasets/${seg(dataset)}/users/${seg(user)}/drilldown`, { query: { experiments: experiments.join(','), k }, signal });

export const drilldownQueryOptions = (dataset: string, user: string, experiments: readonly string[], k: number) =>
  queryOptions({ queryKey: analysisKeys.drilldown(dataset, user, experiments, k), queryFn: ({ signal }) => getDrilldown(dataset, user, experiments, k, signal), staleTime: 5 * 60_000 });

export const useDrilldown = (dataset: string, user: string, experiments: readonly string[], k: number) =>
  useQuery({ ...drilldownQueryOptions(dataset, user, experiments, k), enabled: Boolean(user) });
