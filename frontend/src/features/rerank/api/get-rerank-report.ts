import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, ApiError, seg } from '@/lib/api-client';
import type { RerankReport } from '../types';
import { rerankKeys } from './keys';

/** Null when the server has no re-ranking routes yet. */
export async function getRerankReport(dataset: string, derived: string, signal?: AbortSignal): Promise<RerankReport | null> {
  try {
    return await api<RerankReport>(`/datasets/${seg(dataset)}/experiments/${seg(derived)}/rerank-report`, { signal });
  } catch (err) {
    if (err instanceof ApiError && err.isMissingRoute) return null;
    throw err;
  }
}

export const rerankReportQueryOptions = (dataset: string, derived: string) =>
  queryOptions({ queryKey: rerankKeys.report(dataset, derived), queryFn: ({ signal }) => getRerankReport(dataset, derived, signal), staleTime: 5 * 60_000 });

/** `enabled` once the derived experiment is ready (the report answers 409 before). */
export const useRerankReport = (dataset: string, derived: string | null, enabled = true) =>
  useQuery({ ...rerankReportQueryOptions(dataset, derived ?? ''), enabled: Boolean(derived) && enabled });
