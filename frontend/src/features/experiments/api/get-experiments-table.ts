import { queryOptions, useQuery, type QueryClient } from '@tanstack/react-query';
import { api, seg } from '@/lib/api-client';
import type { ExperimentsTable, TableQuery, TableRow } from '../types';
import { experimentKeys } from './keys';

export function tableSearchParams(query: TableQuery): Record<string, string | number> {
  const params: Record<string, string | number> = { offset: query.offset, limit: query.limit, columns: query.columns.join(',') };
  if (query.sortColumn) params.sort = `${query.sortColumn}:${query.sortDir ?? 'asc'}`;
  if (query.q) params.q = query.q;
  return params;
}

export const getExperimentsTable = (dataset: string, query: TableQuery, signal?: AbortSignal): Promise<ExperimentsTable> =>
  api<ExperimentsTable>(`/datasets/${seg(dataset)}/experiments/table`, { query: tableSearchParams(query), signal });

export const experimentsTableQueryOptions = (dataset: string, query: TableQuery) =>
  queryOptions({
    queryKey: experimentKeys.table(dataset, query),
    queryFn: ({ signal }) => getExperimentsTable(dataset, query, signal),
    staleTime: 5_000,
  });

/** A row already fetched into any page of the table (the grid's blocks), or undefined. */
export function findCachedRow(queryClient: QueryClient, dataset: string, name: string): TableRow | undefined {
  for (const [, data] of queryClient.getQueriesData<ExperimentsTable>({ queryKey: [...experimentKeys.all, dataset, 'table'] })) {
    const row = data?.rows.find((r) => r.name === name);
    if (row) return row;
  }
  return undefined;
}

/** Column names and the total, without rows (what the compare page needs before the grid). */
export const TABLE_META_QUERY: TableQuery = { offset: 0, limit: 1, columns: [] };

export const tableMetaQueryOptions = (dataset: string) =>
  queryOptions({
    queryKey: experimentKeys.tableMeta(dataset),
    queryFn: ({ signal }) => getExperimentsTable(dataset, TABLE_META_QUERY, signal),
    staleTime: 10_000,
  });

export const useExperimentsTable = (dataset: string, query: TableQuery, enabled = true) =>
  useQuery({ ...experimentsTableQueryOptions(dataset, query), enabled });

export const useTableMeta = (dataset: string) => useQuery(tableMetaQueryOptions(dataset));

/** Every row matching a query, fetched page by page (CSV export, charts over all experiments). */
export async function fetchAllTableRows(dataset: string, query: Omit<TableQuery, 'offset' | 'limit'>, max = 100_000, pageSize = 1000): Promise<ExperimentsTable> {
  const first = await getExperimentsTable(dataset, { ...query, offset: 0, limit: pageSize });
  const rows = [...first.rows];
  while (rows.length < Math.min(first.total, max)) {
    const page = await getExperimentsTable(dataset, { ...query, offset: rows.length, limit: pageSize });
    if (page.rows.length === 0) break;
    rows.push(...page.rows);
  }
  return { ...first, rows: rows.slice(0, max), limit: rows.length };
}

/** All experiments of a dataset with the given metric columns (charts over every experiment). */
export function useAllExperimentRows(dataset: string, columns: readonly string[], max = 5000) {
  return useQuery({
    queryKey: [...experimentKeys.all, dataset, 'all-rows', columns.join(','), max] as const,
    queryFn: () => fetchAllTableRows(dataset, { columns: [...columns] }, max),
    enabled: columns.length > 0,
    staleTime: 30_000,
  });
}
