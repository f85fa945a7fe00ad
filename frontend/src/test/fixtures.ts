import type { Experiment, ExperimentsTable } from '@/features/experiments/types';

export const METRIC_NAMES = [
  'precision@10', 'recall@10', 'hit_rate@10', 'ndcg@10', 'map@10', 'mrr@10',
  'novelty@10', 'coverage@10', 'gini@10', 'diversity@10:cooc',
  'ndcg@5', 'recall@5',
];

export const experiments: Experiment[] = [
  {
    id: 'ex_1', name: 'MostPopular', dataset: 'demo-ml', status: 'ready', error: null, created_at: '2026-01-01T10:00:00Z',
    hyper_parameters: { model: 'most-popular' },
    metrics: { 'precision@10': 0.158, 'recall@10': 0.128, 'hit_rate@10': 0.793, 'ndcg@10': 0.196, 'map@10': 0.093, 'mrr@10': 0.461, 'novelty@10': 2.1, 'coverage@10': 0.01, 'gini@10': 0.99, 'diversity@10:cooc': 0.31, 'ndcg@5': 0.23, 'recall@5': 0.085 },
  },
  {
    id: 'ex_2', name: 'Random', dataset: 'demo-ml', status: 'ready', error: null, created_at: '2026-01-01T10:01:00Z',
    hyper_parameters: { model: 'random', seed: 7 },
    metrics: { 'precision@10': 0.007, 'recall@10': 0.006, 'hit_rate@10': 0.056, 'ndcg@10': 0.008, 'map@10': 0.003, 'mrr@10': 0.02, 'novelty@10': 9.8, 'coverage@10': 0.99, 'gini@10': 0.05, 'diversity@10:cooc': 0.97, 'ndcg@5': 0.007, 'recall@5': 0.003 },
  },
  {
    id: 'ex_3', name: 'ItemKNN-50', dataset: 'demo-ml', status: 'ready', error: null, created_at: '2026-01-01T10:02:00Z',
    hyper_parameters: { model: 'item-knn', neighbours: 50, similarity: 'cosine' },
    metrics: { 'precision@10': 0.154, 'recall@10': 0.131, 'hit_rate@10': 0.78, 'ndcg@10': 0.19, 'map@10': 0.09, 'mrr@10': 0.44, 'novelty@10': 4.2, 'coverage@10': 0.4, 'gini@10': 0.7, 'diversity@10:cooc': 0.6, 'ndcg@5': 0.22, 'recall@5': 0.08 },
  },
  {
    id: 'ex_4', name: 'ItemKNN-50+MMR', dataset: 'demo-ml', status: 'computing', error: null, created_at: '2026-01-01T10:03:00Z',
    hyper_parameters: {}, metrics: {}, parent: 'ItemKNN-50', objective: 'diversity', sim: 'cooc', lambda: 0.3,
  },
];

/** A server answer of GET /experiments/table for the given metric columns. */
export function tableAnswer(columns: string[], overrides: Partial<ExperimentsTable> = {}): ExperimentsTable {
  return {
    total: experiments.length, offset: 0, limit: 100,
    metric_names: [...METRIC_NAMES].sort(),
    hyper_parameter_names: ['model', 'neighbours', 'seed', 'similarity'],
    rows: experiments.map((e) => ({
      name: e.name, status: e.status, error: e.error, created_at: e.created_at, hyper_parameters: e.hyper_parameters,
      metrics: Object.fromEntries(columns.map((c) => [c, e.metrics[c] ?? null])),
      parent: e.parent ?? null, objective: e.objective ?? null, sim: e.sim ?? null, lambda: e.lambda ?? null,
    })),
    ...overrides,
  };
}

export function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}
