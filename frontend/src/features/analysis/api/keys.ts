export const analysisKeys = {
  all: ['analysis'] as const,
  perUser: (dataset: string, experiment: string) => [...analysisKeys.all, dataset, 'per-user', experiment] as const,
  breakdown: (dataset: string, experiment: string, metric: string, by: string) => [...analysisKeys.all, dataset, 'breakdown', experiment, metric, by] as const,
  compare: (dataset: string, experiments: readonly string[], metrics: readonly string[]) => [...analysisKeys.all, dataset, 'compare', experiments.join(','), metrics.join(',')] as const,
  projection: (dataset: string, experiment: string, entity: string, method: string, neighbors: number | null) =>
    [...analysisKeys.all, dataset, 'projection', experiment, entity, method, neighbors] as const,
  attributeNames: (dataset: string, experiment: string, entity: string) => [...analysisKeys.all, dataset, 'attributes', experiment, entity] as const,
  attribute: (dataset: string, experiment: string, entity: string, name: string) => [...analysisKeys.all, dataset, 'attribute', experiment, entity, name] as const,
  filter: (dataset: string, experiment: string, body: string) => [...analysisKeys.all, dataset, 'filter', experiment, body] as const,
  selection: (dataset: string, experiment: string, entity: string, ids: string, k: number) => [...analysisKeys.all, dataset, 'selection', experiment, entity, ids, k] as const,
  audience: (dataset: string, experiment: string, ids: string, k: number) => [...analysisKeys.all, dataset, 'audience', experiment, ids, k] as const,
  drilldown: (dataset: string, user: string, experiments: readonly string[], k: number) => [...analysisKeys.all, dataset, 'drilldown', user, experiments.join(','), k] as const,
};
