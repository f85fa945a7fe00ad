/** Fixture answers of the re-ranking routes (docs/api.md "Re-ranking") for component tests. */
import type { RerankReport, UserDiff } from '@/features/rerank';
import type { TableRow } from '@/features/experiments';

const row = (name: string, metrics: Record<string, number | null>, extra: Partial<TableRow> = {}): TableRow => ({
  name, status: 'ready', error: null, created_at: '2026-01-01T10:00:00Z', hyper_parameters: {}, metrics,
  parent: null, objective: null, sim: null, lambda: null, ...extra,
});

export const PARENT = 'ItemKNN-50';

/** λ = 0 … 1: accuracy falls, diversity rises (λ = 0 is the parent's own lists). */
export const sweepRows: TableRow[] = Array.from({ length: 11 }, (_, i) => {
  const l = i / 10;
  return row(`${PARENT}~diversity:cooc@${l}`, { 'ndcg@10': 0.168 - 0.06 * l * l, 'diversity@10:cooc': 0.457 + 0.35 * l, 'miscalibration@10:genres': 2.05 + 0.3 * l },
    { parent: PARENT, objective: 'diversity', sim: 'cooc', lambda: l, created_at: `2026-01-02T10:00:${String(i).padStart(2, '0')}Z` });
});

export const baseRows: TableRow[] = [
  row('MostPopular', { 'ndcg@10': 0.159, 'diversity@10:cooc': 0.31, 'miscalibration@10:genres': 2.9 }, { hyper_parameters: { model: 'most-popular' } }),
  row('Random', { 'ndcg@10': 0.011, 'diversity@10:cooc': 0.97, 'miscalibration@10:genres': 1.1 }, { hyper_parameters: { model: 'random' } }),
  row(PARENT, { 'ndcg@10': 0.168, 'diversity@10:cooc': 0.457, 'miscalibration@10:genres': 2.05 }, { hyper_parameters: { model: 'item-knn' } }),
];

/** A run of another objective and a group run of the same one: not part of the all-users diversity sweep. */
export const otherDerived: TableRow[] = [
  row(`${PARENT}~novelty:@0.5`, { 'ndcg@10': 0.12, 'diversity@10:cooc': 0.5 }, { parent: PARENT, objective: 'novelty', sim: null, lambda: 0.5 }),
  row(`${PARENT}~diversity:cooc@0.5~group-1a2b3c4d`, { 'ndcg@10': 0.13, 'diversity@10:cooc': 0.7 }, { parent: PARENT, objective: 'diversity', sim: 'cooc', lambda: 0.5, users: 25 }),
];

export const report: RerankReport = {
  parent: PARENT, objective: 'diversity', sim: 'cooc', lambda: 0.5, users: 1000,
  deltas: [
    { metric: 'ndcg@10', parent: 0.1683, derived: 0.1533, delta: -0.015, direction: 'down' },
    { metric: 'recall@10', parent: 0.12, derived: 0.11, delta: -0.01, direction: 'down' },
    { metric: 'diversity@10:cooc', parent: 0.457, derived: 0.632, delta: 0.175, direction: 'up' },
    { metric: 'gini@10', parent: 0.98, derived: 0.95, delta: -0.03, direction: 'down' },
    { metric: 'miscalibration@10:genres', parent: 2.05, derived: 2.2, delta: 0.15, direction: 'up' },
    { metric: 'coverage@10', parent: 0.12, derived: 0.12, delta: 0, direction: 'same' },
    { metric: 'entropy@10', parent: 5.7, derived: 6.1, delta: 0.4, direction: 'up' },
    { metric: 'ndcg@5', parent: 0.2, derived: 0.19, delta: -0.01, direction: 'down' },
  ],
  top_before: [{ item_id: 50, count: 812, genres: 'Drama|Romance', year: 1997 }, { item_id: 100, count: 640, genres: ['Comedy'], year: 1996 }],
  top_after: [{ item_id: 50, count: 401, genres: 'Drama|Romance', year: 1997 }, { item_id: 181, count: 377, genres: 'Action|Sci-Fi', year: 1983 }],
  new_items: [{ item_id: 1421, count: 93, genres: 'Documentary', year: 1994 }],
};

export const userDiff: UserDiff = {
  user_id: '42',
  before: [
    { item_id: 10, rank: 1, score: 0.93, genres: 'Drama' },
    { item_id: 11, rank: 2, score: 0.88, genres: 'Drama|Romance' },
    { item_id: 12, rank: 3, score: 0.85, genres: 'Comedy' },
  ],
  after: [
    { item_id: 10, rank: 1, original_rank: 1, shift: 0, genres: 'Drama' },
    { item_id: 12, rank: 2, original_rank: 3, shift: 1, genres: 'Comedy' },
    { item_id: 77, rank: 3, original_rank: 17, shift: 14, genres: 'Western' },
  ],
};
