import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, ApiError, seg } from '@/lib/api-client';
import { rerankKeys } from './keys';

export const RERANK_ROUTE = '/datasets/{dataset}/experiments/{experiment}/rerank';

/**
 * Whether the server has the re-ranking routes, without side effects or a failed request on a
 * server that has them: the OpenAPI document lists them. When it does not (an older server, or a
 * document behind its routes), the report of a non-derived experiment decides: only a server
 * without the routes answers it "no API route" (one with them answers 400/404 about the experiment).
 */
export async function getRerankSupport(dataset: string, experiment: string, signal?: AbortSignal): Promise<boolean> {
  try {
    const doc = await api<{ paths?: Record<string, unknown> }>('/openapi.json', { signal });
    if (doc.paths && RERANK_ROUTE in doc.paths) return true;
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    // no document: ask the route itself
  }
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
