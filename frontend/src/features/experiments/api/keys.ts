import type { TableQuery } from '../types';

export const experimentKeys = {
  all: ['experiments'] as const,
  detail: (dataset: string, name: string) => [...experimentKeys.all, dataset, 'detail', name] as const,
  table: (dataset: string, query: TableQuery) => [...experimentKeys.all, dataset, 'table', query] as const,
  tableMeta: (dataset: string) => [...experimentKeys.all, dataset, 'table-meta'] as const,
};
