export const datasetKeys = {
  all: ['datasets'] as const,
  list: () => [...datasetKeys.all, 'list'] as const,
  detail: (name: string) => [...datasetKeys.all, 'detail', name] as const,
  stats: (name: string) => [...datasetKeys.all, 'stats', name] as const,
};
