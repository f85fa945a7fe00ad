import { queryOptions, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, ApiError, seg } from '@/lib/api-client';
import { tableFromExperiments } from '../lib/table-fallback';
import type { ExperimentsTable, TableQuery, TableRow } from '../types';
import { experimentKeys } from './keys';
import { experimentsQueryOptions } from './list-experiments';

export type TableSource = 'server' | 'browser';
export type ExperimentsTableResult = ExperimentsTable & { source: TableSource };

/** Datasets whose server answered that it has no table route: skip straight to the fallback. */
const noTableRoute = new Set<string>();

/** An older server routes /experiments/table to "the experiment named table". */
function isTableRouteMissing(err: unknown): boolean {
  return err instanceof ApiError && err.status === 404
    && (err.isMissingRoute || err.message.includes("experiment 'table'"));
}

export function tableSearchParams(query: TableQuery): Record<string, string | number> {
  const params: Record<string, string | number> = { offset: query.offset, limit: query.limit, columns: query.columns.join(',') };
  if (query.sortColumn) params.sort = `${query.sortColumn}:${query.sortDir ?? 'asc'}`;
  if (query.q) params.q = query.q;
  return params;
}

export async function getExperimentsTable(queryClient: QueryClient, dataset: string, query: TableQuery, signal?: AbortSignal): Promise<ExperimentsTableResult> {
  if (!noTableRoute.has(dataset)) {
    try {
      const table = await api<ExperimentsTable>(`/datasets/${seg(dataset)}/experiments/table`, { query: tableSearchParams(query), signal });
      return { ...table, source: 'server' };
    } catch (err) {
      if (!isTableRouteMissing(err)) throw err;
      noTableRoute.add(dataset);
    }
  }
  const all = await queryClient.fetchQuery(experimentsQueryOptions(dataset));
  return { ...tableFromExperiments(all, query), source: 'browser' };
}

export const experimentsTableQueryOptions = (queryClient: QueryClient, dataset: string, query: TableQuery) =>
  queryOptions({
    queryKey: experimentKeys.table(dataset, query),
    queryFn: ({ signal }) => getExperimentsTable(queryClient, dataset, query, signal),
    staleTime: 5_000,
  });

/** A row already fetched into any page of the table (the grid's blocks), or undefined. */
export function findCachedRow(queryClient: QueryClient, dataset: string, name: string): TableRow | undefined {
  for (const [, data] of queryClient.getQueriesData<ExperimentsTableResult>({ queryKey: [...experimentKeys.all, dataset, 'table'] })) {
    const row = data?.rows.find((r) => r.name === name);
    if (row) return row;
  }
  return undefined;
}

/** Column names and the total, without rows (what the compare page needs before the grid). */
export const TABLE_META_QUERY: TableQuery = { offset: 0, limit: 1, columns: [] };

export const tableMetaQueryOptions = (queryClient: QueryClient, dataset: string) =>
  queryOptions({
    queryKey: experimentKeys.tableMeta(dataset),
    queryFn: ({ signal }) => getExperimentsTable(queryClient, dataset, TABLE_META_QUERY, signal),
    staleTime: 10_000,
  });

export function useExperimentsTable(dataset: string, query: TableQuery, enabled = true) {
  const queryClient = useQueryClient();
  return useQuery({ ...experimentsTableQueryOptions(queryClient, dataset, query), enabled });
}

export function useTableMeta(dataset: string) {
  const queryClient = useQueryClient();
  return useQuery(tableMetaQueryOptions(queryClient, dataset));
}

/** Every row matching a query, fetched page by page (CSV export, charts over all experiments). */
export async function fetchAllTableRows(queryClient: QueryClient, dataset: string, query: Omit<TableQuery, 'offset' | 'limit'>, max = 100_000, pageSize = 1000): Promise<ExperimentsTableResult> {
  const first = await getExperimentsTable(queryClient, dataset, { ...query, offset: 0, limit: pageSize });
  const rows = [...first.rows];
  while (rows.length < Math.min(first.total, max)) {
    const page = await getExperimentsTable(queryClient, dataset, { ...query, offset: rows.length, limit: pageSize });
    if (page.rows.length === 0) break;
    rows.push(...page.rows);
  }
  return { ...first, rows: rows.slice(0, max), limit: rows.length };
}

/** All experiments of a dataset with the given metric columns (charts over every experiment). */
export function useAllExperimentRows(dataset: string, columns: readonly string[], max = 5000) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: [...experimentKeys.all, dataset, 'all-rows', columns.join(','), max] as const,
    queryFn: () => fetchAllTableRows(queryClient, dataset, { columns: [...columns] }, max),
    enabled: columns.length > 0,
    staleTime: 30_000,
  });
}
