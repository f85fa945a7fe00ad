import { describe, expect, it } from 'vitest';
import { baseRows, otherDerived, PARENT, sweepRows } from '@/test/rerank-fixtures';
import { beyondMetricFor, closestByLambda, similarityOptions, sideValues, sourceOf, sweepSeries, SWEEP_LAMBDAS } from './rerank';

describe('re-ranking helpers', () => {
  it('offers cooc, genre.<multi column> and emb only with item embeddings', () => {
    const cols = [{ name: 'genres', kind: 'multi' }, { name: 'year', kind: 'numeric' }, { name: 'tags', kind: 'multi' }];
    expect(similarityOptions(cols, false).map((o) => o.value)).toEqual(['cooc', 'genre.genres', 'genre.tags']);
    expect(similarityOptions(cols, true).map((o) => o.value)).toEqual(['cooc', 'genre.genres', 'genre.tags', 'emb']);
  });

  it('maps an objective to the metric it moves', () => {
    expect(beyondMetricFor('diversity', 10, 'cooc')).toBe('diversity@10:cooc');
    expect(beyondMetricFor('dpp', 5, 'genre.genres')).toBe('diversity@5:genre.genres');
    expect(beyondMetricFor('novelty', 20, null)).toBe('novelty@20');
    expect(beyondMetricFor('unexpectedness', 10, 'emb')).toBe('unexpectedness@10:emb');
    expect(beyondMetricFor('calibration', 10, sourceOf('calibration', 'cooc', 'genres'))).toBe('miscalibration@10:genres');
  });

  it('sweeps λ = 0, 0.1 … 1 exactly', () => {
    expect(SWEEP_LAMBDAS.map(String)).toEqual(['0', '0.1', '0.2', '0.3', '0.4', '0.5', '0.6', '0.7', '0.8', '0.9', '1']);
  });

  it('finds one parent/objective/source series, all users or one group, newest per λ', () => {
    const rows = [...baseRows, ...otherDerived, ...sweepRows];
    const s = sweepSeries(rows, { parent: PARENT, objective: 'diversity', source: 'cooc', groupSize: null });
    expect(s.map((p) => p.lambda)).toEqual(SWEEP_LAMBDAS);
    const group = sweepSeries(rows, { parent: PARENT, objective: 'diversity', source: 'cooc', groupSize: 25 });
    expect(group.map((p) => p.name)).toEqual([`${PARENT}~diversity:cooc@0.5~group-1a2b3c4d`]);
    expect(sweepSeries(rows, { parent: PARENT, objective: 'diversity', source: 'genre.genres', groupSize: null })).toEqual([]);
    const rerun = { ...sweepRows[5], name: 'rerun', created_at: '2027-01-01T00:00:00Z' };
    expect(sweepSeries([...sweepRows, rerun], { parent: PARENT, objective: 'diversity', source: 'cooc', groupSize: null })[5].name).toBe('rerun');
    // calibration rows may carry no sim: matched by the default name
    const cal = { ...sweepRows[2], name: `${PARENT}~calibration:genres@0.2`, objective: 'calibration', sim: null };
    expect(sweepSeries([cal], { parent: PARENT, objective: 'calibration', source: 'genres', groupSize: null })).toHaveLength(1);
    expect(closestByLambda(s, 0.44)?.lambda).toBe(0.4);
  });

  it('reads side values: lists, |-separated, numbers', () => {
    expect(sideValues('Action|Comedy')).toEqual(['Action', 'Comedy']);
    expect(sideValues(['A'])).toEqual(['A']);
    expect(sideValues(1997)).toEqual(['1997']);
    expect(sideValues(null)).toEqual([]);
  });
});
