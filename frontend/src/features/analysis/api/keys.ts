export const analysisKeys = {
  all: ['analysis'] as const,
  perUser: (dataset: string, experiment: string) => [...analysisKeys.all, dataset, 'per-user', experiment] as const,
  breakdown: (dataset: string, experiment: string, metric: string, by: string) => [...analysisKeys.all, dataset, 'breakdown', experiment, metric, by] as const,
  compare: (dataset: string, experiments: readonly string[], metrics: readonly string[]) => [...analysisKeys.all, dataset, 'compare', experiments.join(','), metrics.join(',')] as const,
};
