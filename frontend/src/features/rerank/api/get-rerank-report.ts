import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, seg } from '@/lib/api-client';
import type { RerankReport } from '../types';
import { rerankKeys } from './keys';

export const getRerankReport = (dataset: string, derived: string, signal?: AbortSignal): Promise<RerankReport> =>
  api<RerankReport>(`/datasets/${seg(dataset)}/experiments/${seg(derived)}/rerank-report`, { signal });

export const rerankReportQueryOptions = (dataset: string, derived: string) =>
  queryOptions({ queryKey: rerankKeys.report(dataset, derived), queryFn: ({ signal }) => getRerankReport(dataset, derived, signal), staleTime: 5 * 60_000 });

/** `enabled` once the derived experiment is ready (the report answers 409 before). */
export const useRerankReport = (dataset: string, derived: string | null, enabled = true) =>
  useQuery({ ...rerankReportQueryOptions(dataset, derived ?? ''), enabled: Boolean(derived) && enabled });
