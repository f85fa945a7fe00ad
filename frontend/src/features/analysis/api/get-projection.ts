import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRaw, ApiError, seg } from '@/lib/api-client';
import type { Entity, Projection, ProjectionMethod, ProjectionProgress, ProjectionState } from '../types';
import { analysisKeys } from './keys';

/** How often a running projection job is asked again. */
export const PROJECTION_POLL_MS = 1000;

/** GET …/projection: 202 while the job runs (progress), 200 with the map. */
export async function getProjection(dataset: string, experiment: string, entity: Entity, method: ProjectionMethod, neighbors: number | null,
  signal?: AbortSignal): Promise<ProjectionState> {
  const res = await apiRaw(`/datasets/${seg(dataset)}/experiments/${seg(experiment)}/projection`, {
    query: { entity, method, neighbors: method === 'umap' ? neighbors : null }, signal,
  });
  if (res.status === 202) return { state: 'running', progress: (await res.json()) as ProjectionProgress };
  return { state: 'ready', projection: (await res.json()) as Projection };
}

export const projectionQueryOptions = (dataset: string, experiment: string, entity: Entity, method: ProjectionMethod, neighbors: number | null) =>
  queryOptions({
    queryKey: analysisKeys.projection(dataset, experiment, entity, method, method === 'umap' ? neighbors : null),
    queryFn: ({ signal }) => getProjection(dataset, experiment, entity, method, neighbors, signal),
    staleTime: 10 * 60_000,
    // a 500 is a failed job that the next request would start again: the user decides (Retry)
    retry: (count, err) => err instanceof ApiError && err.status === 0 && count < 2,
    // a running job is polled until the map is stored
    refetchInterval: (query) => (query.state.data?.state === 'running' ? PROJECTION_POLL_MS : false),
  });

export const useProjection = (dataset: string, experiment: string, entity: Entity, method: ProjectionMethod, neighbors: number | null) =>
  useQuery({ ...projectionQueryOptions(dataset, experiment, entity, method, neighbors), enabled: Boolean(experiment) });
