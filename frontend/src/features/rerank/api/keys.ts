export const rerankKeys = {
  all: ['rerank'] as const,
  report: (dataset: string, derived: string) => [...rerankKeys.all, dataset, 'report', derived] as const,
  userDiff: (dataset: string, derived: string, user: string) => [...rerankKeys.all, dataset, 'user-diff', derived, user] as const,
};
