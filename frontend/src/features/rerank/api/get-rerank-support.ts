import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, ApiError, seg } from '@/lib/api-client';
import { rerankKeys } from './keys';

/**
 * Whether the server has the re-ranking routes, without side effects: the report of a
 * non-derived experiment answers "no API route" only on a server without them (a server with
 * them answers 404/409 about the experiment, which still means "supported").
 */
export async function getRerankSupport(dataset: string, experiment: string, signal?: AbortSignal): Promise<boolean> {
  try {
    await api(`/datasets/${seg(dataset)}/experiments/${seg(experiment)}/rerank-report`, { signal });
    return true;
  } catch (err) {
    if (err instanceof ApiError && err.isMissingRoute) return false;
    if (err instanceof ApiError && err.status >= 400 && err.status < 500) return true;
    throw err;
  }
}

export const rerankSupportQueryOptions = (dataset: string, experiment: string) =>
  queryOptions({ queryKey: rerankKeys.support(dataset, experiment), queryFn: ({ signal }) => getRerankSupport(dataset, experiment, signal), staleTime: 5 * 60_000 });

export const useRerankSupport = (dataset: string, experiment: string) =>
  useQuery({ ...rerankSupportQueryOptions(dataset, experiment), enabled: Boolean(experiment) });
