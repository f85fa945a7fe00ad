/** Fixture answers of the analysis routes, shaped exactly as docs/analysis-api.md says. */
import type { Attribute, AttributeNames, Audience, Drilldown, ItemSelection, Projection, UserSelection } from '@/features/analysis/types';

const N_USERS = 40;
export const userIds = Array.from({ length: N_USERS }, (_, i) => i + 1);

export const userProjection: Projection = {
  entity: 'user', method: 'pca', neighbors: null, source: 'candidate_scores', source_dims: 64,
  explained_variance: [0.41, 0.22], sampled: false, n_total: N_USERS, n_points: N_USERS, sample_note: null,
  ids: userIds, x: userIds.map((i) => Math.cos(i)), y: userIds.map((i) => Math.sin(i)),
};

export const itemProjection: Projection = {
  entity: 'item', method: 'umap', neighbors: 15, source: 'train_interactions', source_dims: 64,
  sampled: true, n_total: 60000, n_points: 6, sample_note: 'uniform random 6 of 60,000, seed 42',
  ids: [10, 11, 12, 13, 14, 15], x: [0, 1, 2, 3, 4, 5], y: [5, 4, 3, 2, 1, 0],
};

export const userAttributeNames: AttributeNames = {
  side: [{ name: 'gender', kind: 'categorical' }, { name: 'age', kind: 'numeric' }],
  metrics: ['recall@10', 'ndcg@10'],
};

export const itemAttributeNames: AttributeNames = {
  side: [{ name: 'genres', kind: 'multi' }, { name: 'year', kind: 'numeric' }],
  metrics: ['popularity'],
};

export const genderAttribute: Attribute = {
  name: 'gender', kind: 'categorical', ids: userIds, values: userIds.map((i) => (i % 4 === 0 ? 'F' : 'M')),
};

export const userSelection: UserSelection = {
  n_selected: 3, n_total: 6040, k: 10,
  side: [
    { column: 'gender', kind: 'categorical', values: ['F', 'M'], selected: [1, 2], all: [1709, 4331] },
    { column: 'age', kind: 'numeric', edges: [18, 25, 35, 60], selected: [2, 1, 0], all: [1000, 3000, 2040] },
  ],
  metrics: [
    { experiment: 'ItemKNN-50', metric: 'recall@10', selected: 0.12, all: 0.1 },
    { experiment: 'MostPopular', metric: 'recall@10', selected: 0.07, all: 0.09 },
  ],
  top_items: [
    { item: 50, count: 3, share: 1, side: { genres: ['Comedy'], year: 1995 } },
    { item: 260, count: 2, share: 0.67, side: { genres: ['Action', 'Sci-Fi'], year: 1977 } },
  ],
  genres: [{ column: 'genres', values: ['Comedy', 'Drama', 'Action'], train: [0.5, 0.3, 0.2], recommended: [0.7, 0.1, 0.2] }],
};

export const itemSelection: ItemSelection = {
  n_selected: 2, n_total: 3706,
  side: [{ column: 'genres', kind: 'multi', values: ['Comedy', 'Drama'], selected: [2, 0], all: [1200, 1600] }],
  popularity: { selected: { mean: 812.5, median: 812.5 }, all: { mean: 269.9, median: 123 }, edges: [1, 10, 100, 1000, 10000], selected_counts: [0, 0, 1, 1], all_counts: [500, 1500, 1500, 206] },
  recommended: { selected_share: 0.0523 },
};

export const audience: Audience = {
  k: 10, n_interacted: 310, n_recommended: 95,
  rows: [
    { group: 'interacted', column: 'gender', value: 'F', count: 120 },
    { group: 'interacted', column: 'gender', value: 'M', count: 190 },
    { group: 'recommended', column: 'gender', value: 'F', count: 19 },
    { group: 'recommended', column: 'gender', value: 'M', count: 76 },
  ],
};

export const drilldown: Drilldown = {
  user: 42, side: { gender: 'F', age: 25 },
  train: [{ item: 1, side: { genres: ['Animation'], year: 1995 } }, { item: 2, side: { genres: ['Adventure'], year: 1995 } }],
  ground_truth: [{ item: 7, side: { genres: ['Comedy'], year: 1995 } }, { item: 9, side: { genres: ['Action'], year: 1995 } }],
  experiments: [
    { name: 'ItemKNN-50', items: [
      { item: 7, rank: 1, score: 0.9, hit: true, side: { genres: ['Comedy'], year: 1995 } },
      { item: 8, rank: 2, score: 0.8, hit: false, side: { genres: ['Drama'], year: 1990 } },
      { item: 9, rank: 3, score: 0.7, hit: true, side: { genres: ['Action'], year: 1995 } },
    ] },
    { name: 'MostPopular', items: [
      { item: 50, rank: 1, score: 1, hit: false, side: { genres: ['Comedy'], year: 1995 } },
      { item: 7, rank: 2, score: 0.95, hit: true, side: { genres: ['Comedy'], year: 1995 } },
    ] },
  ],
};
