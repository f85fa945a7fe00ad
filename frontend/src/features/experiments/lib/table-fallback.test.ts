import { describe, expect, it } from 'vitest';
import { experiments } from '@/test/fixtures';
import { tableFromExperiments } from './table-fallback';

describe('tableFromExperiments (browser paging for servers without /experiments/table)', () => {
  it('answers like the server: total, names, only the requested columns', () => {
    const t = tableFromExperiments(experiments, { offset: 0, limit: 2, columns: ['ndcg@10'], sortColumn: 'ndcg@10', sortDir: 'desc' });
    expect(t.total).toBe(4);
    expect(t.rows.map((r) => r.name)).toEqual(['MostPopular', 'ItemKNN-50']);
    expect(t.rows[0].metrics).toEqual({ 'ndcg@10': 0.196 });
    expect(t.metric_names.slice(0, 3)).toEqual(['precision@10', 'recall@5', 'recall@10']);
    expect(t.hyper_parameter_names).toEqual(['model', 'neighbours', 'seed', 'similarity']);
  });

  it('puts experiments without the metric last in both directions and pages', () => {
    const asc = tableFromExperiments(experiments, { offset: 0, limit: 10, columns: [], sortColumn: 'ndcg@10', sortDir: 'asc' });
    expect(asc.rows.map((r) => r.name)).toEqual(['Random', 'ItemKNN-50', 'MostPopular', 'ItemKNN-50+MMR']);
    const page2 = tableFromExperiments(experiments, { offset: 2, limit: 2, columns: [], sortColumn: 'ndcg@10', sortDir: 'asc' });
    expect(page2.rows.map((r) => r.name)).toEqual(['MostPopular', 'ItemKNN-50+MMR']);
  });

  it('filters by name substring, case-insensitive, and keeps re-ranking fields', () => {
    const t = tableFromExperiments(experiments, { offset: 0, limit: 10, columns: [], q: 'knn' });
    expect(t.total).toBe(2);
    expect(t.rows.find((r) => r.parent)?.lambda).toBe(0.3);
  });

  it('defaults to newest first', () => {
    const t = tableFromExperiments(experiments, { offset: 0, limit: 1, columns: [] });
    expect(t.rows[0].name).toBe('ItemKNN-50+MMR');
  });
});
